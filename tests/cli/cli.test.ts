import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionOn } from '../support/versions.ts';

const root = new URL('../../', import.meta.url).pathname;
const env = { ...process.env };
delete env.RULES_DIR;
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/cleanprod.mjs'), ...args], { cwd: root, encoding: 'utf8', env });

describe('cleanprod CLI', () => {
  it('evaluate prints a cited text report, in Chinese by default and in English with --lang en', () => {
    const zh = run('evaluate', 'examples/foshan-ceramics.yaml', '--as-of', '2014-06-01');
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('审核：mandatory (须实施强制性清洁生产审核)');
    expect(zh.stdout).toContain('cppl-2012-art27-2-2-high-energy');
    expect(zh.stdout).toContain('「超过单位产品能源消耗限额标准构成高耗能的」');
    expect(zh.stdout).toContain('因为：超过单位产品能耗限额标准要求：是；企业：是');
    expect(zh.stdout).not.toMatch(/\b(Decisions|because|Warnings|Receipt)\b/);
    const en = run('evaluate', 'examples/foshan-ceramics.yaml', '--as-of', '2014-06-01', '--lang', 'en');
    expect(en.stdout).toContain('AUDIT: mandatory (Mandatory cleaner-production audit)');
    expect(en.stdout).toContain('because: Exceeds the energy-consumption quota required: yes; the enterprise: yes');
    expect(en.stdout).toContain('「超过单位产品能源消耗限额标准构成高耗能的」');
  });

  it('verify re-checks a stored answer with the reference engine: it holds, and a tampered one does not (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-verify-'));
    // verify speaks the stored answer's language: this one is in English.
    const answer = run('evaluate', 'examples/foshan-ceramics.yaml', '--as-of', '2014-06-01', '--format', 'json', '--lang', 'en');
    writeFileSync(join(dir, 'answer.json'), answer.stdout);
    const ok = run('verify', 'examples/foshan-ceramics.yaml', join(dir, 'answer.json'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('the answer still holds');
    const summary = run('evaluate', 'examples/foshan-ceramics.yaml', '--as-of', '2014-06-01', '--format', 'json', '--view', 'summary');
    writeFileSync(join(dir, 'summary.json'), summary.stdout);
    const lean = run('verify', 'examples/foshan-ceramics.yaml', join(dir, 'summary.json'));
    expect(lean.status, lean.stderr).toBe(0);
    expect(lean.stdout).toContain('该答复为摘要视图，不含逐项结论：只核对结论摘要');
    expect(lean.stdout).toContain('该答复仍然成立');
    const tampered = JSON.parse(answer.stdout);
    tampered.decisions = tampered.decisions.filter((d: { kind: string }) => d.kind !== 'sanction' && d.kind !== 'incentive');
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(tampered));
    const bad = run('verify', 'examples/foshan-ceramics.yaml', join(dir, 'tampered.json'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/FAIL decisions: the reference engine differs/);
  });

  it('evaluate --format json prints the contract answer', () => {
    const r = run('evaluate', 'examples/foshan-ceramics.yaml', '--as-of', '2012-03-01', '--format', 'json');
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.asOf).toBe('2012-03-01');
    expect(a.rulesets.find((x: { id: string }) => x.id === 'cppl').version).toBe(versionOn('cppl', '2012-03-01').version);
  });

  it('a misspelt profile field is reported with its path and exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-cli-'));
    writeFileSync(join(dir, 'p.yaml'), 'sector: industry\nenergy: { exceedsConsumptionQuta: true }\n');
    const r = run('evaluate', join(dir, 'p.yaml'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("energy.exceedsConsumptionQuta: unknown field 'exceedsConsumptionQuta'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an invalid --as-of is refused, also a date that does not exist', () => {
    for (const bad of ['2014-13-01', '2014-02-30']) {
      const r = run('evaluate', 'examples/foshan-ceramics.yaml', '--as-of', bad);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`--as-of: expected a date YYYY-MM-DD, got '${bad}'`);
    }
  });

  it('evaluate --lang en --view summary: a lean answer in English; Chinese names in the file are read as keys and said so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-names-'));
    writeFileSync(join(dir, 'p.yaml'), 'asOf: 2014-06-01\nprofile:\n  location: { city: 佛山市, district: 南海区 }\n  industry: { keys: [陶瓷] }\n');
    const r = run('evaluate', join(dir, 'p.yaml'), '--lang', 'en', '--view', 'summary', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.view).toBe('summary');
    expect(a.language).toBe('en');
    expect(a).not.toHaveProperty('decisions');
    // The summary view gives one warning per kind, quoting each.
    expect(a.warnings.filter((w: { code: string }) => w.code === 'normalized').map((w: { message: string }) => w.message)).toEqual([
      'location.city: "佛山市" read as "foshan". location.district: "南海区" read as "nanhai". industry.keys[0]: "陶瓷" read as "ceramics".',
    ]);
  });

  it('evaluate names a missing file as not found, and gives a .json file the JSON parser’s message', () => {
    const missing = run('evaluate', 'no-such-file.yaml');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('no-such-file.yaml: not found');
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-json-'));
    writeFileSync(join(dir, 'broken.json'), '{"profile": {');
    const broken = run('evaluate', join(dir, 'broken.json'));
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/broken\.json: not valid JSON: .*JSON/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });
});
