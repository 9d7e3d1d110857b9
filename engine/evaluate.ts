import { questionFor, type Answer, type Decision, type Profile } from '../schemas/index.ts';
import { covers } from './dates.ts';
import { deriveFacts, readPath } from './derived.ts';
import { auditHistory, auditOnDate, checkAuditFacts } from './history.ts';
import { collectDuties, type DutyRecord } from './duties.ts';
import { dutyFields } from './audit-summary.ts';
import { dutyOf, dutyOutcome } from './duty.ts';
import { lateness, type LatenessFact } from './lateness.ts';
import { pathsRead, unusedFactWarnings } from './unused.ts';
import { UnknownRuleSetError } from './errors.ts';
import type { EvaluateOptions, PreparedRule, PreparedVersion, RuleBase } from './model.ts';
import { rulesInForce, selectVersion } from './select.ts';
import { MESSAGES, notInForceWarning, placeReason, statusReason } from './messages.ts';
import { testWords } from './words.ts';
import { summarise } from './summary.ts';
import { compiled, factTable, judgeCompiled, releaseTable, valueIn, type FactTable, type Facts, type Judgment, type LeafTest } from './tri.ts';
import { canonicalJson, sha256 } from './canonical.ts';
import { ENGINE_VERSION } from './version.ts';
import { renderExplanation, type Lang } from './explain.ts';

/** Decides one rule's effective condition for the facts; the default is the compiled three-valued evaluator. */
export type RuleJudge = (version: PreparedVersion, rule: PreparedRule, facts: Facts, table: FactTable, full: boolean) => Judgment;
export const threeValuedJudge: RuleJudge = (_v, rule, _facts, table, full) => judgeCompiled(rule.effective, table, full && rule.explainsFalse, full);

type Warning = Answer['warnings'][number];

/**
 * The engine: one pure function from the rule base, a profile and the options to the contract's answer. It reads no
 * file, network or clock; `asOf` is always given by the caller.
 */
