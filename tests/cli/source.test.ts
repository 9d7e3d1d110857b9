import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newestVersion } from '../support/versions.ts';

const root = new URL('../../', import.meta.url).pathname;
const env = { ...process.env };
delete env.RULES_DIR;
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/cleanprod.mjs'), ...args], { cwd: root, encoding: 'utf8', env });

describe('cleanprod source', () => {
  it("writes a version's source text with the rules beside each passage it quotes", () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cleanprod-source-')), 'cppl.md');
    const r = run('source', 'cppl@2.0.0', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*cppl\.md: cppl 2\.0\.0, \d+ of \d+ passages quoted by 18 rules and warnings\n$/);
    const md = readFileSync(out, 'utf8').split('\n');
    const at = md.indexOf('> （二）**超过单位产品能源消耗限额标准构成高耗能的**；');
    expect(at).toBeGreaterThan(0);
    expect(md[at + 2]).toMatch(/^- `cppl-2012-art27-2-2-high-energy` — audit · mandatory — 第二十七条第二款第（二）项 — /);
    // Article 1 is encoded by no rule, so it is marked.
    expect(md.find((l) => l.includes('第一条'))).toMatch(/^> \*\*\[not quoted\]\*\* 第一条/);
  });

  it('prints the newest version by default, and names the versions when one does not exist', () => {
    const r = run('source', 'meizhou-cp-scheme-2023');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      `# 梅州市全面推行清洁生产实施方案（2023-2025年） — source text with the rules of meizhou-cp-scheme-2023 ${newestVersion('meizhou-cp-scheme-2023')}`,
    );
    const bad = run('source', 'cppl@9.9.9');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error \[UNKNOWN_RULESET\]: cppl has no version '9\.9\.9' \(versions: 1\.0\.0, /);
    expect(run('source', 'no-such-set').stderr).toMatch(/unknown rule set 'no-such-set'/);
  });
});
