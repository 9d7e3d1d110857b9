import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseVersion, casesNaming, loadCases, loadCasesAsync, rolesOf } from '../../loader/index.ts';
import { bundled } from '../support/rulebase.ts';

describe('the golden cases naming a rule', () => {
  it('loadCasesAsync reads the same cases (and problems) as loadCases', async () => {
    const sync = loadCases();
    const async = await loadCasesAsync('cases');
    expect(async.cases.map((c) => c.file)).toEqual(sync.cases.map((c) => c.file));
    expect(async.cases.map((c) => c.pinnedVersion)).toEqual(sync.cases.map((c) => c.pinnedVersion));
    expect(async.problems).toEqual(sync.problems);
    expect(async.cases.length).toBeGreaterThan(100);
  });

  it('reports a misnamed or invalid case file, and a missing directory, as loadCases does', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cleanprod-cases-'));
    try {
      mkdirSync(join(root, 'cppl'));
      writeFileSync(
        join(root, 'cppl', 'wrong-name.yaml'),
        ['name: a clean enterprise is not required to audit', "asOf: '2014-06-01'", 'profile: {}', 'expect: {}', ''].join('\n'),
      );
      writeFileSync(join(root, 'cppl', 'broken.yaml'), 'name: [');
      const a = await loadCasesAsync(root);
      expect(a.problems).toEqual(loadCases(root).problems);
      expect(a.problems.some((p) => p.includes("file name must be the case's sentence"))).toBe(true);
      expect(a.problems.some((p) => p.includes('YAML'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect((await loadCasesAsync(join(root, 'gone'))).problems[0]).toMatch(/cases directory does not exist$/);
  });

  it('each naming case says what it asserts and the version it runs with', () => {
    const base = bundled();
    const { cases } = loadCases();
    const named = casesNaming(base, cases, 'miit-industrial-cp-12th-fyp', 'miit12-2-3-central-soe-audit-by-2015');
    const soe = named.find((c) => c.file.endsWith('a-central-soe-plant-that-never-audited-missed-its-2015-round.yaml'))!;
    expect(soe.roles).toEqual(['missed', 'duty']);
    expect(soe.asOf).toBe('2016-06-01');
    // 2016-06-01 lies past the plan's end (2015-12-31): no version of it covers the date.
    expect(soe.version).toBeNull();
    const done = named.find((c) => c.file.endsWith('a-central-soe-plant-that-audited-in-2012-has-completed-its-2015-round.yaml'))!;
    // An unpinned case runs with the newest version covering its date (a release of the plan changes which one).
    const miit = base.rulesets.get('miit-industrial-cp-12th-fyp')!;
    expect(done).toMatchObject({ roles: ['fires', 'duty'], version: miit[miit.length - 1]!.version });
    const pinned = cases.find((c) => c.pinnedVersion !== undefined)!;
    expect(caseVersion(base, pinned, pinned.ruleset)).toBe(pinned.pinnedVersion);
    expect(rolesOf({ name: 'x', asOf: '2014-01-01', profile: {}, expect: { fires: ['r'], audit: { dueBasis: ['r'] } } }, 'r')).toEqual(['fires', 'dueBasis']);
  });
});
