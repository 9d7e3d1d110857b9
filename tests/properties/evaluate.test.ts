import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../engine/index.ts';
import { AUDIT_OUTCOMES, type Profile } from '../../schemas/index.ts';
import { isoDate, profileArb } from '../support/arbitraries.ts';
import { bundled } from '../support/rulebase.ts';

const RUNS = Number(process.env.PROP_RUNS ?? 200);
const rank = (s: string) => AUDIT_OUTCOMES.length - AUDIT_OUTCOMES.indexOf(s as never);

describe('evaluation properties over schema-valid profiles and dates', () => {
  const base = bundled();

  it('never throws, and is deterministic', () => {
    fc.assert(
      fc.property(profileArb(), isoDate(1995, 2035), fc.boolean(), (profile, asOf, includeOutOfForce) => {
        const a = evaluate(base, profile, { asOf, includeOutOfForce });
        const b = evaluate(base, structuredClone(profile), { asOf, includeOutOfForce });
        expect(b).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });

  it('every decision cites a rule with a non-empty quote, section and document, and a version of its rule set', () => {
    fc.assert(
      fc.property(profileArb(), isoDate(2003, 2026), (profile, asOf) => {
        const a = evaluate(base, profile, { asOf });
        for (const d of a.decisions) {
          const quotes = Array.isArray(d.citation.quote) ? d.citation.quote : [d.citation.quote];
          expect(quotes.length).toBeGreaterThan(0);
          for (const q of quotes) expect(q.trim().length).toBeGreaterThan(0);
          expect(d.citation.section.length).toBeGreaterThan(0);
          const version = base.rulesets.get(d.ruleset)?.find((v) => v.version === d.version);
          expect(version?.rules.some((r) => r.json.id === d.id)).toBe(true);
        }
        for (const id of [...a.summary.audit.basis, ...a.summary.process.basis]) expect(a.decisions.some((d) => d.id === id)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a mandatory-audit ground never lowers the audit status', () => {
    const grounds: ((p: Profile) => Profile)[] = [
      (p) => ({ ...p, environment: { ...p.environment, exceedsDischargeStandard: true } }),
      (p) => ({ ...p, environment: { ...p.environment, exceedsTotalQuota: true } }),
      (p) => ({ ...p, environment: { ...p.environment, usesToxicRawMaterials: true } }),
      (p) => ({ ...p, environment: { ...p.environment, dischargesToxicSubstances: true } }),
      (p) => ({ ...p, energy: { ...p.energy, exceedsConsumptionQuota: true } }),
    ];
    fc.assert(
      fc.property(profileArb(), isoDate(2003, 2026), fc.constantFrom(...grounds), (profile, asOf, add) => {
        const before = evaluate(base, profile, { asOf }).summary.audit.status;
        const after = evaluate(base, add(profile), { asOf }).summary.audit.status;
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
      { numRuns: RUNS },
    );
  });

  it('for a date outside every version’s validity no rule set is in force and nothing is decided', () => {
    fc.assert(
      fc.property(profileArb(), isoDate(1980, 2002), (profile, asOf) => {
        const a = evaluate(base, profile, { asOf });
        expect(a.rulesets.every((r) => r.status !== 'in-force')).toBe(true);
        expect(a.decisions).toEqual([]);
        expect(a.summary.audit.status).toBe('not-required');
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('summary detail (batch rows) and verdict detail (the summary view) give the same verdict as the full answer', () => {
    fc.assert(
      fc.property(profileArb(), isoDate(2003, 2026), (profile, asOf) => {
        const full = evaluate(base, profile, { asOf });
        const lean = evaluate(base, profile, { asOf, detail: 'summary' });
        expect(lean.summary).toEqual(full.summary);
        expect(lean.decisions.map((d) => [d.id, d.outcome, d.dueBy, d.overdue])).toEqual(full.decisions.map((d) => [d.id, d.outcome, d.dueBy, d.overdue]));
        expect(lean.undetermined).toEqual(full.undetermined);
        expect(lean.questions).toEqual(full.questions);
        expect(lean.rulesets).toEqual(full.rulesets);
        expect(lean.detail).toBe('summary');
        expect(full.detail).toBeUndefined();
        // verdict (the summary view's): the same verdict and warnings, the undetermined audit and process rules without their facts
        const verdict = evaluate(base, profile, { asOf, detail: 'verdict' });
        expect(verdict.summary).toEqual(full.summary);
        expect(verdict.warnings).toEqual(full.warnings);
        const verdictKinds = (u: { kind: string }) => u.kind === 'audit' || u.kind === 'process';
        expect(verdict.undetermined.map((u) => [u.ruleset, u.id])).toEqual(full.undetermined.filter(verdictKinds).map((u) => [u.ruleset, u.id]));
        expect(verdict.questions).toEqual([]);
        expect(verdict.detail).toBe('verdict');
      }),
      { numRuns: RUNS },
    );
  });

  it('an undetermined rule never appears as a decision or as a whyNot', () => {
    fc.assert(
      fc.property(profileArb(), isoDate(2003, 2026), (profile, asOf) => {
        const a = evaluate(base, profile, { asOf });
        const decided = new Set([...a.decisions.map((d) => `${d.ruleset}/${d.id}`), ...a.whyNot.map((w) => `${w.ruleset}/${w.id}`)]);
        for (const u of a.undetermined) {
          expect(decided.has(`${u.ruleset}/${u.id}`)).toBe(false);
          expect(u.missingFacts.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
