import { describe, expect, it } from 'vitest';
import { impact, impactDetail, synthesize } from '../../analysis/index.ts';
import { bundled } from '../support/rulebase.ts';

describe('impact with its breakdown', () => {
  const base = bundled();
  const population = [...synthesize(400, 42)];

  it('merges to exactly the impact report, and counts the audit-status transitions overall, by city and by industry', () => {
    const whole = impact(base, 'cppl', '1.0.0', '2.0.0', population);
    const detail = impactDetail(base, 'cppl', '1.0.0', '2.0.0', population);
    const { transitions, byCity, byIndustry, ...report } = detail;
    expect(report).toEqual(whole);
    const fromGroups = whole.groups.filter((g) => g.change.startsWith('audit ')).map((g) => [g.change, g.count]);
    expect(transitions.map((t) => [`audit ${t.from} → ${t.to}`, t.count])).toEqual(fromGroups);
    const up = transitions.find((t) => t.from === 'encouraged' && t.to === 'mandatory')!;
    expect(up.count).toBeGreaterThan(0);
    expect(up.examples.length).toBe(Math.min(3, up.count));
    // An example is a whole profile that makes the transition on its own.
    const one = impact(base, 'cppl', '1.0.0', '2.0.0', [up.examples[0]!]);
    expect(one.groups.map((g) => g.change)).toContain('audit encouraged → mandatory');
    expect(byCity.reduce((n, c) => n + c.population, 0)).toBe(400);
    expect(byCity.reduce((n, c) => n + c.changed, 0)).toBe(whole.changed);
    const sum = (rows: typeof byCity, from: string, to: string) =>
      rows
        .flatMap((r) => r.transitions)
        .filter((t) => t.from === from && t.to === to)
        .reduce((n, t) => n + t.count, 0);
    expect(sum(byCity, 'encouraged', 'mandatory')).toBe(up.count);
    // A profile with two industries counts under both: at least the population, and each transition at least as often.
    expect(byIndustry.reduce((n, c) => n + c.population, 0)).toBeGreaterThanOrEqual(400);
    expect(sum(byIndustry, 'encouraged', 'mandatory')).toBeGreaterThanOrEqual(up.count);
    expect(byCity[0]!.population).toBeGreaterThanOrEqual(byCity[byCity.length - 1]!.population);
  });

  it('an empty population still says the date it would be judged on', () => {
    const d = impactDetail(base, 'cppl', '1.0.0', '2.0.0', []);
    expect(d).toMatchObject({ population: 0, changed: 0, asOf: '2012-07-01', transitions: [], byCity: [] });
  });
});
