import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR, checkLock, lintRules, LOCK_FILE, loadRulesDir, newLock, readLock, release, versionHash, writeLock } from '../../loader/index.ts';

describe('released versions are immutable', () => {
  it('every bundled version is released and matches its locked hash', () => {
    const loaded = loadRulesDir(BUNDLED_RULES_DIR);
    const { problems, unreleased } = checkLock(loaded, readLock(BUNDLED_RULES_DIR)!);
    expect(problems).toEqual([]);
    expect(unreleased).toEqual([]);
  });

  it('the lock holds the hash of each released version as compiled: every one compiles to it', () => {
    const lock = readLock(BUNDLED_RULES_DIR)!;
    expect(lock.hashOf).toBe('compiled');
    const versions = new Map(loadRulesDir(BUNDLED_RULES_DIR).versions.map((v) => [`${v.file.id}@${v.file.version}`, v.file]));
    expect(Object.keys(lock.versions).length).toBeGreaterThanOrEqual(20);
    for (const [key, hash] of Object.entries(lock.versions)) {
      expect(versions.has(key), `${key} is in the rules directory`).toBe(true);
      expect(versionHash(versions.get(key)!), key).toBe(hash);
    }
  });

  it('the same compiled form in another author form, or a new description of the origin, keeps the hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-lock-'));
    cpSync(BUNDLED_RULES_DIR, dir, { recursive: true });
    const file = join(dir, 'cppl', '2.0.0.yaml');
    const text = readFileSync(file, 'utf8');
    const rewritten = text
      .replace(
        'conditions: { energy.exceedsConsumptionQuota: true }',
        'conditions:\n      all:\n        - { fact: energy, path: $.exceedsConsumptionQuota, operator: equal, value: true }',
      )
      .replace(/origin: .*/, 'origin: described anew');
    expect(rewritten).not.toBe(text);
    writeFileSync(file, rewritten);
    expect(lintRules(loadRulesDir(dir))).toEqual([]);
  });

  it('a lock written before hashOf (file text hashes) is still read as such', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-lock-'));
    cpSync(BUNDLED_RULES_DIR, dir, { recursive: true });
    const loaded = loadRulesDir(dir);
    const old = Object.fromEntries(loaded.versions.map((v) => [`${v.file.id}@${v.file.version}`, v.textSha256]));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(old));
    const lock = readLock(dir)!;
    expect(lock.hashOf).toBe('text');
    expect(checkLock(loaded, lock).problems).toEqual([]);
    const file = join(dir, 'cppl', '2.0.0.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# a comment changes the text\n`);
    expect(checkLock(loadRulesDir(dir), lock).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/released version cppl@2\.0\.0 has changed \(sha256 of its file/),
    ]);
    // Released into, it stays a lock of file hashes.
    delete old['cppl@2.2.0'];
    writeLock(dir, { hashOf: 'text', versions: old });
    const { lock: next, released } = release(loadRulesDir(dir), readLock(dir)!);
    expect(released).toEqual(['cppl@2.2.0']);
    expect(next.versions['cppl@2.2.0']).toBe(loaded.versions.find((v) => v.file.id === 'cppl' && v.file.version === '2.2.0')!.textSha256);
  });

  it('a rules directory without a lock gets one of compiled hashes on its first release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-lock-'));
    cpSync(BUNDLED_RULES_DIR, dir, { recursive: true });
    rmSync(join(dir, LOCK_FILE));
    expect(readLock(dir)).toBeUndefined();
    const loaded = loadRulesDir(dir);
    const { lock, released } = release(loaded, readLock(dir) ?? newLock());
    expect(released).toHaveLength(loaded.versions.length);
    writeLock(dir, lock);
    const read = readLock(dir)!;
    expect(read.hashOf).toBe('compiled');
    expect(read.versions).toEqual(readLock(BUNDLED_RULES_DIR)!.versions);
  });

  it('a broken lock file is a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-lock-'));
    writeFileSync(join(dir, LOCK_FILE), '{ "hashOf": "compiled", "versions": { "cppl@1.0.0": "abc" } }');
    expect(() => readLock(dir)).toThrow(/versions: expected \{ "<rule set>@<version>": "<sha256>" \}/);
    writeFileSync(join(dir, LOCK_FILE), '{ "hashOf": "text-v2" }');
    expect(() => readLock(dir)).toThrow(/hashOf: expected "compiled"/);
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
