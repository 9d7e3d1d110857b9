import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RowFailure } from '../../cli/batch/evaluate.ts';
import { emptyStats, type BatchStats } from '../../cli/batch/stats.ts';
import type { Bilingual, Lang } from '../../engine/index.ts';
import type { Problem } from '../problem.ts';
import type { JobsConfig } from './config.ts';
import { JOB_TEXT } from './messages.ts';

export type JobFormat = 'csv' | 'xlsx';
export type JobState = 'running' | 'done' | 'failed';

/** One uploaded file being evaluated, or its result waiting to be downloaded until it expires. */
export interface Job {
  readonly id: string;
  state: JobState;
  readonly format: JobFormat;
  readonly lang: Lang;
  readonly asOf: string;
  /** the uploaded file's own name (shown, and the result's name is made from it) */
  readonly fileName: string;
  readonly createdAt: number;
  finishedAt?: number;
  expiresAt?: number;
  /** this job's directory (input and result files) */
  readonly dir: string;
  readonly input: string;
  readonly result: string;
  progress: { rowsDone: number; rowsTotal: number | null; failed: number; bytesRead: number; bytesTotal: number };
  stats: BatchStats;
  /** the first failed rows (FAILURES_KEPT), for the summary */
  failures: RowFailure[];
  /** why the job failed, in its language */
  problem?: Problem;
  /** stops the job (server closing, time limit) */
  readonly abort: AbortController;
}

/** Failed rows a job's summary lists (the result file has every one). */
export const FAILURES_KEPT = 100;

/** No room for another job now: retry after `retryAfter` seconds (503 with Retry-After). */
export class JobsBusyError extends Error {
  readonly code = 'JOBS_BUSY';
  constructor(
    readonly text: Bilingual,
    readonly retryAfter: number,
  ) {
    super(text.en);
    this.name = 'JobsBusyError';
  }
}

/**
 * The jobs of one server: at most `maxRunning` evaluating and `maxKept` held at once, each in its own directory under a
 * fresh temporary directory of the server's, deleted with its result `ttlMs` after it finished (checked on every
 * look-up and every minute), and all of them when the server closes. Job ids are random UUIDs: a result is reached
 * only by the id its upload was answered with.
 */
export class JobStore {
  private readonly jobs = new Map<string, Job>();
  private reserved = 0;
  private root: Promise<string> | undefined;
  private readonly sweeper: NodeJS.Timeout;

  constructor(readonly config: JobsConfig) {
    this.sweeper = setInterval(() => void this.sweep(), Math.min(60_000, Math.max(1000, config.ttlMs / 2)));
    this.sweeper.unref();
  }

  private rootDir(): Promise<string> {
    this.root ??= mkdtemp(join(this.config.dir, 'cleanprod-jobs-'));
    return this.root;
  }

  private running(): number {
    let n = this.reserved;
    for (const job of this.jobs.values()) if (job.state === 'running') n += 1;
    return n;
  }

  /**
   * Holds a place for an upload about to be received (JobsBusyError when there is none); `release` gives it back, and
   * `create` turns it into the job.
   */
  async reserve(): Promise<{ id: string; dir: string; release: () => void }> {
    await this.sweep();
    const running = this.running();
    if (running >= this.config.maxRunning) throw new JobsBusyError(JOB_TEXT.busy(running, 5), 5);
    if (this.jobs.size + this.reserved >= this.config.maxKept) {
      const soonest = Math.min(...[...this.jobs.values()].map((j) => j.expiresAt ?? Number.POSITIVE_INFINITY));
      const wait = Number.isFinite(soonest) ? Math.max(1, Math.ceil((soonest - this.config.now()) / 1000)) : 60;
      throw new JobsBusyError(JOB_TEXT.full(this.jobs.size, wait), wait);
    }
    this.reserved += 1;
    let held = true;
    const id = randomUUID();
    const dir = join(await this.rootDir(), id);
    await mkdir(dir, { mode: 0o700 });
    return {
      id,
      dir,
      release: () => {
        if (held) this.reserved -= 1;
        held = false;
      },
    };
  }

  /** The job of a reservation (whose place it takes). */
  create(place: { id: string; dir: string; release: () => void }, job: Pick<Job, 'format' | 'lang' | 'asOf' | 'fileName' | 'input'>, bytesTotal: number): Job {
    place.release();
    const created: Job = {
      ...job,
      id: place.id,
      dir: place.dir,
      state: 'running',
      createdAt: this.config.now(),
      result: join(place.dir, `result.${job.format}`),
      progress: { rowsDone: 0, rowsTotal: null, failed: 0, bytesRead: 0, bytesTotal },
      stats: emptyStats(),
      failures: [],
      abort: new AbortController(),
    };
    this.jobs.set(created.id, created);
    return created;
  }

  /** Marks a job finished; its result is kept for ttlMs from now. */
  finish(job: Job, state: 'done' | 'failed', problem?: Problem): void {
    job.state = state;
    job.finishedAt = this.config.now();
    job.expiresAt = job.finishedAt + this.config.ttlMs;
    if (problem) job.problem = problem;
  }

  /** A job by id, unless it has expired (then it is deleted now). */
  async get(id: string): Promise<Job | undefined> {
    await this.sweep();
    return this.jobs.get(id);
  }

  /** Deletes every job whose time ran out, with its directory. */
  async sweep(): Promise<void> {
    const now = this.config.now();
    const expired = [...this.jobs.values()].filter((j) => j.expiresAt !== undefined && j.expiresAt <= now);
    for (const job of expired) this.jobs.delete(job.id);
    await Promise.all(expired.map((job) => rm(job.dir, { recursive: true, force: true })));
  }

  /** Removes a directory of a reservation that did not become a job. */
  async discard(place: { dir: string; release: () => void }): Promise<void> {
    place.release();
    await rm(place.dir, { recursive: true, force: true });
  }

  /** Stops every running job and deletes every job's files (the server is closing). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    for (const job of this.jobs.values()) job.abort.abort(new Error('closing'));
    this.jobs.clear();
    if (this.root) await rm(await this.root, { recursive: true, force: true });
  }

  /** How many jobs are evaluating and how many are held (metrics, tests). */
  counts(): { running: number; kept: number } {
    return { running: this.running(), kept: this.jobs.size };
  }
}
