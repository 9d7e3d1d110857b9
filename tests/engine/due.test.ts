import { describe, expect, it } from 'vitest';
import { computeDue } from '../../engine/due.ts';
import type { RuleJson } from '../../schemas/index.ts';

const rule = (due: RuleJson['due']): RuleJson =>
  ({ id: 'r', kind: 'audit', outcome: 'required', title: { zh: 'x', en: 'x' }, explanation: { zh: 'x', en: 'x' }, conditions: { all: [] }, citation: { document: 'd', section: 's', quote: 'q' }, due }) as RuleJson;

describe('due dates', () => {
  it('a cycle counts from the last completed audit and is overdue after it', () => {
    expect(computeDue(rule({ cycleYears: 2 }), '2011-01-01', { audit: { lastCompleted: '2011-03-01' } }, '2013-06-01')).toEqual({ dueBy: '2013-03-01', cycleYears: 2, overdue: true });
    expect(computeDue(rule({ cycleYears: 2 }), '2011-01-01', { audit: { lastCompleted: '2012-03-01' } }, '2013-06-01')).toEqual({ dueBy: '2014-03-01', cycleYears: 2, overdue: false });
  });

  it('a cycle with no audit history is unknown; never audited is overdue with a warning', () => {
    expect(computeDue(rule({ cycleYears: 2 }), '2011-01-01', {}, '2013-06-01')).toEqual({ dueBy: null, cycleYears: 2, overdue: null });
    const never = computeDue(rule({ cycleYears: 2 }), '2011-01-01', { audit: { lastCompleted: null } }, '2013-06-01');
    expect(never?.overdue).toBe(true);
    expect(never?.warning?.code).toBe('never-audited');
  });

  it('a fixed deadline is met by an audit completed inside the period', () => {
    const r = rule({ by: '2015-12-31' });
    expect(computeDue(r, '2011-01-31', { audit: { lastCompleted: '2014-01-01' } }, '2015-06-01')?.overdue).toBe(false);
    expect(computeDue(r, '2011-01-31', { audit: { lastCompleted: '2010-01-01' } }, '2015-06-01')).toEqual({ dueBy: '2015-12-31', cycleYears: null, overdue: false });
  });

  it('a listing deadline comes from the profile and is overdue once passed without completion', () => {
    const r = rule({ fromFact: 'audit.mandatoryListed.deadline' });
    const listed = { listedOn: '2017-03-01', deadline: '2018-03-01' };
    expect(computeDue(r, '2016-01-01', { audit: { mandatoryListed: listed, lastCompleted: '2016-01-01' } }, '2018-06-01')).toEqual({ dueBy: '2018-03-01', cycleYears: null, overdue: true });
    expect(computeDue(r, '2016-01-01', { audit: { mandatoryListed: listed, lastCompleted: '2018-01-10' } }, '2018-06-01')?.overdue).toBe(false);
    expect(computeDue(r, '2016-01-01', { audit: {} }, '2018-06-01')).toEqual({ dueBy: null, cycleYears: null, overdue: null });
  });
});
