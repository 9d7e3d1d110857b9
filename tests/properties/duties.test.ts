import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, evaluate } from '../../engine/index.ts';
import type { Answer, Profile } from '../../schemas/index.ts';
import { isoDate, profileArb } from '../support/arbitraries.ts';
import { bundled } from '../support/rulebase.ts';

const RUNS = Number(process.env.PROP_RUNS ?? 200);
/** The sanctions that rest on an audit being late (逾期). */
const LATENESS_SANCTIONS = [
  'gd2016-rewards-2-overdue-preferences-cancelled',
  'gd2016-rewards-2-overdue-next-round-listing',
  'gd2016-supervision-5-overdue-next-round-listing',
];

/** A profile with its whole audit history given (rounds), consistent with lastCompleted, and no completedOnTime. */
const withHistory = fc.tuple(profileArb(), fc.array(isoDate(2003, 2026), { maxLength: 4 })).map(([p, dates]): Profile => {
  const audit: NonNullable<Profile['audit']> = { ...p.audit, rounds: dates.map((completedOn) => ({ completedOn })) };
  delete audit.completedOnTime;
  if (audit.lastCompleted !== undefined) audit.lastCompleted = dates.length ? [...dates].sort().at(-1)! : null;
  return { ...p, audit };
});

const withRound = (p: Profile, completedOn: string): Profile => {
  const rounds = [...(p.audit?.rounds ?? []), { completedOn }];
  const audit: NonNullable<Profile['audit']> = { ...p.audit, rounds };
  if (audit.lastCompleted !== undefined)
    audit.lastCompleted = rounds
      .map((r) => r.completedOn)
      .sort()
      .at(-1)!;
  return { ...p, audit };
};

const rank = (overdue: boolean | null) => (overdue === true ? 2 : overdue === null ? 1 : 0);
const missedIds = (a: Answer) => new Set(a.summary.audit.missed.map((m) => m.id));
const sanctions = (a: Answer) => new Set(a.summary.sanctions.map((s) => s.id));

describe('audit duties over time', () => {
  const base = bundled();

  it('dueBy is always the due date of a decision in dueBasis, and metBy only stands with a dueBy', () => {
    fc.assert(
      fc.property(profileArb(), isoDate(2003, 2026), (profile, asOf) => {
        const s = evaluate(base, profile, { asOf }).summary.audit;
        const answer = evaluate(base, profile, { asOf });
        if (s.dueBy === null) expect(s.dueBasis).toEqual([]);
        else expect(s.dueBasis.length).toBeGreaterThan(0);
        for (const id of s.dueBasis) expect(answer.decisions.find((d) => d.id === id)?.dueBy).toBe(s.dueBy);
        if (s.metBy !== null) expect(s.dueBy).not.toBeNull();
        if (s.overdue === true) expect(s.dueBy! < asOf).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a completed audit never makes the answer worse: no new overdue, missed duty or sanction', () => {
    fc.assert(
      fc.property(withHistory, isoDate(2003, 2026), isoDate(2003, 2026), (profile, asOf, done) => {
        fc.pre(done <= asOf);
        const before = evaluate(base, profile, { asOf });
        const after = evaluate(base, withRound(profile, done), { asOf });
        expect(rank(after.summary.audit.overdue)).toBeLessThanOrEqual(rank(before.summary.audit.overdue));
        for (const id of missedIds(after)) expect(missedIds(before)).toContain(id);
        for (const id of sanctions(after)) expect(sanctions(before)).toContain(id);
      }),
      { numRuns: RUNS },
    );
  });

  it('an audit dated after asOf changes nothing but a warning', () => {
    fc.assert(
      fc.property(withHistory, isoDate(2003, 2025), fc.integer({ min: 1, max: 3000 }), (profile, asOf, later) => {
        const before = evaluate(base, profile, { asOf });
        const after = evaluate(base, withRound(profile, addDays(asOf, later)), { asOf });
        expect(after.warnings.map((w) => w.code)).toContain('audit-after-asof');
        expect(after.summary).toEqual(before.summary);
        expect(after.decisions).toEqual(before.decisions);
        expect(after.undetermined).toEqual(before.undetermined);
      }),
      { numRuns: RUNS },
    );
  });

  it('a lateness sanction fires only when the summary shows a duty overdue or missed, and always does then', () => {
    fc.assert(
      fc.property(withHistory, isoDate(2016, 2020), (profile, asOf) => {
        const a = evaluate(base, profile, { asOf });
        const shown = a.summary.audit.overdue === true || a.summary.audit.missed.length > 0;
        const fired = a.decisions.filter((d) => LATENESS_SANCTIONS.includes(d.id)).map((d) => d.id);
        if (fired.length > 0) expect(shown).toBe(true);
        const opinions = a.rulesets.find((r) => r.id === 'gd-green-cp-opinions-2016');
        // …where the 2016 opinions hold for the enterprise: in force, and known to be in Guangdong.
        if (shown && opinions?.status === 'in-force' && a.facts.inGuangdong === true) {
          expect(fired.sort()).toEqual([...LATENESS_SANCTIONS].sort());
          expect(a.undetermined.filter((u) => LATENESS_SANCTIONS.includes(u.id))).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
