import type { ConditionJson, RuleSetFile } from '../schemas/index.ts';
import { ACCEPTANCE_OUTCOMES, AUDIT_OUTCOMES, OPERATOR_ALIASES, ROUTE_OUTCOMES, profileHasPath } from '../schemas/index.ts';

export { profileHasPath };
import { OPERATORS, compareSemver, placeholders, rawLeaves } from '../engine/index.ts';
import type { LintProblem, LoadedRules } from './load.ts';
import { checkLock, readLock } from './lock.ts';
import { SourceText } from './quotes.ts';

/**
 * A rule file or changelog that names a path outside its directory (`../`): the repository stands alone, so where a
 * text came from is said in words (source.origin), never by a path.
 */
export function pathsOutside(text: string, file: string): LintProblem[] {
  const problems: LintProblem[] = [];
  text.split('\n').forEach((line, i) => {
    if (/\.\.[\\/]/.test(line))
      problems.push({
        file,
        message: `line ${i + 1} names a path outside rules/ ('../'): say in words where a text comes from (source.origin), never by a path`,
      });
  });
  return problems;
}

const OUTCOMES: Partial<Record<string, readonly string[]>> = {
  audit: AUDIT_OUTCOMES,
  process: [...ROUTE_OUTCOMES, ...ACCEPTANCE_OUTCOMES],
};

/** The semantic checks beyond the schema. Every problem names the file, the rule id and what is wrong. */
export function lintRules(loaded: LoadedRules): LintProblem[] {
  const problems: LintProblem[] = [...loaded.problems];
  const lock = readLock(loaded.dir);
  const lockCheck = lock ? checkLock(loaded, lock) : undefined;
  if (lockCheck) problems.push(...lockCheck.problems);
  // Released versions are frozen as they were linted then; newer checks bind drafts (versions not yet in the lock).
  const drafts = new Set(lockCheck ? lockCheck.unreleased : loaded.versions.map((v) => `${v.file.id}@${v.file.version}`));
  const derived = new Set(loaded.derivedFacts.map((d) => d.name));
  const dateRelative = new Set(
    loaded.derivedFacts.filter((d) => d.kind === 'yearsSince' || d.kind === 'heldTitles' || d.kind === 'auditDuties').map((d) => d.name),
  );
  for (const d of loaded.derivedFacts) {
    if (profileHasPath([d.name])) problems.push({ file: 'derived-facts.yaml', message: `derived fact '${d.name}' clashes with a profile field` });
    for (const input of [...d.inputs, d.ask, ...(d.override ? [d.override] : [])]) {
      if (!profileHasPath(input.split('.')))
        problems.push({ file: 'derived-facts.yaml', message: `derived fact '${d.name}': '${input}' is not a profile field` });
    }
    if (d.operator && !OPERATORS.has(d.operator))
      problems.push({ file: 'derived-facts.yaml', message: `derived fact '${d.name}': unknown operator '${d.operator}'` });
  }

  const idsByVersion = new Map(loaded.versions.map((v) => [`${v.file.id}@${v.file.version}`, new Set(v.file.rules.map((r) => r.id))]));
  const ruleOwner = new Map<string, string>();
  for (const { file, location } of loaded.versions) {
    const source = loaded.sources.get(`${file.id}/${file.source.file}`);
    const sourceText = source === undefined ? undefined : new SourceText(source);
    const seen = new Set<string>();
    const p = (message: string, ruleId?: string) => problems.push({ file: location, message, ...(ruleId ? { ruleId } : {}) });
    if (source === undefined) p(`source file ${file.source.file} is missing from rules/${file.id}/: every rule set keeps the text it encodes`);

    if (file.validTo !== null && file.validTo < file.validFrom) p(`validTo ${file.validTo} is before validFrom ${file.validFrom}`);
    const changelog = loaded.changelogs.get(file.id);
    if (changelog === undefined) p(`rules/${file.id}/CHANGELOG.md is missing: every version needs an entry (what changed, why, which periods)`);
    else if (!new RegExp(`^##\\s+${file.version.replaceAll('.', '\\.')}\\b`, 'm').test(changelog))
      p(`CHANGELOG.md has no entry '## ${file.version}' for this version`);
    if (file.appliesTo) checkConditions(file.appliesTo, derived, (m) => p(`appliesTo: ${m}`));
    for (const w of file.warnings ?? []) {
      checkConditions(w.conditions, derived, (m) => p(`warning ${w.code}: ${m}`));
      if (w.citation) checkQuote(w.citation.quote, sourceText, (m) => p(`warning ${w.code}: ${m}`));
    }
    for (const rule of file.rules) {
      const rp = (m: string) => p(m, rule.id);
      if (seen.has(rule.id)) rp(`duplicate rule id '${rule.id}' in this version`);
      seen.add(rule.id);
      const owner = ruleOwner.get(rule.id);
      if (owner && owner !== file.id) rp(`rule id '${rule.id}' is also used by rule set ${owner}`);
      ruleOwner.set(rule.id, file.id);
      const allowed = OUTCOMES[rule.kind];
      if (allowed && !allowed.includes(rule.outcome)) rp(`outcome '${rule.outcome}' is not one of the ${rule.kind} outcomes (${allowed.join(', ')})`);
      checkConditions(rule.conditions, derived, rp);
      checkQuote(rule.citation.quote, sourceText, rp);
      checkValidity(file, rule.validFrom, rule.validTo, rp);
      if (rule.due && rule.kind !== 'audit') rp(`'due' is only meaningful on an audit rule`);
      checkDuty(rule, drafts.has(`${file.id}@${file.version}`), dateRelative, rp);
      checkExplanation(rule.explanation, derived, rp);
      for (const old of rule.replaces ?? []) {
        const earlier = [...idsByVersion].some(
          ([k, ids]) => k.startsWith(`${file.id}@`) && compareSemver(k.slice(file.id.length + 1), file.version) < 0 && ids.has(old),
        );
        if (!earlier) rp(`replaces '${old}', which no earlier version of ${file.id} has`);
      }
      if (rule.due?.fromFact && !profileHasPath(rule.due.fromFact.split('.'))) rp(`due.fromFact '${rule.due.fromFact}' is not a profile field`);
    }
  }
  return problems;
}

