import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, givenPaths, unusedFactWarnings } from '../../engine/index.ts';
import type { Profile } from '../../schemas/index.ts';
import { profileArb } from '../support/arbitraries.ts';
import { bundled } from '../support/rulebase.ts';

const unused = (a: ReturnType<typeof evaluate>) => a.warnings.filter((w) => w.code === 'fact-not-used').map((w) => w.path);

describe('facts given and not used', () => {
  it('a Meizhou enterprise in 2024 that reports illegal discharge is told no rule in force reads it', () => {
    const a = evaluate(
      bundled(),
      { sector: 'industry', location: { city: 'meizhou' }, energy: { exceedsConsumptionQuota: true }, conduct: { illegalDischarge: true } },
      { asOf: '2024-06-01' },
    );
    expect(unused(a)).toEqual(['conduct.illegalDischarge']);
    expect(a.warnings.find((w) => w.path === 'conduct.illegalDischarge')?.message).toMatch(/conduct\.illegalDischarge.*2024-06-01/);
  });

  it('the same fact in Foshan in 2014, where a rule in force reads it, is not flagged; nor are id and name', () => {
    const a = evaluate(
      bundled(),
      { id: 'x', name: 'y', sector: 'industry', location: { city: 'foshan' }, conduct: { illegalDischarge: true } },
      { asOf: '2014-06-01', lang: 'en' },
    );
    expect(unused(a)).toEqual([]);
  });

  it('a fact read through a derived fact counts as read (industry.codes through industryKeys)', () => {
    const a = evaluate(bundled(), { sector: 'industry', location: { city: 'guangzhou' }, industry: { codes: ['3071'] } }, { asOf: '2014-06-01' });
    expect(unused(a)).not.toContain('industry.codes');
    expect(givenPaths({ industry: { codes: ['3071'] }, titles: [] })).toEqual(['industry.codes', 'titles']);
  });
});

describe('unusedFactWarnings against its definition', () => {
  /** The definition: a given leaf path is unused when no read set holds it or a path above it. */
  const naive = (profile: Profile, read: readonly ReadonlySet<string>[]) =>
    givenPaths(profile).filter((path) => {
      const parts = path.split('.');
      return !parts.some((_, i) => read.some((s) => s.has(parts.slice(0, i + 1).join('.'))));
    });

  it('the kept tree of paths gives exactly the given paths no read set covers, on first use and after', () => {
    fc.assert(
      fc.property(profileArb(), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (profile, picks, sets) => {
        // Read sets drawn from the profile's own paths and the paths above them, split over a few sets.
        const candidates = [...new Set(givenPaths(profile).flatMap((p) => p.split('.').map((_, i, a) => a.slice(0, i + 1).join('.'))))];
        const read = Array.from({ length: sets }, () => new Set<string>());
        picks.forEach((n, i) => {
          if (candidates.length > 0) read[i % sets]!.add(candidates[n % candidates.length]!);
        });
        const expected = naive(profile, read);
        for (let round = 0; round < 2; round++) {
          expect(unusedFactWarnings(profile, read, '2014-06-01', 'en').map((w) => w.path)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
