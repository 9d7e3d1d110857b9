import type { DutySummary, MissedDuty, SummaryAudit } from '../schemas/index.ts';
import type { DutyRecord } from './duties.ts';

export type DutyFields = Pick<SummaryAudit, 'dueBy' | 'dueBasis' | 'cycleYears' | 'overdue' | 'metBy' | 'missed' | 'duties'>;

const earliest = (dates: readonly string[]): string | null => (dates.length === 0 ? null : dates.reduce((a, b) => (b < a ? b : a)));

/**
 * By when, and is it late: the audit summary's dates come from named duties in force on asOf (those that apply).
 * dueBy is the earliest due date still open (pending, overdue, or open on the history), else the earliest met one
 * (metBy: the audit that met it), else the earliest made up late (metBy: the audit that made it up); dueBasis names the
 * duties with that date. overdue is true when a duty in force is past its due date unmet, null when the history or a
 * fact leaves that open. missed keeps every due date passed unmet, also of duties no longer in force.
 */
export function dutyFields(records: readonly DutyRecord[]): DutyFields {
  const holding = records.filter((r) => r.applies === 'T');
  const current = holding.filter((r) => r.inForce && r.result.dueBy !== null);
  const open = current.filter((r) => r.result.state === 'pending' || r.result.state === 'overdue' || r.result.state === 'undetermined');
  const met = current.filter((r) => r.result.state === 'met');
  const madeUp = current.filter((r) => r.result.state === 'missed');
  const pool = open.length > 0 ? open : met.length > 0 ? met : madeUp;
  const dueBy = earliest(pool.map((r) => r.result.dueBy!));
  const basis = pool.filter((r) => r.result.dueBy === dueBy);
  const metDates = basis.map((r) => (open.length > 0 ? null : (r.result.metBy ?? r.result.madeUpOn))).filter((d): d is string => d !== null);
  const inForce = holding.filter((r) => r.inForce);
  const cycles = inForce.map((r) => r.result.cycleYears).filter((c): c is number => c !== null);
  return {
    dueBy,
    dueBasis: [...new Set(basis.map((r) => r.duty.rule.json.id))],
    cycleYears: cycles.length > 0 ? Math.min(...cycles) : null,
    overdue: inForce.some((r) => r.result.overdue === true) ? true : inForce.some((r) => r.result.overdue === null) ? null : false,
    metBy: metDates.length > 0 ? metDates.reduce((a, b) => (b > a ? b : a)) : null,
    missed: holding.flatMap((r) => r.result.missed.map((m): MissedDuty => missedEntry(r, m.dueBy, m.madeUpOn))),
    duties: records.map(dutySummary),
  };
}

function missedEntry(r: DutyRecord, dueBy: string, madeUpOn: string | null): MissedDuty {
  const { duty } = r;
  return {
    id: duty.rule.json.id,
    ruleset: duty.ruleset,
    version: duty.version.version,
    dueBy,
    madeUpOn,
    inForce: r.inForce,
    title: duty.rule.json.title,
    citation: duty.rule.json.citation,
  };
}

function dutySummary(r: DutyRecord): DutySummary {
  const { duty, result } = r;
  const applies = r.applies === 'T';
  return {
    id: duty.rule.json.id,
    ruleset: duty.ruleset,
    version: duty.version.version,
    outcome: duty.rule.json.outcome,
    inForce: r.inForce,
    applies,
    missingFacts: [...r.missingFacts],
    // A duty that may not apply is open, whatever its history says.
    state: applies ? result.state : 'undetermined',
    dueBy: result.dueBy,
    metBy: result.metBy,
    madeUpOn: result.madeUpOn,
    overdue: applies ? result.overdue : r.inForce && result.overdue !== false ? null : false,
    title: duty.rule.json.title,
  };
}
