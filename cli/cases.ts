import { checkCase, coverage, evaluateCase, loadCases } from '../loader/index.ts';
import { loadRuleBase } from '../loader/index.ts';

/** Runs every golden case and optionally prints coverage; returns the exit code. */
export function runCases(rulesDir: string, casesDir: string, withCoverage: boolean, only?: string[]): number {
  const base = loadRuleBase(rulesDir, only);
  const { cases, problems } = loadCases(casesDir, only);
  let failed = problems.length;
  for (const p of problems) process.stderr.write(`${p}\n`);
  for (const c of cases) {
    const failures = checkCase(c.case, evaluateCase(base, c.case));
    if (failures.length > 0) {
      failed += 1;
      process.stderr.write(`FAIL ${c.file}\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
    }
  }
  process.stdout.write(`cases: ${cases.length - (failed - problems.length)} passed, ${failed} failed\n`);
  if (withCoverage) {
    const cov = coverage(base, cases);
    const byKey = new Map<string, typeof cov>();
    for (const r of cov) byKey.set(`${r.ruleset} ${r.version}`, [...(byKey.get(`${r.ruleset} ${r.version}`) ?? []), r]);
    for (const [key, rows] of byKey) {
      const both = rows.filter((r) => r.fires.length > 0 && r.notFires.length > 0).length;
      process.stdout.write(`\n${key}: ${both}/${rows.length} rules tested on both sides\n`);
      for (const r of rows) {
        const mark = r.fires.length && r.notFires.length ? 'ok  ' : r.fires.length ? 'FIRE' : r.notFires.length ? 'NOT ' : '--  ';
        process.stdout.write(`  ${mark} ${r.section} ${r.id} (fires in ${r.fires.length}, not in ${r.notFires.length})\n`);
      }
    }
  }
  return failed > 0 ? 1 : 0;
}
