import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { RuleBase } from '../engine/index.ts';
import type { GoldenCase, Profile } from '../schemas/index.ts';
import { casePins, type LoadedCase, parseCase } from './cases.ts';

/** What a golden case asserts about a rule. */
export type CaseRole = 'fires' | 'notFires' | 'undetermined' | 'dueBasis' | 'missed' | 'duty';

/** A golden case that names a rule, with what it asserts about it and the version of the rule's set it runs with. */
export interface CaseNaming {
  file: string;
  /** The case's sentence. */
  name: string;
  asOf: string;
  /** The rule set directory it is filed under (cases/<ruleset>/). */
  filedUnder: string;
  roles: CaseRole[];
  /** The version of the rule's set the case is evaluated with: the one it pins, else the newest covering its date; null: none covers it. */
  version: string | null;
  profile: Profile;
  rulesets?: string[];
  versions?: Record<string, string>;
}

/** What a case asserts about `ruleId`: fires, does not fire, is undetermined, is (part of) the due date's basis, is missed, a duty's state. */
export function rolesOf(c: GoldenCase, ruleId: string): CaseRole[] {
  const e = c.expect;
  const roles: CaseRole[] = [];
  if (e.fires?.includes(ruleId)) roles.push('fires');
  if (e.notFires?.includes(ruleId)) roles.push('notFires');
  if (e.undetermined?.includes(ruleId)) roles.push('undetermined');
  if (e.audit?.dueBasis?.includes(ruleId)) roles.push('dueBasis');
  if (e.audit?.missed?.includes(ruleId)) roles.push('missed');
  if (e.duties?.[ruleId] !== undefined) roles.push('duty');
  return roles;
}

/** The version of rule set `id` a case runs with: pinned (by `versions` or its directory), else the newest covering its date. */
export function caseVersion(base: RuleBase, c: LoadedCase, id: string): string | null {
  const pinned = casePins(c)?.[id];
  if (pinned !== undefined) return pinned;
  const covering = (base.rulesets.get(id) ?? []).filter((v) => v.file.validFrom <= c.case.asOf && (v.file.validTo === null || c.case.asOf <= v.file.validTo));
  return covering[covering.length - 1]?.version ?? null;
}

/** Every case (of any directory) that names `ruleId` of rule set `id`, in file order. */
export function casesNaming(base: RuleBase, cases: readonly LoadedCase[], id: string, ruleId: string): CaseNaming[] {
  const out: CaseNaming[] = [];
  for (const c of cases) {
    const roles = rolesOf(c.case, ruleId);
    if (roles.length === 0) continue;
    const g = c.case;
    out.push({
      file: c.file,
      name: g.name,
      asOf: g.asOf,
      filedUnder: c.ruleset,
      roles,
      version: caseVersion(base, c, id),
      profile: g.profile,
      ...(g.rulesets ? { rulesets: g.rulesets } : {}),
      ...(casePins(c) ? { versions: casePins(c) } : {}),
    });
  }
  return out;
}

/** Most case files read by loadCasesAsync (a cases directory is a few hundred files). */
export const MAX_CASE_FILES = 5000;
/** Largest case file read, in bytes. */
export const MAX_CASE_BYTES = 256 * 1024;

/**
 * loadCases for a server: the same files and checks, read without blocking — each file is read asynchronously and the
 * event loop gets a turn between files, so indexing a few hundred cases never holds up other requests. Bounded: at most
 * MAX_CASE_FILES files of MAX_CASE_BYTES each (others become problems).
 */
export async function loadCasesAsync(dir: string): Promise<{ cases: LoadedCase[]; problems: string[] }> {
  const cases: LoadedCase[] = [];
  const problems: string[] = [];
  let files = 0;
  const isDir = async (p: string) => (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
  if (!(await isDir(dir))) return { cases, problems: [`${dir}: cases directory does not exist`] };
  const readDir = async (sub: string, ruleset: string, pinnedVersion?: string): Promise<void> => {
    for (const f of (await readdir(sub)).sort()) {
      const path = join(sub, f);
      if (await isDir(path)) {
        if (pinnedVersion === undefined && /^\d+\.\d+\.\d+$/.test(f)) await readDir(path, ruleset, f);
        continue;
      }
      if (!/\.ya?ml$/.test(f)) continue;
      const shown = relative(process.cwd(), path);
      if (++files > MAX_CASE_FILES) {
        problems.push(`${shown}: more than ${MAX_CASE_FILES} case files: not read`);
        return;
      }
      const size = (await stat(path)).size;
      if (size > MAX_CASE_BYTES) {
        problems.push(`${shown}: ${size} bytes, more than ${MAX_CASE_BYTES}: not read`);
        continue;
      }
      const loaded = parseCase(await readFile(path, 'utf8'), shown, ruleset, pinnedVersion, problems);
      if (loaded) cases.push(loaded);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  for (const ruleset of (await readdir(dir)).sort()) {
    const sub = join(dir, ruleset);
    if (await isDir(sub)) await readDir(sub, ruleset);
  }
  return { cases, problems };
}
