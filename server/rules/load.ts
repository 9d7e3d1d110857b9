import { Worker } from 'node:worker_threads';
import type { DerivedFactDef } from '../../schemas/index.ts';
import type { RuleSetVersionInput } from '../../engine/index.ts';
import { distEntry } from '../dist-entry.ts';

/** What the loading worker posts back: the linted rules as JSON, or the problems that refused them. */
export type LoadedRuleData = { ok: true; json: string; unreleased: string[]; hasLock: boolean } | { ok: false; problems: { path: string; message: string }[] };

export interface RuleInputs {
  versions: RuleSetVersionInput[];
  derivedFacts: DerivedFactDef[];
}

/** The loading worker's heap cap: the bundled rules need a few tens of MB to lint; a runaway file ends the worker, not the server. */
export const LOAD_WORKER_HEAP_MB = 384;
/** Longest a load may take before it is abandoned (the previous rules stay in service). */
export const LOAD_TIMEOUT_MS = 120_000;

/**
 * Loads and lints a rules directory on a worker thread (load-worker.ts): the request path never parses YAML. Resolves
 * with the worker's answer; a worker that runs out of memory, fails or exceeds the time limit resolves as a problem.
 */
export function loadInWorker(dir: string, { heapMb = LOAD_WORKER_HEAP_MB, timeoutMs = LOAD_TIMEOUT_MS } = {}): Promise<LoadedRuleData> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(distEntry('server', 'rules', 'load-worker.js'), {
      workerData: { dir },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    const done = (r: LoadedRuleData) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
      void worker.terminate();
    };
    const fail = (message: string) => done({ ok: false, problems: [{ path: dir, message }] });
    const timer = setTimeout(() => fail(`loading took longer than ${timeoutMs} ms and was abandoned`), timeoutMs);
    worker.once('message', (m: LoadedRuleData) => done(m));
    worker.once('error', (e: Error & { code?: string }) =>
      fail(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `loading needed more than ${heapMb} MB of memory and was stopped: a rules file is far too large or deeply nested`
          : `loading failed: ${e.message}`,
      ),
    );
    worker.once('exit', (code) => fail(`the loading worker exited (code ${code}) without an answer`));
  });
}