/** Which `satisfiedBy` fits which kind of due date. */
const SATISFIED_BY_FOR: Record<'date' | 'listing' | 'cycle' | 'none', readonly string[]> = {
  date: ['any-audit-by-due', 'audit-in-window'],
  listing: ['audit-since-listing', 'any-audit-by-due', 'audit-in-window'],
  cycle: ['audit-each-cycle'],
  none: ['any-audit', 'audit-in-window', 'not-stated'],
};

/**
 * An audit duty states exactly one source of its due date and, in a draft, what meets it; its conditions read no fact
 * whose value depends on the evaluation date (a duty's past due dates are judged on the same facts) and no lateness fact
 * (lateness is computed from the duties).
 */
function checkDuty(rule: RuleSetFile['rules'][number], draft: boolean, dateRelative: ReadonlySet<string>, report: (m: string) => void): void {
  const obliging = rule.kind === 'audit' && (rule.outcome === 'mandatory' || rule.outcome === 'required');
  const due = rule.due;
  if (!due) {
    if (obliging && draft)
      report(`an audit duty (outcome ${rule.outcome}) must state 'due': by, fromFact, cycleYears or none, with satisfiedBy (rules/README.md, "Audit duties")`);
    return;
  }
  if (rule.kind === 'audit' && !obliging) report(`'due' belongs on an audit duty (mandatory or required), not on outcome ${rule.outcome}`);
  const sources = (['by', 'fromFact', 'cycleYears', 'none'] as const).filter((k) => due[k] !== undefined);
  if (sources.length !== 1)
    report(`due must state exactly one of by, fromFact, cycleYears, none (has ${sources.length === 0 ? 'none of them' : sources.join(', ')})`);
  const kind = due.by !== undefined ? 'date' : due.fromFact !== undefined ? 'listing' : due.cycleYears !== undefined ? 'cycle' : 'none';
  if (due.satisfiedBy === undefined) {
    if (draft) report(`due.satisfiedBy is required: what meets this duty (${SATISFIED_BY_FOR[kind].join(', ')})`);
  } else if (!SATISFIED_BY_FOR[kind].includes(due.satisfiedBy))
    report(`due.satisfiedBy '${due.satisfiedBy}' does not fit a ${kind} due date (one of ${SATISFIED_BY_FOR[kind].join(', ')})`);
  if (due.from === 'listing' && due.satisfiedBy !== 'audit-since-listing') report(`due.from 'listing' goes with satisfiedBy audit-since-listing`);
  if (due.deemedBy && !profileHasPath(due.deemedBy.split('.'))) report(`due.deemedBy '${due.deemedBy}' is not a profile field`);
  for (const leaf of rawLeaves(rule.conditions)) {
    if (dateRelative.has(leaf.fact))
      report(`an audit duty's conditions may not read '${leaf.fact}': its value depends on the evaluation date (or on the duties themselves)`);
  }
}

