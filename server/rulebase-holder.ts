import { prepareRuleBase, RuleLoadError, type RuleBase } from '../engine/index.ts';
import { loadInWorker, type LoadedRuleData, type RuleInputs } from './rules/load.ts';

export interface ReloadResult {
  ok: boolean;
  /** The lint's problems (or the load error) when not ok; the previous rules stay in service. */
  problems: { path: string; message: string }[];
  /** Versions found but not served because they are not released (not in versions.lock.json). */
  unreleased?: string[];
}

export interface LoadedVersions {
  /** When the rule base in service was loaded (ISO 8601). */
  loadedAt: string;
  /** Rule set id → its versions with their content hashes. */
  rulesets: { id: string; versions: { version: string; sha256: string }[] }[];
  /** Versions present in the rules directory but not served, because they are not released. */
  unreleased: string[];
  /** The last reload attempt, if any. */
  lastReload?: { at: string; ok: boolean; problems: number };
}

/** The rule base in service. Routes call current() once per request; reload() swaps it whole or not at all. */
export interface RuleBaseHolder {
  current(): RuleBase;
  reload(): Promise<ReloadResult>;
  describe(): LoadedVersions;
  /** Called after every reload attempt (metrics, logs). */
  onReload(listener: (result: ReloadResult) => void): void;
}

/** A complete rule base to swap in, with the versions left out, or the reason there is none. */
export type Loaded = { ok: true; base: RuleBase; unreleased: string[] } | { ok: false; problems: ReloadResult['problems'] };

function versionsOf(base: RuleBase): LoadedVersions['rulesets'] {
  return [...base.rulesets].map(([id, versions]) => ({ id, versions: versions.map((v) => ({ version: v.version, sha256: v.sha256 })) }));
}

/**
 * A holder over an asynchronous load: the first load happens here (and rejects, so a server never starts without
 * valid rules); each reload builds a complete new rule base first and only then swaps the one reference, so a request
 * sees the old rules or the new ones, never a mixture, and a failed reload leaves the old ones in service. Reloads run
 * one after another, never two at once.
 */
export async function ruleBaseHolder(load: () => Promise<Loaded>, now: () => Date = () => new Date()): Promise<RuleBaseHolder> {
  const first = await load();
  if (!first.ok) throw new RuleLoadError(`${first.problems.length} problem(s) in the rules`, first.problems);
  let base = first.base;
  let unreleased = first.unreleased;
  let loadedAt = now().toISOString();
  let lastReload: LoadedVersions['lastReload'];
  let queue: Promise<unknown> = Promise.resolve();
  const listeners: ((r: ReloadResult) => void)[] = [];
  const reloadOnce = async (): Promise<ReloadResult> => {
    const at = now().toISOString();
    let next: Loaded;
    try {
      next = await load();
    } catch (e) {
      next = { ok: false, problems: [{ path: 'rules', message: (e as Error)?.message ?? String(e) }] };
    }
    const result: ReloadResult = next.ok ? { ok: true, problems: [], unreleased: next.unreleased } : { ok: false, problems: next.problems };
    if (next.ok) {
      base = next.base;
      unreleased = next.unreleased;
      loadedAt = at;
    }
    lastReload = { at, ok: result.ok, problems: result.problems.length };
    for (const l of listeners) l(result);
    return result;
  };
  return {
    current: () => base,
    reload() {
      const run = queue.then(reloadOnce, reloadOnce);
      queue = run;
      return run;
    },
    describe: () => ({ loadedAt, rulesets: versionsOf(base), unreleased, ...(lastReload ? { lastReload } : {}) }),
    onReload: (listener) => void listeners.push(listener),
  };
}

/**
 * The worker's answer as a rule base: unreleased versions left out unless `serveUnreleased`; none left to serve is a
 * problem (a server answering "not required" to everyone from an empty rule base would be silently wrong).
 */
export function ruleBaseFrom(data: LoadedRuleData, dir: string, serveUnreleased: boolean): Loaded {
  if (!data.ok) return data;
  const inputs = JSON.parse(data.json) as RuleInputs;
  const skipped = serveUnreleased ? [] : data.unreleased;
  const versions = inputs.versions.filter((v) => !skipped.includes(`${v.file.id}@${v.file.version}`));
  if (versions.length === 0) {
    const why =
      inputs.versions.length === 0
        ? 'holds no rule set (<id>/<version>.yaml)'
        : `holds no released version (${data.hasLock ? 'versions.lock.json lists none of them' : 'there is no versions.lock.json'}): release them with \`cleanprod release --rules-dir ${dir}\`, or set SERVE_UNRELEASED=1 to serve drafts`;
    return { ok: false, problems: [{ path: dir, message: `the rules directory ${why}; there is nothing to serve` }] };
  }
  return { ok: true, base: prepareRuleBase(versions, inputs.derivedFacts), unreleased: skipped };
}

/**
 * The rules directory (RULES_DIR / --rules-dir): loaded and linted on a worker thread every time. `first` is a first
 * load already under way (the CLI starts it before it imports the server, so the two overlap).
 */
export function directoryHolder(
  dir: string,
  { serveUnreleased = false, first }: { serveUnreleased?: boolean; first?: Promise<LoadedRuleData> } = {},
): Promise<RuleBaseHolder> {
  let started = first;
  return ruleBaseHolder(async () => {
    const data = started ?? loadInWorker(dir);
    started = undefined;
    return ruleBaseFrom(await data, dir, serveUnreleased);
  });
}

/**
 * A holder to build the app with while the first load runs (the app's schemas compile meanwhile): it forwards to the
 * loaded holder, which is set before the server listens; reload listeners registered early are passed on.
 */
export function deferredHolder(): { holder: RuleBaseHolder; resolve(loaded: RuleBaseHolder): void } {
  let real: RuleBaseHolder | undefined;
  const early: ((r: ReloadResult) => void)[] = [];
  const get = (): RuleBaseHolder => {
    if (!real) throw new Error('the rules are not loaded yet');
    return real;
  };
  return {
    holder: {
      current: () => get().current(),
      reload: () => get().reload(),
      describe: () => get().describe(),
      onReload: (listener) => (real ? real.onReload(listener) : void early.push(listener)),
    },
    resolve(loaded) {
      real = loaded;
      for (const listener of early) loaded.onReload(listener);
    },
  };
}

/** A fixed rule base (tests, embedding): reload keeps it. */
export function fixedHolder(base: RuleBase): RuleBaseHolder {
  let lastReload: LoadedVersions['lastReload'];
  const loadedAt = new Date().toISOString();
  const listeners: ((r: ReloadResult) => void)[] = [];
  return {
    current: () => base,
    async reload() {
      lastReload = { at: new Date().toISOString(), ok: true, problems: 0 };
      const result = { ok: true, problems: [] };
      for (const l of listeners) l(result);
      return result;
    },
    describe: () => ({ loadedAt, rulesets: versionsOf(base), unreleased: [], ...(lastReload ? { lastReload } : {}) }),
    onReload: (listener) => void listeners.push(listener),
  };
}
