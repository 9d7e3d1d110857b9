import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import { prepareRuleBase, ValidationError } from '../../engine/index.ts';
import { BUNDLED_RULES_DIR, loadLintedRules } from '../../loader/index.ts';
import { openReader } from './read.ts';
import { openWriter, outputFormatOf, type OutputFormat } from './write.ts';
import { workerEntry } from './entry.ts';
import {
  createBlockEvaluator,
  createRowEvaluator,
  type BlockResult,
  type EvaluatorOptions,
  type FromWorker,
  type RawItem,
  type RowResult,
  type ToWorker,
  type WorkerInit,
} from './worker.ts';

export interface BatchOptions {
  input: string;
  /** output file; its extension gives the format. Absent: CSV (or `format`) on `stdout`. */
  output?: string;
  format?: OutputFormat;
  /** evaluation date for rows without an asOf cell */
  asOf: string;
  /** threads evaluating: 1 = this thread alone; N = this thread and N − 1 workers; 0 or 'auto' = one per CPU */
  workers?: number | 'auto';
  rulesDir?: string;
  /** draw a progress bar on `stderr` */
  progress?: boolean;
  stdout?: Writable;
  stderr?: NodeJS.WriteStream | Writable;
  /** Jobs a worker may have queued before this thread evaluates the next one itself (default 4; tests set 1). */
  workerQueue?: number;
}

export interface BatchSummary {
  rows: number;
  failed: number;
  workers: number;
  ms: number;
  /** Jobs (chunks of rows or blocks of lines) evaluated on this thread and on worker threads. */
  jobs: { main: number; workers: number };
}

/** Rows per message to a worker: large enough that messaging costs little, small enough to keep all workers busy. */
const CHUNK = 128;
/** Chunks in flight per worker: bounds memory (rows waiting for an earlier chunk) while keeping workers fed. */
const IN_FLIGHT_PER_WORKER = 4;
/**
 * Each worker's heap caps: old generation 96 MB (the bundled rule base needs about 25 MB of it), young generation
 * 8 MB. Left alone, V8 lets every worker's heap grow long before collecting it; the caps keep a run of any length
 * within a fixed memory budget at no measurable cost in speed (per-row garbage dies young). BATCH_WORKER_HEAP_MB
 * raises the old-generation cap for a much larger rules directory.
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

type Job = { type: 'chunk'; items: RawItem[] } | { type: 'block'; firstRow: number; bytes: Uint8Array };
type Done = Extract<FromWorker, { seq: number }>;

/** How many jobs the calling thread may finish ahead of the oldest one still in a worker. */
const LOCAL_AHEAD = 16;

/**
 * Evaluates chunks (rows) or blocks (JSONL text) on worker threads and on the calling thread, and hands results back in
 * input order. A job goes to a worker with room in its queue, else it is evaluated right here: the calling thread
 * works instead of waiting, so N threads use N cores (a reading thread that only waited would leave one core to the
 * rest, and an extra busy thread would only contend with them).
 */