function checkConditions(json: ConditionJson, derived: Set<string>, report: (m: string) => void): void {
  for (const leaf of rawLeaves(json)) {
    if (!OPERATORS.has(leaf.operator))
      report(
        `unknown operator '${leaf.operator}' (registry: ${[...OPERATORS.keys()].join(', ')}; short names: ${Object.entries(OPERATOR_ALIASES)
          .map(([a, n]) => `${a} = ${n}`)
          .join(', ')})`,
      );
    const segments = leaf.path ? leaf.path.slice(2).split('.') : [];
    if (derived.has(leaf.fact)) {
      if (segments.length > 0) report(`derived fact '${leaf.fact}' takes no path`);
    } else if (!profileHasPath([leaf.fact, ...segments])) {
      report(`unknown fact '${[leaf.fact, ...segments].join('.')}': not a profile field nor a declared derived fact`);
    }
  }
}

const DECISION_FIELDS = new Set(['dueBy', 'cycleYears', 'overdue', 'validFrom', 'validTo', 'fine.minYuan', 'fine.maxYuan']);

/** Every placeholder of an explanation template names a profile field, a derived fact or a decision field. */
function checkExplanation(explanation: { zh: string; en: string } | undefined, derived: Set<string>, report: (m: string) => void): void {
  if (!explanation) return;
  for (const lang of ['zh', 'en'] as const) {
    for (const p of placeholders(explanation[lang])) {
      const [head, ...rest] = p.split('.');
      const ok = head === 'decision' ? DECISION_FIELDS.has(rest.join('.')) : derived.has(p) || profileHasPath(p.split('.'));
      if (!ok) report(`explanation.${lang}: placeholder {${p}} is not a profile field, derived fact or decision field`);
    }
  }
}

function checkQuote(quote: string | string[], source: SourceText | undefined, report: (m: string) => void): void {
  if (source === undefined) return;
  for (const fragment of Array.isArray(quote) ? quote : [quote]) {
    if (!source.has(fragment)) report(`quote not found verbatim in source.txt: "${fragment.length > 60 ? `${fragment.slice(0, 60)}…` : fragment}"`);
  }
}

function checkValidity(file: RuleSetFile, from: string | undefined, to: string | null | undefined, report: (m: string) => void): void {
  if (from !== undefined && from < file.validFrom) report(`rule validFrom ${from} is before its version's validFrom ${file.validFrom}`);
  if (from !== undefined && file.validTo !== null && from > file.validTo) report(`rule validFrom ${from} is after its version's validTo ${file.validTo}`);
  if (to !== undefined && to !== null) {
    if (file.validTo !== null && to > file.validTo) report(`rule validTo ${to} is after its version's validTo ${file.validTo}`);
    if (to < file.validFrom) report(`rule validTo ${to} is before its version's validFrom ${file.validFrom}`);
    if (from !== undefined && to < from) report(`rule validTo ${to} is before its validFrom ${from}`);
  }
  if (to === null && file.validTo !== null) report(`rule validTo is open (null) but its version ends ${file.validTo}`);
}

export function formatProblem(p: LintProblem): string {
  return `${p.file}${p.ruleId ? ` [${p.ruleId}]` : ''}: ${p.message}`;
}
