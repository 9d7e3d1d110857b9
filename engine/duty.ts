import { addDays, addYears } from './dates.ts';
import type { AuditHistory } from './history.ts';
import type { DutySpec } from './duty-spec.ts';
import { make, revised, type DutyResult, type Outcome, type Round } from './duty-result.ts';

export { dutyOf, revised, type DutyResult, type Round } from './duty-result.ts';

export interface DutyInputs {
  readonly history: AuditHistory;
  readonly asOf: string;
  /** Whether the duty is in force on asOf: a passed due date then makes it overdue; otherwise it is history. */
  readonly inForce: boolean;
  readonly listing: { readonly listedOn?: string; readonly deadline?: string } | undefined;
  /** The value of the spec's deemedBy fact (undefined: not given, or no such fact). */
  readonly deemed: boolean | undefined;
}

const ASK_HISTORY = (h: AuditHistory): string => (h.ignored.length > 0 ? 'audit.rounds' : 'audit.lastCompleted');
const ASK_LISTED_ON = 'audit.mandatoryListed.listedOn';
const ASK_DEADLINE = 'audit.mandatoryListed.deadline';

type Check =
  | { k: 'met'; metBy: string }
  | { k: 'pending' }
  | { k: 'late'; madeUpOn: string | null }
  | { k: 'open'; overdue: boolean | null; late: boolean | null; ask: string[] };

/**
 * Was an audit completed by `due`, not before `lower` (null: no lower bound; undefined: a bound that is not known)?
 * Three-valued on the history: a fact the profile does not give leaves the answer open, never "no".
 */
function checkDeadline(due: string, lower: string | null | undefined, h: AuditHistory, asOf: string): Check {
  const passed = due < asOf;
  const notMet = (): Check => (passed ? { k: 'late', madeUpOn: h.dates.find((d) => d > due) ?? null } : { k: 'pending' });
  switch (h.kind) {
    case 'unknown':
      return { k: 'open', overdue: passed ? null : false, late: passed ? null : false, ask: [ASK_HISTORY(h)] };
    case 'complete': {
      const byDue = h.dates.filter((d) => d <= due);
      if (lower === undefined) {
        if (byDue.length === 0) return notMet();
        const madeUp = h.dates.some((d) => d > due);
        return { k: 'open', overdue: passed && !madeUp ? null : false, late: passed ? null : false, ask: [ASK_LISTED_ON] };
      }
      const inWindow = byDue.filter((d) => lower === null || d >= lower);
      return inWindow.length > 0 ? { k: 'met', metBy: inWindow[inWindow.length - 1]! } : notMet();
    }
    case 'latest': {
      const last = h.dates[0]!;
      if (last > due) return { k: 'open', overdue: false, late: null, ask: lower === undefined ? ['audit.rounds', ASK_LISTED_ON] : ['audit.rounds'] };
      if (lower === undefined) return { k: 'open', overdue: passed ? null : false, late: passed ? null : false, ask: [ASK_LISTED_ON] };
      return lower === null || last >= lower ? { k: 'met', metBy: last } : notMet();
    }
  }
}

/** A duty with one due date (a fixed date or a listing deadline). */
function deadlineDuty(spec: DutySpec, due: string, lower: string | null | undefined, x: DutyInputs): DutyResult {
  const c = checkDeadline(due, lower, x.history, x.asOf);
  const make1 = (o: Outcome) => make(spec, due, lower ?? null, o);
  switch (c.k) {
    case 'met':
      return make1({
        state: 'met',
        metBy: c.metBy,
        madeUpOn: null,
        overdue: false,
        missed: [],
        ask: [],
        late: false,
        onTime: true,
        rounds: [{ dueBy: due, metBy: c.metBy, madeUpOn: null, late: false }],
      });
    case 'pending':
      return make1({
        state: 'pending',
        metBy: null,
        madeUpOn: null,
        overdue: false,
        missed: [],
        ask: [],
        late: false,
        onTime: false,
        rounds: [{ dueBy: due, metBy: null, madeUpOn: null, late: false }],
      });
    case 'late': {
      const overdue = x.inForce && c.madeUpOn === null;
      return make1({
        state: overdue ? 'overdue' : 'missed',
        metBy: null,
        madeUpOn: c.madeUpOn,
        overdue,
        missed: [{ dueBy: due, madeUpOn: c.madeUpOn }],
        ask: [],
        late: true,
        onTime: false,
        rounds: [{ dueBy: due, metBy: null, madeUpOn: c.madeUpOn, late: true }],
      });
    }
    case 'open':
      return make1({
        state: 'undetermined',
        metBy: null,
        madeUpOn: null,
        overdue: x.inForce ? c.overdue : false,
        missed: [],
        ask: c.ask,
        late: c.late,
        onTime: null,
        rounds: [{ dueBy: due, metBy: null, madeUpOn: null, late: c.late }],
      });
  }
}

/**
 * One round per cycle. The first round is due one cycle after the window opens (the day before its anniversary), and
 * is met by an audit inside that first cycle; each later round is due one cycle after the audit that met (or made up)
 * the round before. A round that passes unmet stays owed: later rounds are counted from the audit that makes it up.
 */
