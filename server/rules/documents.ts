import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { PreparedVersion, RuleBase } from '../../engine/index.ts';
import { type LoadedCase, loadCasesAsync, RULE_LIMITS, type SourcePassages, sourcePassages } from '../../loader/index.ts';

/**
 * The documents that sit beside a rule set's versions — its source text, its CHANGELOG.md — and the golden cases next
 * to the rules directory (`<rules dir>/../cases`, as in this repository). The rule base holds only the compiled
 * versions, so these are read from where each version was loaded (`location`), asynchronously, once per version or
 * rule base (a reload brings new ones), within the loader's file-size cap. A version loaded from no file (a test's
 * rule base) has none of them.
 */

const texts = new WeakMap<PreparedVersion, Promise<string | undefined>>();
const passages = new WeakMap<PreparedVersion, Promise<SourcePassages | undefined>>();
const changelogs = new WeakMap<PreparedVersion, Promise<string | undefined>>();
const caseLists = new WeakMap<RuleBase, Promise<LoadedCase[]>>();

/** A file's text, or undefined when it is missing, unreadable or over the cap (never thrown: the route answers 404). */
async function readCapped(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    if (!s.isFile() || s.size > RULE_LIMITS.fileBytes) return undefined;
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

const dirOf = (v: PreparedVersion) => dirname(resolve(v.location));

function once<K extends object, T>(cache: WeakMap<K, Promise<T>>, key: K, make: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = make();
    cache.set(key, p);
  }
  return p;
}

/** The source text a version encodes (`source.file` beside its version file). */
export const sourceTextOf = (v: PreparedVersion): Promise<string | undefined> => once(texts, v, () => readCapped(join(dirOf(v), v.file.source.file)));

/** The version's source text passage by passage, with the rules quoting each (loader/source-passages.ts). */
export const sourcePassagesOf = (v: PreparedVersion): Promise<SourcePassages | undefined> =>
  once(passages, v, async () => {
    const text = await sourceTextOf(v);
    return text === undefined ? undefined : sourcePassages(v.file, text);
  });

/** The rule set's CHANGELOG.md, as it stands beside this version. */
export const changelogOf = (v: PreparedVersion): Promise<string | undefined> => once(changelogs, v, () => readCapped(join(dirOf(v), 'CHANGELOG.md')));

/** The golden cases beside the rules directory the base was loaded from (none when there is no such directory). */
export function casesOf(base: RuleBase): Promise<LoadedCase[]> {
  return once(caseLists, base, async () => {
    const any = [...base.rulesets.values()][0]?.[0];
    if (!any) return [];
    const dir = join(dirOf(any), '..', '..', 'cases');
    return (await loadCasesAsync(dir).catch(() => ({ cases: [] as LoadedCase[] }))).cases;
  });
}
