import type { Duty } from '../schemas/index.ts';
import type { DutySpec } from './duty-spec.ts';

/** One due date of the duty (a cycle has several) and how it went. */
export interface Round {
  readonly dueBy: string;
  readonly metBy: string | null;
  readonly madeUpOn: string | null;
  /** true: passed unmet; false: met by it, or not yet due; null: the history leaves it open. */
  readonly late: boolean | null;
}

export interface DutyResult extends Duty {
  /** Some due date passed unmet (made up or not); null when the history leaves it open. */
  readonly late: boolean | null;
  /** Met by its due date (in time or early); false when late or not yet met; null when open. */
  readonly onTime: boolean | null;
  /** Every due date up to the current one (for the history of duties no longer in force). */
  readonly rounds: readonly Round[];
}

/** The answer's duty: the result without the rounds and the lateness kept for the engine's own use. */
export function dutyOf(r: DutyResult): Duty {
  const d: Duty = {
    dueKind: r.dueKind,
    dueBy: r.dueBy,
    windowFrom: r.windowFrom,
    satisfiedBy: r.satisfiedBy,
    cycleYears: r.cycleYears,
    state: r.state,
    metBy: r.metBy,
    madeUpOn: r.madeUpOn,
    overdue: r.overdue,
    missed: r.missed,
    ask: r.ask,
  };
  if (r.deemed === true) d.deemed = true;
  return d;
}

/** What a duty's state adds to its spec's fields. */
export type Outcome = Omit<DutyResult, 'dueKind' | 'dueBy' | 'windowFrom' | 'satisfiedBy' | 'cycleYears' | 'deemed'>;

/**
 * A duty's result, built as one literal in one property order. (Duties are computed for every evaluation: object
 * spread here cost a fifth of a lean evaluation.)
 */
export function make(spec: DutySpec, dueBy: string | null, windowFrom: string | null, o: Outcome): DutyResult {
  return {
    dueKind: spec.dueKind,
    dueBy,
    windowFrom,
    satisfiedBy: spec.satisfiedBy,
    cycleYears: spec.cycleYears ?? null,
    state: o.state,
    metBy: o.metBy,
    madeUpOn: o.madeUpOn,
    overdue: o.overdue,
    missed: o.missed,
    ask: o.ask,
    late: o.late,
    onTime: o.onTime,
    rounds: o.rounds,
  };
}

/** A result with some of its state changed (and its spec's fields, due date and deemed mark kept unless given). */
export function revised(r: DutyResult, c: Partial<Outcome> & { readonly dueBy?: string | null; readonly deemed?: true }): DutyResult {
  const out: DutyResult = {
    dueKind: r.dueKind,
    dueBy: c.dueBy !== undefined ? c.dueBy : r.dueBy,
    windowFrom: r.windowFrom,
    satisfiedBy: r.satisfiedBy,
    cycleYears: r.cycleYears,
    state: c.state ?? r.state,
    metBy: c.metBy !== undefined ? c.metBy : r.metBy,
    madeUpOn: c.madeUpOn !== undefined ? c.madeUpOn : r.madeUpOn,
    overdue: c.overdue !== undefined ? c.overdue : r.overdue,
    missed: c.missed ?? r.missed,
    ask: c.ask ?? r.ask,
    late: c.late !== undefined ? c.late : r.late,
    onTime: c.onTime !== undefined ? c.onTime : r.onTime,
    rounds: c.rounds ?? r.rounds,
  };
  if (c.deemed === true || r.deemed === true) out.deemed = true;
  return out;
}
