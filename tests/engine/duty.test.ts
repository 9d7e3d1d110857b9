import { describe, expect, it } from 'vitest';
import { auditHistory, dutyOutcome, type DutyInputs, type DutySpec } from '../../engine/index.ts';
import type { Profile } from '../../schemas/index.ts';

const history = (audit: Profile['audit'], asOf: string) => auditHistory({ audit }, asOf);
const inputs = (audit: Profile['audit'], asOf: string, extra: Partial<DutyInputs> = {}): DutyInputs => ({
  history: history(audit, asOf),
  asOf,
  inForce: true,
  listing: audit?.mandatoryListed,
  deemed: undefined,
  ...extra,
});
const never = { lastCompleted: null };
const rounds = (...dates: string[]) => ({ rounds: dates.map((completedOn) => ({ completedOn })) });

describe('the audit history on a date', () => {
  it('rounds are the whole history; those after asOf did not exist yet', () => {
    expect(history(rounds('2013-05-01', '2010-02-01', '2016-03-01'), '2014-01-01')).toEqual({
      kind: 'complete',
      dates: ['2010-02-01', '2013-05-01'],
      latest: '2013-05-01',
      ignored: ['2016-03-01'],
    });
  });
  it('lastCompleted alone tells only the latest audit; null means none; a future date tells nothing about asOf', () => {
    expect(history({ lastCompleted: '2013-05-01' }, '2014-01-01')).toMatchObject({ kind: 'latest', dates: ['2013-05-01'] });
    expect(history(never, '2014-01-01')).toMatchObject({ kind: 'complete', dates: [], latest: null });
    expect(history({ lastCompleted: '9999-12-31' }, '2014-01-01')).toEqual({ kind: 'unknown', dates: [], latest: undefined, ignored: ['9999-12-31'] });
    expect(history({}, '2014-01-01').kind).toBe('unknown');
  });
});

describe('a duty with a fixed due date', () => {
  const byDue: DutySpec = { dueKind: 'date', by: '2015-12-31', satisfiedBy: 'any-audit-by-due', from: '2011-01-31' };
  const inWindow: DutySpec = { ...byDue, satisfiedBy: 'audit-in-window' };

  it('is met by an audit by the due date — any audit, or only one inside the window', () => {
    expect(dutyOutcome(byDue, inputs({ lastCompleted: '2008-01-01' }, '2014-06-01'))).toMatchObject({
      state: 'met',
      metBy: '2008-01-01',
      onTime: true,
      late: false,
    });
    expect(dutyOutcome(inWindow, inputs({ lastCompleted: '2008-01-01' }, '2014-06-01'))).toMatchObject({ state: 'pending', metBy: null, overdue: false });
    expect(dutyOutcome(inWindow, inputs(rounds('2008-01-01', '2013-05-20'), '2014-06-01'))).toMatchObject({ state: 'met', metBy: '2013-05-20' });
  });

  it('is pending before its due date and missed after it; a later audit makes it up without undoing the miss', () => {
    expect(dutyOutcome(byDue, inputs(never, '2015-12-31'))).toMatchObject({ state: 'pending', overdue: false, late: false });
    expect(dutyOutcome(byDue, inputs(never, '2016-01-01'))).toMatchObject({
      state: 'overdue',
      overdue: true,
      late: true,
      missed: [{ dueBy: '2015-12-31', madeUpOn: null }],
    });
    expect(dutyOutcome(byDue, inputs(never, '2016-01-01', { inForce: false }))).toMatchObject({ state: 'missed', overdue: false, late: true });
    expect(dutyOutcome(byDue, inputs(rounds('2017-03-01'), '2018-01-01'))).toMatchObject({
      state: 'missed',
      madeUpOn: '2017-03-01',
      overdue: false,
      late: true,
      onTime: false,
    });
  });

  it('is undetermined where the history leaves it open, and says what would settle it', () => {
    // Nothing given: before the due date it cannot be overdue, after it could be.
    expect(dutyOutcome(byDue, inputs({}, '2014-06-01'))).toMatchObject({ state: 'undetermined', overdue: false, late: false, ask: ['audit.lastCompleted'] });
    expect(dutyOutcome(byDue, inputs({}, '2016-06-01'))).toMatchObject({ state: 'undetermined', overdue: null, late: null });
    // Only the latest audit, after the due date: met earlier or made up — not overdue either way.
    expect(dutyOutcome(byDue, inputs({ lastCompleted: '2017-03-01' }, '2018-01-01'))).toMatchObject({
      state: 'undetermined',
      overdue: false,
      late: null,
      ask: ['audit.rounds'],
    });
  });
});

