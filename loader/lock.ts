import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintProblem, LoadedRules } from './load.ts';

/** Released versions and their content hashes: `{ "cppl@1.0.0": "<sha256>" }`. A released file never changes. */
export type Lock = Record<string, string>;
export const LOCK_FILE = 'versions.lock.json';

export function readLock(dir: string): Lock | undefined {
  const path = join(dir, LOCK_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Lock) : undefined;
}

/** A released version whose content hash changed is a problem; a version not in the lock is an unreleased draft. */
export function checkLock(loaded: LoadedRules, lock: Lock): { problems: LintProblem[]; unreleased: string[] } {
  const problems: LintProblem[] = [];
  const unreleased: string[] = [];
  const present = new Set<string>();
  for (const v of loaded.versions) {
    const key = `${v.file.id}@${v.file.version}`;
    present.add(key);
    const locked = lock[key];
    if (locked === undefined) unreleased.push(key);
    else if (locked !== v.sha256) {
      problems.push({
        file: v.location,
        message: `released version ${key} has changed (sha256 ${v.sha256.slice(0, 12)}…, released as ${locked.slice(0, 12)}…): a released version is immutable — make a new version instead`,
      });
    }
  }
  for (const key of Object.keys(lock)) {
    const [id] = key.split('@');
    if (!present.has(key) && loaded.versions.some((v) => v.file.id === id)) {
      problems.push({ file: LOCK_FILE, message: `released version ${key} is missing: superseded versions are kept, never deleted` });
    }
  }
  return { problems, unreleased };
}

/** Adds the given unreleased versions (all when none are named) to the lock; never changes a released hash. */
export function release(loaded: LoadedRules, lock: Lock, keys?: readonly string[]): { lock: Lock; released: string[] } {
  const next: Lock = { ...lock };
  const released: string[] = [];
  for (const v of loaded.versions) {
    const key = `${v.file.id}@${v.file.version}`;
    if (keys && !keys.includes(key)) continue;
    if (next[key] !== undefined) continue;
    next[key] = v.sha256;
    released.push(key);
  }
  return { lock: Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b))), released };
}

export function writeLock(dir: string, lock: Lock): void {
  writeFileSync(join(dir, LOCK_FILE), `${JSON.stringify(lock, null, 2)}\n`);
}
