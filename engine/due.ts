import type { Profile, RuleJson } from '../schemas/index.ts';
import { addYears } from './dates.ts';
import { readPath } from './derived.ts';

export interface Due {
  dueBy: string | null;
  cycleYears: number | null;
  /** true / false, or null when a fact it depends on is not given. */
  overdue: boolean | null;
  warning?: { code: string; message: string; path: string };
}

/**
 * When an audit is due and whether it is overdue, from the rule's `due`: a fixed date (a plan's "by 2015"), a profile
 * deadline (a published mandatory list), or a cycle counted from the last completed audit.
 */
export function computeDue(rule: RuleJson, periodStart: string, profile: Profile, asOf: string): Due | null {
  const due = rule.due;
  if (!due) return null;
  const last = profile.audit?.lastCompleted;
  if (due.cycleYears !== undefined) {
    if (last === undefined) return { dueBy: null, cycleYears: due.cycleYears, overdue: null };
    if (last === null) {
      return {
        dueBy: null,
        cycleYears: due.cycleYears,
        overdue: true,
        warning: {
          code: 'never-audited',
          path: 'audit.lastCompleted',
          message: `${rule.id}: an audit is required every ${due.cycleYears} years and the enterprise has never completed one, so a round is due now (the text gives no date for the first round)`,
        },
      };
    }
    const dueBy = addYears(last, due.cycleYears);
    return { dueBy, cycleYears: due.cycleYears, overdue: asOf > dueBy };
  }
  const deadline = due.by ?? (due.fromFact ? (readPath(profile, due.fromFact) as string | undefined) : undefined);
  if (deadline === undefined) return { dueBy: null, cycleYears: null, overdue: null };
  const start = due.fromFact ? (profile.audit?.mandatoryListed?.listedOn ?? null) : periodStart;
  const completed = profile.audit?.completedOnTime === true || (typeof last === 'string' && (start === null || last >= start));
  if (completed) return { dueBy: deadline, cycleYears: null, overdue: false };
  if (asOf <= deadline) return { dueBy: deadline, cycleYears: null, overdue: false };
  return { dueBy: deadline, cycleYears: null, overdue: last === undefined ? null : true };
}
