import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR, checkLock, lintRules, loadRulesDir, readLock, release } from '../../loader/index.ts';

describe('released versions are immutable', () => {
  it('every bundled version is released and matches its locked hash', () => {
    const loaded = loadRulesDir(BUNDLED_RULES_DIR);
    const { problems, unreleased } = checkLock(loaded, readLock(BUNDLED_RULES_DIR)!);
    expect(problems).toEqual([]);
    expect(unreleased).toEqual([]);
  });

  it('a change to a released file fails lint; release never rewrites a released hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-lock-'));
    cpSync(BUNDLED_RULES_DIR, dir, { recursive: true });
    const file = join(dir, 'cppl', '2.0.0.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Enterprises audit their production and services as needed', 'Enterprises audit as needed'));
    const loaded = loadRulesDir(dir);
    expect(lintRules(loaded).map((p) => p.message)).toContainEqual(expect.stringMatching(/released version cppl@2\.0\.0 has changed/));
    const { lock, released } = release(loaded, readLock(dir)!);
    expect(released).toEqual([]);
    expect(lock.versions['cppl@2.0.0']).toBe(readLock(dir)!.versions['cppl@2.0.0']);
  });

  it('every version has a CHANGELOG entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-changelog-'));
    cpSync(BUNDLED_RULES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'cppl', 'CHANGELOG.md'), '# cppl\n\n## 2.0.0\n');
    expect(lintRules(loadRulesDir(dir)).map((p) => `${p.file} ${p.message}`)).toContainEqual(
      expect.stringMatching(/1\.0\.0\.yaml CHANGELOG\.md has no entry '## 1\.0\.0'/),
    );
  });
});