export function evaluate(base: RuleBase, profile: Profile, options: EvaluateOptions, judgeRule: RuleJudge = threeValuedJudge): Answer {
  const { asOf } = options;
  const includeOutOfForce = options.includeOutOfForce === true;
  const lang: Lang = options.lang ?? 'zh';
  const detail = options.detail ?? 'full';
  const full = detail === 'full';
  const verdictOnly = detail === 'verdict';
  checkRequested(base, options);
  checkAuditFacts(profile);
  const fastJudge = judgeRule === threeValuedJudge;
  // The audit facts as they stood on asOf: audits completed later did not exist yet.
  const history = auditHistory(profile, asOf);
  const onDate = auditOnDate(profile, history, asOf);
  const derived = deriveFacts(base.derivedFacts, { profile: onDate, asOf, lang });
  // (Object.assign, not spread: several times faster on a profile's keys, and this runs for every evaluation.)
  let facts: Facts = Object.assign({}, onDate, derived.facts);
  let table = factTable(facts, base.program);
  const warnings: Warning[] = [...derived.warnings];
  for (const n of options.normalized ?? []) warnings.push({ code: 'normalized', path: n.path, message: MESSAGES.normalized[lang](n.path, n.given, n.key) });
  if (history.ignored.length > 0) warnings.push(afterAsOfWarning(history.ignored, asOf, lang));
  // Audit duties first (their rules read no lateness fact: lint checks it), then the lateness facts they imply.
  const duties = collectDuties(base, options, table, facts, history);
  const late = lateness(duties, profile, lang);
  warnings.push(...late.warnings);
  if (Object.keys(late.facts).length > 0) {
    facts = Object.assign({}, facts, late.facts);
    releaseTable(table);
    table = factTable(facts, base.program);
  }
  const dutyOf = new Map<PreparedRule, DutyRecord>();
  for (const d of duties) if (d.inForce || !dutyOf.has(d.duty.rule)) dutyOf.set(d.duty.rule, d);
  const rulesets: Answer['rulesets'] = [];
  const decisions: Decision[] = [];
  const whyNot: Answer['whyNot'] = [];
  const undetermined: Answer['undetermined'] = [];
  const receiptSets: Answer['receipt']['rulesets'] = [];
  const read: ReadonlySet<string>[] = [];

  for (const [id, versions] of base.rulesets) {
    if (options.rulesets && !options.rulesets.includes(id)) continue;
    const sel = selectVersion(id, versions, asOf, options.versions?.[id]);
    const v = sel.version;
    const place = valueIn(v.place, table);
    const status = place === 'F' ? 'not-applicable' : sel.dateStatus;
    const where = placeReason(v.file.jurisdiction, place, facts, lang);
    const standing = { version: v.version, validFrom: v.file.validFrom, validTo: v.file.validTo, pinned: sel.pinned };
    const reason = status === 'not-applicable' ? where : statusReason(status, asOf, standing, lang, place === 'U' ? where : null);
    rulesets.push({ id, version: v.version, title: v.file.title, status, reason, pinned: sel.pinned });
    receiptSets.push({ id, version: v.version, sha256: v.sha256 });
    if (status === 'not-applicable') continue;
    if (status !== 'in-force') {
      warnings.push({ code: 'ruleset-not-in-force', path: null, message: notInForceWarning(id, status, asOf, standing, lang) });
      if (!includeOutOfForce) continue;
    }

    const ctx: DecisionContext = { profile: onDate, facts, asOf, lang, full, history, dutyOf };
    // Rules in force on the date (listed once per version and date); every rule when out-of-force ones are asked for.
    // (A version not in force reaches here only when they are.)
    const onlyInForce = !includeOutOfForce;
    const rules = onlyInForce ? rulesInForce(v, asOf) : v.rules;
    read.push(pathsRead(v, rules, onlyInForce ? asOf : `${asOf}|all`, base.derivedFacts));
    for (const rule of rules) {
      const r = rule.json;
      const ruleInForce = onlyInForce || (status === 'in-force' && covers(r.validFrom, r.validTo, asOf));
      // A false rule that needs no explanation is settled by its memoised value alone (most rules, most of the time).
      if (fastJudge && !full) {
        // Lean answers: no because, no whyNot; a true rule is decided by its memoised value, and so is an
        // undetermined one when its missing facts are not asked for (verdict).
        const value = valueIn(rule.effective, table);
        if (value === 'F') continue;
        if (value === 'T') {
          decisions.push(toDecision(v, rule, NO_TESTS, ruleInForce, ctx));
          continue;
        }
        if (verdictOnly) {
          // Only the kinds the verdict reads (the audit status it could still reach, the route left open).
          if (ruleInForce && (r.kind === 'audit' || r.kind === 'process')) {
            undetermined.push({ id: r.id, ruleset: id, kind: r.kind, outcome: r.outcome, title: r.title, missingFacts: NO_FACTS });
          }
          continue;
        }
      } else if (fastJudge && !(ruleInForce && rule.explainsFalse) && valueIn(rule.effective, table) === 'F') continue;
      // The rule's effective condition: its rule set's place and scope, then its own (see prepare.ts).
      const judged = judgeRule(v, rule, facts, table, full);
      if (judged.value === 'T') {
        decisions.push(toDecision(v, rule, full ? judged.because : NO_TESTS, ruleInForce, ctx));
      } else if (judged.value === 'F') {
        if (full && ruleInForce && rule.explainsFalse) {
          // Each failed condition also in words, in the answer's language.
          const missing = judged.missing.map((t) => ({ ...t, text: testWords(t, lang) }));
          whyNot.push({ id: r.id, ruleset: id, kind: r.kind, outcome: r.outcome, title: r.title, missing });
        }
      } else if (ruleInForce) {
        undetermined.push({
          id: r.id,
          ruleset: id,
          kind: r.kind,
          outcome: r.outcome,
          title: r.title,
          missingFacts: askPaths(base, judged.unknownFacts, late.ask),
        });
      }
    }
    if (status === 'in-force' && place === 'T') {
      for (const w of v.warnings) {
        if (compiled(w.node).value(table) === 'T') warnings.push({ code: w.code, path: w.path, message: MESSAGES.rulesetWarning[lang](id, w.message[lang]) });
      }
    }
  }

  // Every decision counts: rules not in force were skipped above unless includeOutOfForce asked for them.
  releaseTable(table);
  const summary = summarise(decisions, undetermined, lang, dutyFields(duties));
  if (summary.process.route === 'standard' && decisions.some((d) => d.kind === 'process' && d.outcome === 'simplified')) {
    warnings.push({ code: 'standard-route-wins', path: 'process', message: summary.process.reason });
  }
  // A fact the user gave that no rule in force reads changes nothing: say so, rather than let it look considered.
  warnings.push(...unusedFactWarnings(profile, read, asOf, lang));
  return {
    asOf,
    ...(full ? {} : { detail }),
    language: lang,
    profileId: profile.id ?? null,
    rulesets,
    summary,
    decisions,
    whyNot,
    undetermined,
    questions: verdictOnly ? [] : rankQuestions(undetermined, duties, lang),
    facts: Object.assign({}, derived.facts, late.facts),
    warnings,
    receipt: { asOf, rulesets: receiptSets, profileSha256: full ? sha256(canonicalJson(profile)) : '', engineVersion: ENGINE_VERSION },
  };
}

