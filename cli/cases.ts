import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { UnknownRuleSetError, versionOf } from '../engine/index.ts';
import { checkCase, coverage, coverageFix, evaluateCase, loadCases, loadRuleBase, type LoadedCase, type RuleCoverage } from '../loader/index.ts';

const gap = (r: RuleCoverage) => r.fires.length === 0 || r.notFires.length === 0;

/** Runs every golden case and optionally prints coverage; returns the exit code (1 on a failed case or, with coverage, a gap). */
export function runCases(rulesDir: string, casesDir: string, withCoverage: boolean, only?: string[]): number {
  const base = loadRuleBase(rulesDir, only);
  const { cases, problems } = loadCases(casesDir, only);
  let failed = problems.length;
  for (const p of problems) process.stderr.write(`${p}\n`);
  for (const c of cases) {
    const failures = checkCase(c.case, evaluateCase(base, c));
    if (failures.length > 0) {
      failed += 1;
      process.stderr.write(`FAIL ${c.file}\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
    }
  }
  process.stdout.write(`cases: ${cases.length - (failed - problems.length)} passed, ${failed} failed\n`);
  if (!withCoverage) return failed > 0 ? 1 : 0;
  const cov = coverage(base, cases);
  const byKey = new Map<string, RuleCoverage[]>();
  for (const r of cov) byKey.set(`${r.ruleset} ${r.version}`, [...(byKey.get(`${r.ruleset} ${r.version}`) ?? []), r]);
  for (const [key, rows] of byKey) {
    const both = rows.filter((r) => !gap(r)).length;
    process.stdout.write(`\n${key}: ${both}/${rows.length} rules tested on both sides\n`);
    for (const r of rows) {
      const mark = !gap(r) ? 'ok  ' : r.fires.length ? 'FIRE' : r.notFires.length ? 'NOT ' : '--  ';
      const via = r.inheritedFrom ? `, unchanged in ${r.inheritedFrom}: its cases count` : '';
      process.stdout.write(`  ${mark} ${r.section} ${r.id} (fires in ${r.fires.length}, not in ${r.notFires.length}${via})\n`);
      if (gap(r)) process.stdout.write(`       fix: ${coverageFix(r)}\n`);
    }
  }
  const gaps = cov.filter(gap);
  process.stdout.write(
    `\ncoverage: ${cov.length - gaps.length}/${cov.length} rules tested on both sides${gaps.length ? ` — ${gaps.length} gap(s), each with its fix above` : ''}\n`,
  );
  return failed > 0 || gaps.length > 0 ? 1 : 0;
}

/**
 * Keeps a superseded version tested: copies the cases that test its rules left without coverage (rules a later version
 * changed) into cases/<rule set>/<version>/, where they stay pinned to it — each only if it passes pinned there.
 * Run it before changing those cases' expectations for the new version.
 */
export function pinCases(rulesDir: string, casesDir: string, key: string): number {
  const [ruleset, version] = key.split('@');
  if (!ruleset || !version) throw new UnknownRuleSetError(`--pin expects <rule set>@<version>, got '${key}'`, '--pin');
  const base = loadRuleBase(rulesDir);
  versionOf(base, ruleset, version, '--pin', '--pin');
  const { cases } = loadCases(casesDir);
  const wanted = new Set(
    coverage(base, cases)
      .filter((r) => r.ruleset === ruleset && r.version === version && gap(r))
      .map((r) => r.id),
  );
  if (wanted.size === 0) {
    process.stdout.write(`${ruleset} ${version}: every rule is tested on both sides; nothing to pin\n`);
    return 0;
  }
  const dir = join(casesDir, ruleset, version);
  let copied = 0;
  for (const c of cases) {
    if (c.pinnedVersion !== undefined || c.case.versions?.[ruleset] !== undefined) continue;
    const asserted = [...(c.case.expect.fires ?? []), ...(c.case.expect.notFires ?? [])];
    if (!asserted.some((id) => wanted.has(id))) continue;
    const pinned: LoadedCase = { ...c, ruleset, pinnedVersion: version };
    const failures = checkCase(c.case, evaluateCase(base, pinned));
    const name = basename(c.file);
    if (failures.length > 0) {
      process.stdout.write(`not pinned: ${c.file} does not hold under ${ruleset} ${version}: ${failures.join('; ')}\n`);
      continue;
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), stringifyYaml(c.case, { lineWidth: 160 }));
    copied += 1;
    process.stdout.write(`pinned: ${join(dir, name)}\n`);
  }
  process.stdout.write(`${copied} case(s) now stay with ${ruleset} ${version}; run \`cleanprod cases --coverage\` to see what is left\n`);
  return 0;
}
