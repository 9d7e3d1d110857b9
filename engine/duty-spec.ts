import type { Duty, DueJson, RuleJson, SatisfiedBy } from '../schemas/index.ts';

/**
 * An audit duty as a rule states it (its `due` block), resolved once at preparation: where the due date comes from,
 * from when an audit counts, and what meets it. See rules/README.md, "Audit duties".
 */
export interface DutySpec {
  readonly dueKind: Duty['dueKind'];
  /** The fixed due date (dueKind date). */
  readonly by?: string;
  readonly cycleYears?: number;
  readonly satisfiedBy: SatisfiedBy;
  /** The window's first day: the rule's `due.from`, else its validFrom, else its version's. */
  readonly from: string;
  /** A profile path whose value true counts as meeting the duty. */
  readonly deemedBy?: string;
}

/** Legacy versions (released before the duty model) state no `satisfiedBy`: they keep the reading their engine had. */
const LEGACY: Record<Duty['dueKind'], SatisfiedBy> = {
  date: 'audit-in-window',
  listing: 'audit-since-listing',
  cycle: 'audit-each-cycle',
  none: 'not-stated',
};

/** Audit rules that oblige (mandatory or required) and state a `due` block are duties. */
export const isObliging = (rule: RuleJson): boolean => rule.kind === 'audit' && (rule.outcome === 'mandatory' || rule.outcome === 'required');

export function dutySpec(rule: RuleJson, versionFrom: string): DutySpec | undefined {
  const due: DueJson | undefined = rule.due;
  if (!isObliging(rule) || !due) return undefined;
  const dueKind: Duty['dueKind'] = due.by !== undefined ? 'date' : due.fromFact !== undefined ? 'listing' : due.cycleYears !== undefined ? 'cycle' : 'none';
  const from = due.from !== undefined && due.from !== 'listing' ? due.from : (rule.validFrom ?? versionFrom);
  return {
    dueKind,
    ...(due.by !== undefined ? { by: due.by } : {}),
    ...(due.cycleYears !== undefined ? { cycleYears: due.cycleYears } : {}),
    satisfiedBy: due.satisfiedBy ?? LEGACY[dueKind],
    from,
    ...(due.deemedBy !== undefined ? { deemedBy: due.deemedBy } : {}),
  };
}
