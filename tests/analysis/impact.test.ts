import { describe, expect, it } from 'vitest';
import { impact, synthesize } from '../../analysis/index.ts';
import { validatorFor } from '../../schemas/index.ts';
import { bundled } from '../support/rulebase.ts';

describe('synthetic population and impact', () => {
  it('synth is schema-valid and reproducible from its seed', () => {
    const validate = validatorFor('Profile');
    const a = [...synthesize(500, 42)];
    expect(a.every((p) => validate(p))).toBe(true);
    expect([...synthesize(500, 42)]).toEqual(a);
    expect([...synthesize(50, 43)]).not.toEqual(a.slice(0, 50));
    expect(new Set(a.map((p) => p.location?.city)).size).toBeGreaterThan(10);
  });

  it('cppl 1.0.0 → 2.0.0 makes the high-energy enterprises mandatory, and only those gain that ground', () => {
    const population = [...synthesize(2000, 42)];
    const report = impact(bundled(), 'cppl', '1.0.0', '2.0.0', population);
    expect(report.asOf).toBe('2012-07-01');
    expect(report.population).toBe(2000);
    const highEnergy = population.filter((p) => p.energy?.exceedsConsumptionQuota === true).length;
    const gained = report.groups.find((g) => g.change === '+ cppl-2012-art27-2-2-high-energy (audit: mandatory)');
    expect(gained?.count).toBe(highEnergy);
    const toMandatory = report.groups.filter((g) => /^audit .* → mandatory$/.test(g.change)).reduce((n, g) => n + g.count, 0);
    expect(toMandatory).toBeGreaterThan(0);
    expect(toMandatory).toBeLessThanOrEqual(highEnergy);
    expect(report.groups.some((g) => g.change.startsWith('audit mandatory →'))).toBe(false);
  });
});
