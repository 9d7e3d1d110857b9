import type { Profile } from '../schemas/index.ts';
import { covers, inRanges } from './dates.ts';
import { dutyOutcome, revised, type DutyResult, type Round } from './duty.ts';
import type { AuditHistory } from './history.ts';
import type { DutyRule, EvaluateOptions, RuleBase } from './model.ts';
import { judgeCompiled, valueIn, type FactTable, type Facts, type Tri } from './tri.ts';
import { readPath } from './derived.ts';

/** One audit duty as it stands on asOf: in force now, or history (a due date that passed while it was in force). */
export interface DutyRecord {
  readonly duty: DutyRule;
  /** Whether the rule (with its rule set's jurisdiction and scope) applies: T, or U when facts are missing. */
  readonly applies: Tri;
  readonly inForce: boolean;
  readonly result: DutyResult;
  /** When `applies` is U: the profile fields it waits on. */
  readonly missingFacts: readonly string[];
}

/**
 * Every audit duty that bears on the enterprise on asOf: those in force, and those whose due dates passed while they
 * were in force (a plan stage, version or rule set that has since ended keeps its missed deadlines). A duty counts on
 * a date only when its rule set's version used on that date (or the pinned one) has the rule in force then.
 */
export function collectDuties(base: RuleBase, options: EvaluateOptions, table: FactTable, facts: Facts, history: AuditHistory): DutyRecord[] {
  const { asOf } = options;
  const out: DutyRecord[] = [];
  const listing = (facts.audit as Profile['audit'])?.mandatoryListed;
  for (const duty of base.duties) {
    const { ruleset, version: v, rule, spec } = duty;
    if (options.rulesets && !options.rulesets.includes(ruleset)) continue;
    const pinned = options.versions?.[ruleset];
    if (pinned !== undefined && v.version !== pinned) continue;
    // A version used on no day up to asOf (superseded over its whole period, or not begun) has no duty that is in
    // force or came due while it was used: it is skipped before anything is computed.
    if (pinned === undefined && !(v.selected[0] && v.selected[0][0] <= asOf)) continue;
    // The rule with its rule set's place and scope (its effective condition). Most duties do not apply: nothing is
    // allocated for them.
    const applies = valueIn(rule.effective, table);
    if (applies === 'F') continue;
    const r = rule.json;
    const active = (d: string) =>
      (pinned !== undefined ? covers(v.file.validFrom, v.file.validTo, d) : inRanges(v.selected, d)) && covers(r.validFrom, r.validTo, d);
    const inForce = active(asOf);
    const deemedValue = spec.deemedBy !== undefined ? readPath(facts, spec.deemedBy) : undefined;
    const result = dutyOutcome(spec, {
      history,
      asOf,
      inForce,
      listing: listing && listing.listed !== false ? listing : undefined,
      deemed: typeof deemedValue === 'boolean' ? deemedValue : undefined,
    });
    const missing = applies === 'U' ? missingFacts(base, duty, table) : NONE;
    if (inForce) {
      if (applies === 'T' || result.late !== false) out.push({ duty, applies, inForce, result, missingFacts: missing });
      continue;
    }
    const past = historic(result, (round) => round.dueBy < asOf && active(round.dueBy));
    if (past && (applies === 'T' || past.late !== false)) out.push({ duty, applies, inForce, result: past, missingFacts: missing });
  }
  return out;
}

/**
 * A duty no longer in force, as history: the due dates that passed while it was in force, and how each went. Undefined
 * when none did (the duty ended before it came due).
 */
function historic(result: DutyResult, counts: (round: Round) => boolean): DutyResult | undefined {
  const rounds = result.rounds.filter(counts);
  if (rounds.length === 0) return undefined;
  const missed = rounds.filter((r) => r.late === true);
  const open = rounds.some((r) => r.late === null) || (result.late === null && missed.length === 0);
  const met = rounds.filter((r) => r.metBy !== null);
  const first = missed[0];
  const shown = first ?? rounds[rounds.length - 1]!;
  return revised(result, {
    state: missed.length > 0 ? 'missed' : open ? 'undetermined' : 'met',
    dueBy: shown.dueBy,
    metBy: first ? null : (met[met.length - 1]?.metBy ?? null),
    madeUpOn: first?.madeUpOn ?? null,
    overdue: false,
    missed: missed.map((r) => ({ dueBy: r.dueBy, madeUpOn: r.madeUpOn })),
    late: missed.length > 0 ? true : open ? null : false,
    onTime: missed.length > 0 ? false : open ? null : met.length > 0,
    rounds,
  });
}

const NONE: readonly string[] = [];

/** The profile fields an undetermined duty's rule waits on: its rule set's place and scope, then its own conditions. */
function missingFacts(base: RuleBase, duty: DutyRule, table: FactTable): string[] {
  return [...new Set(judgeCompiled(duty.rule.effective, table).unknownFacts.map((f) => base.askFor.get(f) ?? f))];
}
