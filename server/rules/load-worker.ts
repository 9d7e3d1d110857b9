import { parentPort, workerData } from 'node:worker_threads';
import { CleanprodError } from '../../engine/index.ts';
import { readdirSync } from 'node:fs';
import { checkLock, loadLintedRules, readLock, rulesDirProblem } from '../../loader/index.ts';
import type { LoadedRuleData } from './load.ts';

/**
 * Runs on a worker thread with a capped heap (load.ts): reads, parses and lints a rules directory and posts back plain
 * data — the versions, the derived facts, and which versions are not yet released — or the lint's problems. Whatever a
 * rules file holds, the server's own thread never parses it, and a file that exhausts this thread's heap ends only it.
 */
const { dir } = workerData as { dir: string };
let result: LoadedRuleData;
try {
  const unusable = rulesDirProblem(dir) ?? (readdirSync(dir).length === 0 ? 'the rules directory is empty: it holds no rule set' : undefined);
  if (unusable) throw new CleanprodError('INVALID_RULES', unusable, [{ path: dir, message: unusable }]);
  const loaded = loadLintedRules(dir);
  const lock = readLock(dir);
  const unreleased = lock ? checkLock(loaded, lock).unreleased : loaded.versions.map((v) => `${v.file.id}@${v.file.version}`);
  result = { ok: true, json: JSON.stringify({ versions: loaded.versions, derivedFacts: loaded.derivedFacts }), unreleased, hasLock: lock !== undefined };
} catch (e) {
  result =
    e instanceof CleanprodError
      ? { ok: false, problems: e.details.length > 0 ? e.details : [{ path: dir, message: e.message }] }
      : { ok: false, problems: [{ path: dir, message: `could not be loaded: ${(e as Error)?.message ?? String(e)}` }] };
}
parentPort!.postMessage(result);
