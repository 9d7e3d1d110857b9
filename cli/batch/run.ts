import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import { Piscina } from 'piscina';
import { prepareRuleBase, ValidationError } from '../../engine/index.ts';
import { BUNDLED_RULES_DIR, loadLintedRules } from '../../loader/index.ts';
import { workerEntry } from './entry.ts';
import { chunkEvaluator, type ChunkResult, type EvaluatorOptions, type RawItem } from './evaluate.ts';
import { limitsWith, type BatchLimits } from './limits.ts';
import { openReader } from './read.ts';
import type { WorkerInit } from './worker.ts';
import { openWriter, outputFormatOf, type BatchWriter, type OutputFormat } from './write.ts';

export interface BatchOptions {
  input: string;
  /** output file; its extension gives the format. Absent: CSV (or `format`) on `stdout`. */
  output?: string;
  format?: OutputFormat;
  /** evaluation date for rows without an asOf cell */
  asOf: string;
  /** the language of answers and row errors, and of the result columns' names (absent: keys, and zh answers) */
  lang?: 'zh' | 'en';
  /** threads evaluating: 1 = this thread; N > 1 = N worker threads (this one reads and writes); 0 or 'auto' = one per CPU */
  workers?: number | 'auto';
  rulesDir?: string;
  /** draw a progress bar on `stderr` */
  progress?: boolean;
  stdout?: Writable;
  stderr?: NodeJS.WriteStream | Writable;
  /** what the reader accepts at most (defaults in limits.ts) */
  limits?: Partial<BatchLimits>;
  /** stops the run (the output file is not put in place) */
  signal?: AbortSignal;
}

export interface BatchSummary {
  rows: number;
  failed: number;
  workers: number;
  ms: number;
}

/** Rows per task: large enough that handing a task to a worker costs little, small enough to keep the workers busy. */
const CHUNK = 128;
/** Tasks queued or running per worker thread: bounds the results waiting for an earlier one while keeping workers fed. */
const TASKS_PER_WORKER = 4;
/**
 * Each worker's heap caps: old generation 96 MB (the bundled rule base needs about 25 MB of it; BATCH_WORKER_HEAP_MB
 * raises it for a much larger rules directory) and young generation 32 MB. Measured with two workers on 20,000 rows:
 * no caps 9.5–10.2 s CPU and 375–425 MB peak RSS; these caps 10.2–10.5 s and about 320 MB; a 16 MB young generation
 * 11.2–11.4 s and about 280 MB.
 */
const WORKER_HEAP_MB = Number(process.env.BATCH_WORKER_HEAP_MB) > 0 ? Number(process.env.BATCH_WORKER_HEAP_MB) : 96;

export function resolveWorkers(w: number | 'auto' | string | undefined): number {
  if (w === undefined) return 1;
  if (w === 'auto' || w === 0 || w === '0') return availableParallelism();
  const n = typeof w === 'number' ? w : Number(w);
  if (!Number.isInteger(n) || n < 0)
    throw new ValidationError(`--workers: expected a whole number or 'auto', got '${w}'`, [{ path: '--workers', message: 'a whole number ≥ 0, or auto' }]);
  return n;
}

function progressBar(stderr: NodeJS.WriteStream): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    {
      stream: stderr,
      noTTYOutput: !stderr.isTTY,
      notTTYSchedule: 2000,
      format: 'batch {bar} {percentage}% | {rows} rows | {rate} rows/s | {failed} errors',
      hideCursor: false,
    },
    cliProgress.Presets.shades_classic,
  );
}

const workerError = (e: Error): Error =>
  (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? new Error(`a batch worker ran out of memory (heap cap ${WORKER_HEAP_MB} MB): set BATCH_WORKER_HEAP_MB higher for a rules directory this large`)
    : e;

/**
 * Evaluates every enterprise of a CSV, xlsx, JSONL or JSON file and writes one summary row (or JSONL answer) per
 * enterprise, in input order, streaming both ends. Bad rows get their `error`; the rest are evaluated. Input that
 * cannot be read stops the run with a BatchInputError, and the output file is then not put in place.
 */
export async function runBatch(opts: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const workers = resolveWorkers(opts.workers);
  const format = opts.format ?? (opts.output ? outputFormatOf(opts.output) : 'csv');
  const reader = await openReader(opts.input, limitsWith(opts.limits));
  const options: EvaluatorOptions = {
    asOf: opts.asOf,
    output: format,
    ...(reader.header ? { header: reader.header } : {}),
    ...(opts.lang ? { lang: opts.lang } : {}),
  };
  const stderr = (opts.stderr ?? process.stderr) as NodeJS.WriteStream;
  const bar = opts.progress ? progressBar(stderr) : undefined;
  let rows = 0;
  let failed = 0;
  const tick = () => bar?.update(Math.min(reader.bytesRead(), reader.size), { rows, failed, rate: Math.round(rows / ((performance.now() - started) / 1000)) });
  let writer: BatchWriter | undefined;
  let pool: Piscina<RawItem[], ChunkResult> | undefined;
  try {
    // Rules are loaded and linted once, here; workers get the linted files and only prepare them.
    const rules = loadLintedRules(opts.rulesDir ?? BUNDLED_RULES_DIR);
    const out = await openWriter(opts.output, format, opts.stdout ?? process.stdout, opts.lang);
    writer = out;
    pool =
      workers > 1
        ? new Piscina({
            filename: workerEntry(),
            minThreads: workers,
            maxThreads: workers,
            idleTimeout: Number.POSITIVE_INFINITY,
            workerData: { rules: { versions: rules.versions, derivedFacts: rules.derivedFacts }, options } satisfies WorkerInit,
            resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
          })
        : undefined;
    const here = pool ? undefined : chunkEvaluator(prepareRuleBase(rules.versions, rules.derivedFacts), options);
    bar?.start(reader.size, 0, { rows: 0, failed: 0, rate: 0 });
    const write = async (result: ChunkResult) => {
      await out.write(result);
      const before = rows;
      rows += result.rows;
      failed += result.failed;
      if (Math.floor(rows / 500) !== Math.floor(before / 500)) tick();
    };
    // Tasks in input order; the oldest is written as soon as it is done, and no more than TASKS_PER_WORKER per worker wait.
    const queue: Promise<ChunkResult>[] = [];
    const submit = async (items: RawItem[]) => {
      opts.signal?.throwIfAborted();
      if (here) return write(here(items));
      const task = (pool as Piscina<RawItem[], ChunkResult>).run(items);
      task.catch(() => undefined); // awaited in order below; a failure is not unhandled meanwhile
      queue.push(task);
      if (queue.length >= workers * TASKS_PER_WORKER) await write(await queue.shift()!);
    };
    let chunk: RawItem[] = [];
    for await (const item of reader.rows) {
      chunk.push(item);
      if (chunk.length < CHUNK) continue;
      await submit(chunk);
      chunk = [];
    }
    if (chunk.length > 0) await submit(chunk);
    while (queue.length > 0) await write(await queue.shift()!);
    opts.signal?.throwIfAborted();
    await out.commit();
  } catch (e) {
    await writer?.abort();
    throw workerError(e as Error);
  } finally {
    reader.close();
    await pool?.destroy();
    tick();
    bar?.stop();
  }
  return { rows, failed, workers, ms: performance.now() - started };
}
