import { tmpdir } from 'node:os';
import { durationMs } from '../config.ts';

/** What the file route and its jobs accept at most, and how long a result is kept. */
export interface JobsConfig {
  /** Files evaluated at once (a new upload beyond gets 503 with Retry-After): JOBS_MAX. */
  maxRunning: number;
  /** Jobs held at once, running or finished and not yet expired (each a result file on disk): JOBS_KEPT. */
  maxKept: number;
  /** Rows (enterprises) per file: JOB_ROWS. */
  maxRows: number;
  /** Bytes per uploaded file: FILE_LIMIT. */
  maxFileBytes: number;
  /** How long a finished job and its result are kept, then deleted: JOB_TTL. */
  ttlMs: number;
  /** Longest a file's evaluation may take; then the job fails: JOB_TIMEOUT. */
  timeoutMs: number;
  /** Where the jobs' directories are made (a fresh directory inside it per server): JOBS_DIR, else the OS's temporary directory. */
  dir: string;
  /** Rows per task handed to the worker pool. */
  chunkRows: number;
  /** The clock (tests move it to expire results). */
  now: () => number;
}

const MiB = 1024 * 1024;

export const JOBS_DEFAULTS: Omit<JobsConfig, 'dir' | 'now'> = {
  maxRunning: 4,
  maxKept: 32,
  maxRows: 200_000,
  maxFileBytes: 64 * MiB,
  ttlMs: 60 * 60_000,
  timeoutMs: 15 * 60_000,
  chunkRows: 128,
};

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return n;
}

/** The jobs' settings: those given (tests), else the environment's, else the defaults (README, Configuration). */
export function jobsConfig(given: Partial<JobsConfig> = {}, env: NodeJS.ProcessEnv = process.env): JobsConfig {
  return {
    maxRunning: given.maxRunning ?? positive('JOBS_MAX', env.JOBS_MAX, JOBS_DEFAULTS.maxRunning),
    maxKept: given.maxKept ?? positive('JOBS_KEPT', env.JOBS_KEPT, JOBS_DEFAULTS.maxKept),
    maxRows: given.maxRows ?? positive('JOB_ROWS', env.JOB_ROWS, JOBS_DEFAULTS.maxRows),
    maxFileBytes: given.maxFileBytes ?? positive('FILE_LIMIT', env.FILE_LIMIT, JOBS_DEFAULTS.maxFileBytes),
    ttlMs: given.ttlMs ?? durationMs('JOB_TTL', env.JOB_TTL, JOBS_DEFAULTS.ttlMs),
    timeoutMs: given.timeoutMs ?? durationMs('JOB_TIMEOUT', env.JOB_TIMEOUT, JOBS_DEFAULTS.timeoutMs),
    dir: given.dir ?? (env.JOBS_DIR || tmpdir()),
    chunkRows: given.chunkRows ?? JOBS_DEFAULTS.chunkRows,
    now: given.now ?? Date.now,
  };
}