describe('a listing', () => {
  const spec: DutySpec = { dueKind: 'listing', satisfiedBy: 'audit-since-listing', from: '2016-01-01' };
  const listed = { listedOn: '2017-03-01', deadline: '2017-11-01' };

  it('is met only by an audit since the listing; overdue once the deadline passes unmet', () => {
    expect(dutyOutcome(spec, inputs({ mandatoryListed: listed, ...rounds('2017-06-01') }, '2018-02-01'))).toMatchObject({
      state: 'met',
      metBy: '2017-06-01',
      dueBy: '2017-11-01',
    });
    expect(dutyOutcome(spec, inputs({ mandatoryListed: listed, ...rounds('2016-06-01') }, '2018-02-01'))).toMatchObject({ state: 'overdue', overdue: true });
    expect(dutyOutcome(spec, inputs({ mandatoryListed: listed, lastCompleted: null }, '2018-02-01'))).toMatchObject({
      state: 'overdue',
      overdue: true,
      dueBy: '2017-11-01',
    });
  });

  it('without listedOn, a past audit may or may not answer it: undetermined, asking for listedOn', () => {
    const noDate = { deadline: '2019-12-31' };
    expect(dutyOutcome(spec, inputs({ mandatoryListed: noDate, lastCompleted: '2010-05-01' }, '2020-03-01'))).toMatchObject({
      state: 'undetermined',
      overdue: null,
      ask: ['audit.mandatoryListed.listedOn'],
    });
    // With no audit at all by the deadline the listing date does not matter.
    expect(dutyOutcome(spec, inputs({ mandatoryListed: noDate, lastCompleted: null }, '2020-03-01'))).toMatchObject({ state: 'overdue' });
  });

  it('without a deadline, its due date is not known', () => {
    expect(dutyOutcome(spec, inputs({ mandatoryListed: { listedOn: '2017-03-01' }, lastCompleted: null }, '2018-02-01'))).toMatchObject({
      state: 'undetermined',
      dueBy: null,
      ask: ['audit.mandatoryListed.deadline'],
    });
  });
});

describe('a cycle (MIIT: a round every two years from 2011)', () => {
  const spec: DutySpec = { dueKind: 'cycle', cycleYears: 2, satisfiedBy: 'audit-each-cycle', from: '2011-01-01' };

  it('never audited: the first round is due one cycle after the start, not on the first day', () => {
    expect(dutyOutcome(spec, inputs(never, '2011-01-02'))).toMatchObject({ state: 'pending', dueBy: '2012-12-31', overdue: false });
    expect(dutyOutcome(spec, inputs(never, '2013-01-01'))).toMatchObject({
      state: 'overdue',
      dueBy: '2012-12-31',
      overdue: true,
      missed: [{ dueBy: '2012-12-31', madeUpOn: null }],
    });
  });

  it('on time: each round counts from the last one', () => {
    expect(dutyOutcome(spec, inputs(rounds('2012-05-01', '2014-04-01'), '2015-06-01'))).toMatchObject({
      state: 'pending',
      dueBy: '2016-04-01',
      missed: [],
      late: false,
    });
  });

  it('late: the missed round is made up, and the next one counts from the make-up', () => {
    const r = dutyOutcome(spec, inputs(rounds('2013-06-01'), '2015-06-02'));
    expect(r).toMatchObject({ state: 'overdue', dueBy: '2015-06-01', late: true });
    expect(r.missed).toEqual([
      { dueBy: '2012-12-31', madeUpOn: '2013-06-01' },
      { dueBy: '2015-06-01', madeUpOn: null },
    ]);
  });

  it('with only the latest audit, the next round is known but earlier ones are not', () => {
    expect(dutyOutcome(spec, inputs({ lastCompleted: '2014-03-01' }, '2015-06-01'))).toMatchObject({
      state: 'pending',
      dueBy: '2016-03-01',
      late: null,
      ask: ['audit.rounds'],
    });
    // Inside the first cycle nothing earlier can have been missed.
    expect(dutyOutcome(spec, inputs({ lastCompleted: '2012-03-01' }, '2013-06-01'))).toMatchObject({
      state: 'pending',
      dueBy: '2014-03-01',
      late: false,
      ask: [],
    });
  });
});

describe('a duty with no date', () => {
  const spec: DutySpec = { dueKind: 'none', satisfiedBy: 'audit-in-window', from: '2023-01-01', deemedBy: 'audit.certified' };

  it('is never overdue: met by an audit in the window or by what counts as one, else pending', () => {
    expect(dutyOutcome(spec, inputs(rounds('2024-05-01'), '2025-01-01'))).toMatchObject({ state: 'met', metBy: '2024-05-01', overdue: false, late: false });
    expect(dutyOutcome(spec, inputs(rounds('2021-05-01'), '2025-01-01', { deemed: false }))).toMatchObject({ state: 'pending', overdue: false });
    expect(dutyOutcome(spec, inputs(never, '2025-01-01', { deemed: true }))).toMatchObject({ state: 'met', deemed: true });
    expect(dutyOutcome(spec, inputs(never, '2025-01-01'))).toMatchObject({ state: 'undetermined', ask: ['audit.certified'] });
  });

  it('where the text does not say which audit meets it: pending while there is none, open once there is one', () => {
    const notStated: DutySpec = { dueKind: 'none', satisfiedBy: 'not-stated', from: '2012-07-01' };
    expect(dutyOutcome(notStated, inputs(never, '2014-01-01')).state).toBe('pending');
    expect(dutyOutcome(notStated, inputs({ lastCompleted: '2013-01-01' }, '2014-01-01'))).toMatchObject({ state: 'undetermined', ask: [], overdue: false });
  });
});
