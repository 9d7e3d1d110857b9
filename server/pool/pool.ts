import { Piscina } from 'piscina';
import { type Bilingual, CleanprodError } from '../../engine/index.ts';
import { SERVER_TEXT as T } from '../problems/messages.ts';
import { distEntry } from '../dist-entry.ts';
import type { Task, TaskResult } from './tasks.ts';

/** Why a heavy request was not answered: the pool is full (admission) or its time ran out. Both are 503 problems. */
export class PoolUnavailableError extends Error {
  readonly statusCode = 503;
  constructor(
    readonly code: 'POOL_BUSY' | 'HEAVY_TIMEOUT' | 'WORKER_FAILED',
    /** The message in both languages. */
    readonly text: Bilingual,
    /** Seconds after which a retry may succeed (Retry-After). */
    readonly retryAfter: number,
  ) {
    super(text.en);
    this.name = 'PoolUnavailableError';
  }
}

const TIMEOUT = 'timeout';
const RELEASED = 'released';

export interface PoolOptions {
  threads: number;
  /** Most heavy requests admitted at once (running or waiting); the next gets POOL_BUSY. */
  queue: number;
  /** Longest a request's tasks may take, from admission (queueing included). */
  timeoutMs: number;
  /** Each worker's old-generation heap cap in MB. */
  workerHeapMb?: number;
}

/** One admitted heavy request: its tasks share its deadline; release() gives its place back (idempotent). */
export interface Admission {
  readonly signal: AbortSignal;
  run(task: Task): Promise<Extract<TaskResult, { ok: true }>>;
  release(): void;
}

export interface PoolStats {
  threads: number;
  /** Heavy requests admitted (running or waiting for a worker). */
  admitted: number;
  /** Tasks waiting in the pool's queue for a free worker. */
  queued: number;
  /** Share of the threads' time spent running tasks since start (0–1). */
  utilization: number;
}

/**
 * The worker pool (piscina) for the heavy routes, with admission control in front of it: at most `queue` requests are
 * admitted at once, each with a deadline that covers its queueing and running (an overdue task's worker is stopped).
 * Since every request keeps at most a few tasks in flight, the pool's own queue stays bounded too. Created on first
 * use, so an app that never serves a heavy request starts no threads.
 */
export class HeavyPool {
  private piscina: Piscina | undefined;
  private admitted = 0;
  readonly rejected = { busy: 0, timeout: 0 };
  constructor(readonly options: PoolOptions) {}

  private pool(): Piscina {
    this.piscina ??= new Piscina({
      filename: distEntry('server', 'pool', 'worker-entry.cjs').href,
      minThreads: 1,
      maxThreads: Math.max(1, this.options.threads),
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb ?? 256, maxYoungGenerationSizeMb: 16 },
    });
    return this.piscina;
  }

  /** Admits a heavy request, or throws POOL_BUSY (503 with Retry-After) when `queue` are already admitted. */
  admit(): Admission {
    if (this.admitted >= this.options.queue) {
      this.rejected.busy += 1;
      const retryAfter = Math.max(1, Math.ceil(this.admitted / Math.max(1, this.options.threads)));
      throw new PoolUnavailableError('POOL_BUSY', T.poolBusy(this.admitted, retryAfter), retryAfter);
    }
    this.admitted += 1;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      this.rejected.timeout += 1;
      controller.abort(TIMEOUT);
    }, this.options.timeoutMs);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      this.admitted -= 1;
      if (!controller.signal.aborted) controller.abort(RELEASED); // tasks still queued for it are not run
    };
    return {
      signal: controller.signal,
      release,
      run: (task) => this.runTask(task, controller.signal),
    };
  }

  private async runTask(task: Task, signal: AbortSignal): Promise<Extract<TaskResult, { ok: true }>> {
    if (signal.aborted) throw this.stopped(signal);
    let result: TaskResult;
    try {
      result = (await this.pool().run(task, { signal })) as TaskResult;
    } catch (e) {
      if (signal.aborted) throw this.stopped(signal);
      throw new PoolUnavailableError('WORKER_FAILED', T.workerFailed((e as Error)?.name ?? 'error'), 1);
    }
    if (!result.ok) throw new CleanprodError(result.error.code, result.error.text ?? result.error.message, result.error.details);
    return result;
  }

  private stopped(signal: AbortSignal): PoolUnavailableError {
    if (signal.reason === RELEASED) return new PoolUnavailableError('HEAVY_TIMEOUT', T.requestEnded, 1);
    return new PoolUnavailableError('HEAVY_TIMEOUT', T.heavyTimeout(this.options.timeoutMs), Math.ceil(this.options.timeoutMs / 1000));
  }

  stats(): PoolStats {
    return {
      threads: this.piscina?.threads.length ?? 0,
      admitted: this.admitted,
      queued: this.piscina?.queueSize ?? 0,
      utilization: this.piscina?.utilization ?? 0,
    };
  }

  async close(): Promise<void> {
    const p = this.piscina;
    this.piscina = undefined;
    if (p) await p.destroy();
  }
}
