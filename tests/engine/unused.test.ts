import { describe, expect, it } from 'vitest';
import { evaluate, givenPaths } from '../../engine/index.ts';
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
