import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, RuleLoadError, sha256 } from '../engine/index.ts';
import type { RuleSetFile } from '../schemas/index.ts';
import type { LintProblem, LoadedRules, LoadedVersion } from './load.ts';

/**
 * Released versions and their hashes. `hashOf: compiled` (every lock this project writes): the sha256 of the version's
 * compiled form as canonical JSON, without `source.origin` — so a file may be rewritten in the author form, and its
 * origin described anew, without changing what was released. A lock without `hashOf` (written before) holds the sha256
 * of each file's text and is read as such.
 */
export interface Lock {
  hashOf: 'compiled' | 'text';
  note?: string;
  versions: Record<string, string>;
}
export const LOCK_FILE = 'versions.lock.json';

/** The note a new lock carries (the bundled lock's note also records its switch from file hashes). */
export const LOCK_NOTE = 'Each hash is the sha256 of the version as compiled (canonical JSON, keys sorted), without source.origin.';

/** The hash a version is released under: its compiled form, canonical, without `source.origin` (a description, not content). */
export function versionHash(file: RuleSetFile): string {
  const { origin: _, ...source } = file.source;
  return sha256(canonicalJson({ ...file, source }));
}

export function readLock(dir: string): Lock | undefined {
  const path = join(dir, LOCK_FILE);
  if (!existsSync(path)) return undefined;
  const bad = (why: string) => new RuleLoadError(`${path}: ${why}`, [{ path: LOCK_FILE, message: why }]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw bad(`not valid JSON (${(e as Error).message})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad('expected an object');
  const obj = raw as Record<string, unknown>;
  const hashes = (v: unknown): Record<string, string> => {
    if (v === null || typeof v !== 'object' || Object.values(v).some((h) => typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h)))
      throw bad('versions: expected { "<rule set>@<version>": "<sha256>" }');
    return v as Record<string, string>;
  };
  if (obj.hashOf === undefined) return { hashOf: 'text', versions: hashes(obj) };
  if (obj.hashOf !== 'compiled') throw bad(`hashOf: expected "compiled", got ${JSON.stringify(obj.hashOf)}`);
  return { hashOf: 'compiled', ...(typeof obj.note === 'string' ? { note: obj.note } : {}), versions: hashes(obj.versions) };
}

const hashFor = (lock: Lock, v: LoadedVersion): string => (lock.hashOf === 'compiled' ? v.sha256 : v.textSha256);

/** A released version whose hash changed is a problem; a version not in the lock is an unreleased draft. */
export function checkLock(loaded: LoadedRules, lock: Lock): { problems: LintProblem[]; unreleased: string[] } {
  const problems: LintProblem[] = [];
  const unreleased: string[] = [];
  const present = new Set<string>();
  for (const v of loaded.versions) {
    const key = `${v.file.id}@${v.file.version}`;
    present.add(key);
    const locked = lock.versions[key];
    const hash = hashFor(lock, v);
    if (locked === undefined) unreleased.push(key);
    else if (locked !== hash) {
      problems.push({
        file: v.location,
        message: `released version ${key} has changed (sha256 of its ${lock.hashOf === 'compiled' ? 'compiled form' : 'file'} ${hash.slice(0, 12)}…, released as ${locked.slice(0, 12)}…): a released version is immutable — make a new version instead`,
      });
    }
  }
  for (const key of Object.keys(lock.versions)) {
    const [id] = key.split('@');
    if (!present.has(key) && loaded.versions.some((v) => v.file.id === id)) {
      problems.push({ file: LOCK_FILE, message: `released version ${key} is missing: superseded versions are kept, never deleted` });
    }
  }
  return { problems, unreleased };
}

/** Adds the given unreleased versions (all when none are named) to the lock; never changes a released hash. */
export function release(loaded: LoadedRules, lock: Lock, keys?: readonly string[]): { lock: Lock; released: string[] } {
  const next: Record<string, string> = { ...lock.versions };
  const released: string[] = [];
  for (const v of loaded.versions) {
    const key = `${v.file.id}@${v.file.version}`;
    if (keys && !keys.includes(key)) continue;
    if (next[key] !== undefined) continue;
    next[key] = hashFor(lock, v);
    released.push(key);
  }
  return { lock: { ...lock, versions: Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b))) }, released };
}

/** An empty lock of the current kind, for a rules directory that has none yet. */
export const newLock = (): Lock => ({ hashOf: 'compiled', note: LOCK_NOTE, versions: {} });

export function writeLock(dir: string, lock: Lock): void {
  const body = lock.hashOf === 'compiled' ? { hashOf: 'compiled', ...(lock.note ? { note: lock.note } : {}), versions: lock.versions } : lock.versions;
  writeFileSync(join(dir, LOCK_FILE), `${JSON.stringify(body, null, 2)}\n`);
}