function checkRequested(base: RuleBase, options: EvaluateOptions): void {
  (options.rulesets ?? []).forEach((id, i) => {
    if (!base.rulesets.has(id)) throw UnknownRuleSetError.ruleSet(id, [...base.rulesets.keys()], `rulesets[${i}]`);
  });
  for (const id of Object.keys(options.versions ?? {})) {
    if (!base.rulesets.has(id)) throw UnknownRuleSetError.ruleSet(id, [...base.rulesets.keys()], `versions.${id}`);
  }
}

interface DecisionContext {
  profile: Profile;
  facts: Facts;
  asOf: string;
  lang: Lang;
  full: boolean;
  history: ReturnType<typeof auditHistory>;
  dutyOf: ReadonlyMap<PreparedRule, DutyRecord>;
}

function toDecision(v: PreparedVersion, rule: PreparedRule, because: LeafTest[], inForce: boolean, ctx: DecisionContext): Decision {
  const { profile, asOf } = ctx;
  const r = rule.json;
  const d: Decision = {
    id: r.id,
    ruleset: v.id,
    version: v.version,
    kind: r.kind,
    outcome: r.outcome,
    title: r.title,
    citation: r.citation,
    because,
    inForce,
    validFrom: r.validFrom ?? v.file.validFrom,
    validTo: r.validTo !== undefined ? r.validTo : v.file.validTo,
  };
  if (rule.duty) {
    // The duty's state on asOf; a rule shown out of force (includeOutOfForce) without a passed due date gets its
    // state as if in force, marked by the decision's inForce: false.
    const record = ctx.dutyOf.get(rule);
    const listing = profile.audit?.mandatoryListed;
    const deemed = rule.duty.deemedBy !== undefined ? readPath(ctx.facts, rule.duty.deemedBy) : undefined;
    const result =
      record?.result ??
      dutyOutcome(rule.duty, {
        history: ctx.history,
        asOf,
        inForce,
        listing: listing && listing.listed !== false ? listing : undefined,
        deemed: typeof deemed === 'boolean' ? deemed : undefined,
      });
    const duty = dutyOf(result);
    d.dueBy = duty.dueBy;
    d.cycleYears = duty.cycleYears;
    d.overdue = duty.overdue;
    d.duty = duty;
  }
  if (r.fine) d.fine = r.fine;
  if (r.notEncoded) d.notEncoded = r.notEncoded;
  if (r.historic) d.historic = r.historic;
  if (r.note) d.note = r.note;
  if (ctx.full) d.explanation = renderExplanation(r.explanation[ctx.lang], ctx.facts, d, ctx.lang);
  return d;
}