function cycleDuty(spec: DutySpec, x: DutyInputs): DutyResult {
  const years = spec.cycleYears!;
  const h = x.history;
  const first = addDays(addYears(spec.from, years), -1);
  if (h.kind === 'unknown') {
    const passed = first < x.asOf;
    return make(spec, null, spec.from, {
      state: 'undetermined',
      metBy: null,
      madeUpOn: null,
      overdue: x.inForce && passed ? null : false,
      missed: [],
      ask: [ASK_HISTORY(h)],
      late: passed ? null : false,
      onTime: null,
      rounds: [],
    });
  }
  // With only the latest audit known, rounds before it are unknown unless it lies inside the first cycle.
  const earlierUnknown = h.kind === 'latest' && h.dates[0]! > first;
  const dates = h.dates.filter((d) => d >= spec.from);
  const rounds: Round[] = [];
  let anchor: string | null = null;
  let due = earlierUnknown ? addYears(dates[0]!, years) : first;
  if (earlierUnknown) anchor = dates[0]!;
  for (;;) {
    const after = (d: string) => anchor === null || d > anchor;
    const met = dates.filter((d) => after(d) && d <= due && d <= x.asOf);
    if (met.length > 0) {
      const by = met[met.length - 1]!;
      rounds.push({ dueBy: due, metBy: by, madeUpOn: null, late: false });
      anchor = by;
      due = addYears(by, years);
      continue;
    }
    if (due >= x.asOf) break;
    const madeUp = dates.find((d) => after(d) && d > due) ?? null;
    rounds.push({ dueBy: due, metBy: null, madeUpOn: madeUp, late: true });
    if (madeUp === null) break;
    anchor = madeUp;
    due = addYears(madeUp, years);
  }
  const missed = rounds.filter((r) => r.late).map((r) => ({ dueBy: r.dueBy, madeUpOn: r.madeUpOn }));
  const lastRound = rounds[rounds.length - 1];
  const owed = lastRound?.late === true && lastRound.madeUpOn === null;
  const anyLate = missed.length > 0;
  const late = anyLate ? true : earlierUnknown ? null : false;
  const ask = earlierUnknown && !anyLate ? ['audit.rounds'] : [];
  if (owed) {
    return make(spec, lastRound.dueBy, spec.from, {
      state: x.inForce ? 'overdue' : 'missed',
      metBy: null,
      madeUpOn: null,
      overdue: x.inForce,
      missed,
      ask,
      late: true,
      onTime: false,
      rounds,
    });
  }
  // The current round is not yet due.
  rounds.push({ dueBy: due, metBy: null, madeUpOn: null, late: false });
  return make(spec, due, spec.from, {
    state: 'pending',
    metBy: null,
    madeUpOn: null,
    overdue: false,
    missed,
    ask,
    late,
    onTime: false,
    rounds,
  });
}

/** A duty the text gives no date: met by an audit (any, or inside the window), never overdue or late. */
function undatedDuty(spec: DutySpec, x: DutyInputs): DutyResult {
  const h = x.history;
  const lower = spec.satisfiedBy === 'audit-in-window' ? spec.from : null;
  const result = (state: DutyResult['state'], metBy: string | null, ask: string[]): DutyResult =>
    make(spec, null, lower, { state, metBy, madeUpOn: null, overdue: false, missed: [], ask, late: false, onTime: false, rounds: [] });
  if (spec.satisfiedBy === 'not-stated') {
    // The text does not say which audit meets it: pending while there is none, open once there is one.
    return result(h.kind === 'complete' && h.dates.length === 0 ? 'pending' : 'undetermined', null, []);
  }
  if (h.kind === 'unknown') return result('undetermined', null, [ASK_HISTORY(h)]);
  let last: string | null = null;
  for (const d of h.dates) if (lower === null || d >= lower) last = d;
  return last !== null ? result('met', last, []) : result('pending', null, []);
}

/** The duty's state on asOf. */
export function dutyOutcome(spec: DutySpec, x: DutyInputs): DutyResult {
  const r = computeDuty(spec, x);
  if (spec.deemedBy === undefined || r.state === 'met') return r;
  // A fact that counts as an audit (视同开展清洁生产审核) meets the duty; not given, it leaves an unmet duty open.
  if (x.deemed === true)
    return revised(r, { state: 'met', deemed: true, overdue: false, madeUpOn: null, ask: [], late: r.late === true, onTime: r.late !== true });
  if (x.deemed === undefined && (r.state === 'pending' || r.state === 'overdue')) {
    return revised(r, { state: 'undetermined', overdue: r.overdue ? null : false, ask: [...r.ask, spec.deemedBy], onTime: null });
  }
  return r;
}

function computeDuty(spec: DutySpec, x: DutyInputs): DutyResult {
  switch (spec.dueKind) {
    case 'date': {
      const lower = spec.satisfiedBy === 'any-audit-by-due' ? null : spec.satisfiedBy === 'audit-since-listing' ? x.listing?.listedOn : spec.from;
      return deadlineDuty(spec, spec.by!, lower, x);
    }
    case 'listing': {
      const deadline = x.listing?.deadline;
      const lower = spec.satisfiedBy === 'audit-since-listing' ? x.listing?.listedOn : spec.satisfiedBy === 'any-audit-by-due' ? null : spec.from;
      if (deadline === undefined) {
        return make(spec, null, lower ?? null, {
          state: 'undetermined',
          metBy: null,
          madeUpOn: null,
          overdue: null,
          missed: [],
          ask: [ASK_DEADLINE],
          late: null,
          onTime: null,
          rounds: [],
        });
      }
      return deadlineDuty(spec, deadline, lower, x);
    }
    case 'cycle':
      return cycleDuty(spec, x);
    case 'none':
      return undatedDuty(spec, x);
  }
}
