import { describe, expect, it } from 'vitest';
import { checkCase, coverage, evaluateCase, loadCases } from '../../loader/index.ts';
import { bundled } from '../support/rulebase.ts';

const only = (process.env.TEST_RULESETS || undefined)?.split(',');
const { cases, problems } = loadCases(undefined, only);

describe('golden cases', () => {
  it('every case file is valid and named by its sentence', () => {
    expect(problems).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.case.name, c] as const))('%s', (_name, c) => {
    expect(checkCase(c.case, evaluateCase(bundled(), c))).toEqual([]);
  });

  it('every rule of every version is asserted to fire in some case and not to fire in another', () => {
    const gaps = coverage(bundled(), cases)
      .filter((r) => r.fires.length === 0 || r.notFires.length === 0)
      .map((r) => `${r.ruleset} ${r.version} ${r.id}: fires in ${r.fires.length}, not in ${r.notFires.length}`);
    expect(gaps).toEqual([]);
  });
});
