import { rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { ChunkResult, EvaluatorOptions, RawItem } from '../../cli/batch/evaluate.ts';
import type { BatchReader } from '../../cli/batch/read.ts';
import { mergeStats } from '../../cli/batch/stats.ts';
import { openWriter, type BatchWriter } from '../../cli/batch/write.ts';
import { type Bilingual, CleanprodError } from '../../engine/index.ts';
import { PoolUnavailableError, type HeavyPool, type RulesRef } from '../pool/index.ts';
import { type Problem, problemOf } from '../problem.ts';
import type { ProblemSlug } from '../problems/catalog.ts';
import type { JobsConfig } from './config.ts';
import { inputFailure } from './input-errors.ts';
import { JOB_TEXT } from './messages.ts';
import { FAILURES_KEPT, type Job, type JobStore } from './store.ts';

export interface RunDeps {
  store: JobStore;
  pool: HeavyPool;
  /** the rule base the whole file is evaluated with (a reload during the job does not mix versions) */
  rules: RulesRef;
  config: JobsConfig;
  /** evaluations made (metrics) */
  onEvaluated: (n: number) => void;
  /** a fault of the server's own (logged) */
  onInternalError: (e: unknown) => void;
}

/** A job that stops with a problem of its own (too many rows, out of time). */
class JobError extends Error {
  constructor(
    readonly slug: ProblemSlug,
    readonly text: Bilingual,
    readonly path: string,
  ) {
    super(text.en);
  }
}

/** Tries a pool task again after a busy pool or a lost worker, at most this often, before the job fails. */
const RETRIES = 3;
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** One chunk of rows on the worker pool, each chunk admitted on its own (so other heavy requests take turns with it). */
async function evaluateChunk(items: RawItem[], options: EvaluatorOptions, deps: RunDeps, signal: AbortSignal): Promise<ChunkResult> {
  for (let attempt = 0; ; attempt++) {
    signal.throwIfAborted();
    let admission: ReturnType<HeavyPool['admit']>;
    try {
      admission = deps.pool.admit();
    } catch (e) {
      // The pool is full of other requests: wait for a place (the job's own time limit bounds the waiting).
      if (!(e instanceof PoolUnavailableError)) throw e;
      await sleep(Math.min(2000, 200 * 2 ** Math.min(attempt, 4)), signal);
      continue;
    }
    try {
      const r = await admission.run({ kind: 'rows', rules: deps.rules, items, options });
      deps.onEvaluated(r.evaluations);
      return JSON.parse(r.json) as ChunkResult;
    } catch (e) {
      if (!(e instanceof PoolUnavailableError) || attempt >= RETRIES) throw e;
    } finally {
      admission.release();
    }
  }
}

/** Why a job failed, as a problem in its language. */
function problemOfFailure(e: unknown, job: Job, deps: RunDeps): Problem {
  const instance = `/v1/jobs/${job.id}`;
  const lang = job.lang;
  if (e instanceof JobError) return problemOf(e.slug, lang, e.text[lang], [{ path: e.path, message: e.text[lang] }], instance);
  const input = inputFailure(e, job.fileName);
  if (input)
    return problemOf(
      'invalid-input',
      lang,
      input.text[lang],
      input.errors.map((x) => ({ path: x.path, message: x.text[lang] })),
      instance,
    );
  // stopped from outside: the server is closing
  if (job.abort.signal.aborted)
    return problemOf('heavy-timeout', lang, JOB_TEXT.stopped[lang], [{ path: '(file)', message: JOB_TEXT.stopped[lang] }], instance);
  if (e instanceof PoolUnavailableError) {
    const slug = e.code === 'POOL_BUSY' ? 'pool-busy' : e.code === 'WORKER_FAILED' ? 'worker-failed' : 'heavy-timeout';
    return problemOf(slug, lang, e.text[lang], [{ path: '(file)', message: e.text[lang] }], instance);
  }
  if (!(e instanceof CleanprodError)) deps.onInternalError(e);
  return problemOf('internal', lang, JOB_TEXT.internal[lang], [], instance);
}

/**
 * Evaluates an uploaded file's rows into its result: read here as a stream (cli/batch's reader), evaluated in chunks on
 * the server's worker pool (a few chunks in flight, written in input order), written as a stream (cli/batch's writer,
 * with the headers in the job's language). Memory stays bounded whatever the file's size: the rows in flight, the
 * counts by city and industry, the first failed rows. The job's progress is updated after every chunk; it fails —
 * its result not kept — when its rows pass the limit, its time runs out, or the file turns out unreadable midway.
 */
export async function runJob(job: Job, reader: BatchReader, deps: RunDeps): Promise<void> {
  const { config, store } = deps;
  const signal = job.abort.signal;
  const timer = setTimeout(() => job.abort.abort(new JobError('heavy-timeout', JOB_TEXT.jobTimeout(config.timeoutMs), '(file)')), config.timeoutMs);
  const window = Math.max(2, 2 * deps.pool.options.threads);
  const options: EvaluatorOptions = {
    asOf: job.asOf,
    output: job.format,
    lang: job.lang,
    tally: true,
    ...(reader.header ? { header: reader.header } : {}),
  };
  let writer: BatchWriter | undefined;
  try {
    // the same file `cleanprod batch --lang <language>` writes, a CSV with a byte-order mark (for Excel)
    writer = await openWriter(job.result, job.format, new Writable({ write: (_c, _e, cb) => cb() }), job.lang, { bom: job.format === 'csv' });
    const queue: Promise<ChunkResult>[] = [];
    const write = async (result: ChunkResult) => {
      await writer!.write(result);
      const p = job.progress;
      p.rowsDone += result.rows;
      p.failed += result.failed;
      p.bytesRead = Math.min(reader.bytesRead(), reader.size);
      if (result.stats) mergeStats(job.stats, result.stats);
      for (const f of result.failures ?? []) if (job.failures.length < FAILURES_KEPT) job.failures.push(f);
    };
    let chunk: RawItem[] = [];
    let read = 0;
    const submit = async (items: RawItem[]) => {
      const task = evaluateChunk(items, options, deps, signal);
      task.catch(() => undefined); // awaited in order below
      queue.push(task);
      if (queue.length >= window) await write(await queue.shift()!);
    };
    for await (const item of reader.rows) {
      signal.throwIfAborted();
      if (++read > config.maxRows) throw new JobError('batch-too-large', JOB_TEXT.tooManyRows(read, config.maxRows), '(file)');
      chunk.push(item);
      if (chunk.length < config.chunkRows) continue;
      await submit(chunk);
      chunk = [];
    }
    if (chunk.length > 0) await submit(chunk);
    while (queue.length > 0) await write(await queue.shift()!);
    signal.throwIfAborted();
    await writer.commit();
    job.progress.rowsTotal = job.progress.rowsDone;
    job.progress.bytesRead = job.progress.bytesTotal;
    store.finish(job, 'done');
  } catch (e) {
    await writer?.abort().catch(() => undefined);
    // aborted: the reason says why (its time ran out, or the server is closing), not the error it caused midway
    store.finish(job, 'failed', problemOfFailure(signal.aborted ? signal.reason : e, job, deps));
  } finally {
    clearTimeout(timer);
    reader.close();
    // The upload is not needed once its result is written (or the job failed).
    await rm(job.input, { force: true }).catch(() => undefined);
  }
}