class Pool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly done = new Map<number, Done>();
  private nextSeq = 0;
  private nextOut = 0;
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  private closing = false;
  /** Jobs evaluated here and by workers. */
  readonly jobs = { main: 0, workers: 0 };

  constructor(
    count: number,
    entry: URL,
    init: WorkerInit,
    private readonly emit: (done: Done) => Promise<void>,
    private readonly local: (job: Job, seq: number) => Done,
    private readonly queue: number,
  ) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 8 } });
      const slot = { worker, busy: 0 };
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'results' || msg.type === 'block') {
          slot.busy -= 1;
          this.done.set(msg.seq, msg);
        } else if (msg.type === 'fatal') this.fail(new Error(`batch worker: ${msg.message}`));
        this.signal();
      });
      worker.on('error', (e) =>
        this.fail(
          (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new Error(`batch worker ran out of memory (heap cap ${WORKER_HEAP_MB} MB): set BATCH_WORKER_HEAP_MB higher for a rules directory this large`)
            : e,
        ),
      );
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`batch worker exited with code ${code}`));
      });
      this.workers.push(slot);
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.signal();
  }

  private signal(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private inFlight(): number {
    return this.nextSeq - this.nextOut;
  }

  /** Writes out every finished chunk that is next in order. */
  private async flush(): Promise<void> {
    for (let r = this.done.get(this.nextOut); r; r = this.done.get(this.nextOut)) {
      this.done.delete(this.nextOut);
      this.nextOut += 1;
      await this.emit(r);
    }
  }

  async submit(job: Job): Promise<void> {
    while (this.inFlight() >= this.workers.length * this.queue + LOCAL_AHEAD) {
      if (this.failure) throw this.failure;
      await this.flush();
      if (this.inFlight() >= this.workers.length * this.queue + LOCAL_AHEAD) await this.wait();
    }
    if (this.failure) throw this.failure;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const seq = this.nextSeq++;
    if (slot.busy < this.queue) {
      slot.busy += 1;
      this.jobs.workers += 1;
      slot.worker.postMessage({ ...job, seq } satisfies ToWorker);
    } else {
      this.jobs.main += 1;
      this.done.set(seq, this.local(job, seq));
    }
    await this.flush();
  }

  async drain(): Promise<void> {
    while (this.inFlight() > 0) {
      if (this.failure) throw this.failure;
      await this.flush();
      if (this.inFlight() > 0) await this.wait();
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

/**
 * Evaluates every enterprise of a CSV, xlsx or JSONL file and writes one summary row (or JSONL answer) per enterprise,
 * in input order, streaming both ends. Bad rows get their `error`; the rest are evaluated.
 */
export async function runBatch(opts: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const rulesDir = opts.rulesDir ?? BUNDLED_RULES_DIR;
  const workers = resolveWorkers(opts.workers);
  const format = opts.format ?? (opts.output ? outputFormatOf(opts.output) : 'csv');
  const reader = await openReader(opts.input);
  const evalOptions: EvaluatorOptions = {
    asOf: opts.asOf,
    jsonl: format === 'jsonl',
    csv: format === 'csv',
    ...(reader.header ? { header: reader.header } : {}),
  };
  // JSONL to CSV or JSONL goes as blocks of text (nothing per row in this thread); spreadsheets go row by row.
  const blocks = reader.blocks && format !== 'xlsx' ? reader.blocks : undefined;
  // Rules are loaded and linted once, here; workers get the linted files and only prepare them.
  const rules = loadLintedRules(rulesDir);
  const base = prepareRuleBase(rules.versions, rules.derivedFacts);
  const single = createRowEvaluator(base, evalOptions);
  const singleBlock = createBlockEvaluator(base, evalOptions);

  const writer = await openWriter(opts.output, format, opts.stdout ?? process.stdout);
  const total = statSync(opts.input).size;
  const stderr = (opts.stderr ?? process.stderr) as NodeJS.WriteStream;
  const bar = opts.progress
    ? new cliProgress.SingleBar(
        {
          stream: stderr,
          noTTYOutput: !stderr.isTTY,
          notTTYSchedule: 2000,
          format: 'batch {bar} {percentage}% | {rows} rows | {rate} rows/s | {failed} errors',
          hideCursor: false,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let rows = 0;
  let failed = 0;
  const tick = () => bar?.update(Math.min(reader.bytesRead(), total), { rows, failed, rate: Math.round(rows / ((performance.now() - started) / 1000)) });
  bar?.start(total, 0, { rows: 0, failed: 0, rate: 0 });

  const counted = (n: number, bad: number) => {
    const before = rows;
    rows += n;
    failed += bad;
    if (Math.floor(rows / 500) !== Math.floor(before / 500)) tick();
  };
  const emitRows = async (results: readonly RowResult[]) => {
    await writer.write(results);
    counted(results.length, results.filter((r) => r.failed).length);
  };
  const emitBlock = async (r: BlockResult) => {
    await writer.writeText(r.text);
    counted(r.rows, r.failed);
  };

  // The same two steps wherever a job runs: evaluate it (here or in a worker), then write its results in order.
  const evaluateHere = (job: Job, seq: number): Done =>
    job.type === 'block' ? { type: 'block', seq, result: singleBlock(job.bytes, job.firstRow) } : { type: 'results', seq, results: job.items.map(single) };
  const emit = (done: Done) => (done.type === 'block' ? emitBlock(done.result) : emitRows(done.results));

  const pool =
    workers > 1
      ? new Pool(
          workers - 1,
          workerEntry(),
          { cleanprodBatchWorker: true, rules: { versions: rules.versions, derivedFacts: rules.derivedFacts }, options: evalOptions },
          emit,
          evaluateHere,
          opts.workerQueue ?? IN_FLIGHT_PER_WORKER,
        )
      : undefined;
  let jobsHere = 0;
  const submit = async (job: Job) => {
    if (pool) await pool.submit(job);
    else await emit(evaluateHere(job, jobsHere++));
  };
  try {
    if (blocks) {
      for await (const block of blocks()) await submit({ type: 'block', ...block });
    } else {
      // Rows go in chunks, evaluated and written a chunk at a time.
      let chunk: RawItem[] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        await submit({ type: 'chunk', items: chunk });
        chunk = [];
      };
      for (let next = await reader.rows.next(); !next.done; next = await reader.rows.next()) {
        chunk.push(next.value);
        if (chunk.length >= CHUNK) await flush();
      }
      await flush();
    }
    await pool?.drain();
    await writer.close();
  } finally {
    reader.close();
    await pool?.close();
    tick();
    bar?.stop();
  }
  return { rows, failed, workers: pool ? workers : 1, ms: performance.now() - started, jobs: pool ? pool.jobs : { main: jobsHere, workers: 0 } };
}
