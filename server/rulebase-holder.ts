import type { RuleBase } from '../engine/index.ts';
import { CleanprodError } from '../engine/index.ts';
import { loadRuleBase } from '../loader/index.ts';

export interface ReloadResult {
  ok: boolean;
  /** The lint's problems (or the load error) when not ok; the previous rules stay in service. */
  problems: { path: string; message: string }[];
}

export interface LoadedVersions {
  /** When the rule base in service was loaded (ISO 8601). */
  loadedAt: string;
  /** Rule set id → its versions with their content hashes. */
  rulesets: { id: string; versions: { version: string; sha256: string }[] }[];
  /** The last reload attempt, if any. */
  lastReload?: { at: string; ok: boolean; problems: number };
}

/** The rule base in service. Routes call current() once per request; reload() swaps it whole or not at all. */
export interface RuleBaseHolder {
  current(): RuleBase;
  reload(): ReloadResult;
  describe(): LoadedVersions;
}

function versionsOf(base: RuleBase): LoadedVersions['rulesets'] {
  return [...base.rulesets].map(([id, versions]) => ({ id, versions: versions.map((v) => ({ version: v.version, sha256: v.sha256 })) }));
}

function problemsOf(e: unknown, source: string): ReloadResult['problems'] {
  if (e instanceof CleanprodError && e.details.length > 0) return e.details;
  return [{ path: source, message: (e as Error)?.message ?? String(e) }];
}

/**
 * A holder over `load()`: the first load happens here (and throws, so a server never starts with bad rules); each
 * reload builds a complete new rule base first and only then swaps the one reference, so a request sees the old
 * rules or the new ones, never a mixture, and a failed reload leaves the old ones in service.
 */
export function ruleBaseHolder(load: () => RuleBase, source = 'rules', now: () => Date = () => new Date()): RuleBaseHolder {
  let base = load();
  let loadedAt = now().toISOString();
  let lastReload: LoadedVersions['lastReload'];
  return {
    current: () => base,
    reload() {
      const at = now().toISOString();
      let next: RuleBase;
      try {
        next = load();
      } catch (e) {
        const problems = problemsOf(e, source);
        lastReload = { at, ok: false, problems: problems.length };
        return { ok: false, problems };
      }
      base = next;
      loadedAt = at;
      lastReload = { at, ok: true, problems: 0 };
      return { ok: true, problems: [] };
    },
    describe: () => ({ loadedAt, rulesets: versionsOf(base), ...(lastReload ? { lastReload } : {}) }),
  };
}

/** The rules directory (RULES_DIR / --rules-dir), linted on every load. */
export function directoryHolder(dir: string): RuleBaseHolder {
  return ruleBaseHolder(() => loadRuleBase(dir), dir);
}

/** A fixed rule base (tests, embedding): reload keeps it and says there is nothing to reload from. */
export function fixedHolder(base: RuleBase): RuleBaseHolder {
  return ruleBaseHolder(() => base, 'fixed rule base');
}