const NO_TESTS: LeafTest[] = [];
/** The missing facts of an undetermined rule in a verdict answer: not looked for. */
const NO_FACTS: string[] = [];

const AFTER_AS_OF = {
  zh: (dates: string, asOf: string) => `审核完成日期 ${dates} 晚于评估日 ${asOf}：这些审核在该日尚未发生，本次评估不计入。`,
  en: (dates: string, asOf: string) =>
    `audit completion date(s) ${dates} lie after the evaluation date ${asOf}: those audits did not exist on that date and are ignored.`,
};
function afterAsOfWarning(ignored: readonly string[], asOf: string, lang: Lang): Warning {
  return { code: 'audit-after-asof', path: 'audit', message: AFTER_AS_OF[lang](ignored.join(lang === 'zh' ? '、' : ', '), asOf) };
}
/** The profile paths an undetermined rule waits on (its place, scope and own conditions), each once. */
function askPaths(base: RuleBase, unknownFacts: readonly string[], lateAsk: Partial<Record<LatenessFact, string[]>>): string[] {
  const out: string[] = [];
  for (const fact of unknownFacts) {
    // A lateness fact is asked for through what would settle the duties it comes from.
    for (const path of lateAsk[fact as LatenessFact] ?? [askPath(base, fact)]) if (!out.includes(path)) out.push(path);
  }
  return out;
}

/** A derived fact is asked for through the profile field it comes from. */
function askPath(base: RuleBase, fact: string): string {
  return base.askFor.get(fact) ?? fact;
}

/** Facts whose answers could settle undetermined rules: those that decide audit and route first, then by reach. */
function rankQuestions(undetermined: Answer['undetermined'], duties: readonly DutyRecord[], lang: Lang): Answer['questions'] {
  const entries: { fact: string; ids: string[]; weight: number }[] = [];
  const byFact = new Map<string, { fact: string; ids: string[]; weight: number }>();
  // An audit duty whose state the history leaves open asks for the audit dates (or the listing's), as an audit rule would.
  // It ranks after the facts that decide whether an audit is due at all, before those of the route.
  const open = duties
    .filter((d) => d.inForce && d.applies === 'T' && d.result.ask.length > 0)
    .map((d) => ({ id: d.duty.rule.json.id, kind: 'duty', missingFacts: d.result.ask }));
  for (const u of [...undetermined, ...open]) {
    const weight = u.kind === 'audit' ? 100 : u.kind === 'duty' ? 50 : u.kind === 'process' ? 10 : 1;
    for (const fact of u.missingFacts) {
      let entry = byFact.get(fact);
      if (!entry) {
        entry = { fact, ids: [], weight: 0 };
        byFact.set(fact, entry);
        entries.push(entry);
      }
      if (!entry.ids.includes(u.id)) {
        entry.ids.push(u.id);
        entry.weight += weight;
      }
    }
  }
  entries.sort((a, b) => b.weight - a.weight || b.ids.length - a.ids.length || (a.fact < b.fact ? -1 : a.fact > b.fact ? 1 : 0));
  return entries.map((e) => ({ fact: e.fact, ...askFor(e.fact, lang), affects: e.ids }));
}

/** The question for a fact (schemas/questions.ts); a path the catalog lacks is asked for by name (a test forbids it). */
function askFor(fact: string, lang: Lang): Omit<Answer['questions'][number], 'fact' | 'affects'> {
  return questionFor(fact, lang) ?? { text: lang === 'zh' ? `请提供 ${fact}？` : `What is ${fact}?`, type: 'choice', options: [] };
}
