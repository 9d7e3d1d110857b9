import { availableParallelism } from 'node:os';

/**
 * Every server setting, in one place: the environment sets them (configFromEnv, with the defaults the README states)
 * and buildApp takes any of them (AppOptions, app.ts), the rest defaulting to DEFAULTS.
 */
export interface ServerConfig {
  host: string;
  port: number;
  /** Largest request body in bytes (413 beyond). */
  bodyLimit: number;
  /** Most items in one batch request (413 beyond). */
  batchLimit: number;
  /** Most profiles one impact request may carry or synthesise. */
  populationLimit: number;
  /** Longest string (value or key) anywhere in a JSON body, in characters (400 beyond). */
  maxString: number;
  /** Deepest nesting of arrays/objects in a JSON body (400 beyond). */
  maxDepth: number;
  /** Cost units per client per window (one evaluation costs 1, a batch its items; see rate-limit.ts); 0 turns rate limiting off. */
  rateLimitMax: number;
  /** The rate-limit window in milliseconds. */
  rateLimitWindowMs: number;
  /** Origins allowed to call the API from a browser (CORS); empty = same-origin only. */
  corsOrigins: string[];
  /** Longest time to receive a whole request (headers and body), and longest socket inactivity, in milliseconds. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open, in milliseconds. */
  keepAliveTimeoutMs: number;
  /** Worker threads for the heavy routes (batch, impact, diff, timeline, verify). */
  poolThreads: number;
  /** Most heavy requests admitted at once, running or waiting for a worker (503 + Retry-After beyond). */
  poolQueue: number;
  /** Longest a heavy request's work may take, queueing included (503 beyond), in milliseconds. */
  heavyTimeoutMs: number;
  /** On SIGTERM, how long in-flight answers may take to finish before the process exits, in milliseconds. */
  drainTimeoutMs: number;
  /** Serve rule-set versions not yet released (not in versions.lock.json); off by default. */
  serveUnreleased: boolean;
  /** fastify's trustProxy: false, true, a hop count, or a list of proxy addresses/CIDRs (client address from X-Forwarded-For). */
  trustProxy: boolean | number | string[];
  logLevel: string;
  /** Register POST /bench/constant, the benchmark's ceiling route (BENCH_ROUTES=1; never on by default). */
  benchRoutes: boolean;
}

export const DEFAULTS: ServerConfig = {
  host: '127.0.0.1',
  port: 3000,
  bodyLimit: 1_048_576,
  batchLimit: 1000,
  populationLimit: 20_000,
  maxString: 2000,
  maxDepth: 32,
  rateLimitMax: 60_000,
  rateLimitWindowMs: 60_000,
  corsOrigins: [],
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5000,
  poolThreads: Math.max(1, availableParallelism() - 1),
  poolQueue: 32,
  heavyTimeoutMs: 30_000,
  drainTimeoutMs: 30_000,
  serveUnreleased: false,
  trustProxy: false,
  logLevel: 'info',
  benchRoutes: false,
};

function positiveInt(name: string, raw: string | undefined, fallback: number, allowZero = false): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || (n === 0 && !allowZero))
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got '${raw}'`);
  return n;
}

function flag(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`${name} must be 1/true or 0/false, got '${raw}'`);
}

/** TRUST_PROXY: unset/false, true (any proxy), a hop count, or comma-separated proxy addresses or CIDRs. */
export function trustProxyOf(name: string, raw: string | undefined): ServerConfig['trustProxy'] {
  if (raw === undefined || raw.trim() === '' || /^(0|false|no|off)$/i.test(raw.trim())) return false;
  if (/^(true|yes|on)$/i.test(raw.trim())) return true;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of list)
    if (!/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(a) && !['loopback', 'linklocal', 'uniquelocal'].includes(a))
      throw new Error(`${name}: '${a}' is not an address, a CIDR, or loopback/linklocal/uniquelocal`);
  return list;
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

/** A duration: milliseconds (`60000`) or a number with a unit (`1 minute`, `30s`, `2 hours`). */
export function durationMs(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const m = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(raw);
  const unit = m ? UNIT_MS[(m[2] || 'ms').toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0)
    throw new Error(`${name} must be a positive duration in milliseconds or with a unit (e.g. 60000, '1 minute', '30s'), got '${raw}'`);
  return Number(m[1]) * unit;
}

/** A comma-separated list of origins (`https://a.example,https://b.example`); `*` allows any origin. */
export function originList(name: string, raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const origins = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of origins) {
    if (o === '*') continue;
    let url: URL | undefined;
    try {
      url = new URL(o);
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== o.replace(/\/$/, '')) throw new Error(`${name}: '${o}' is not an origin (scheme://host[:port], no path)`);
  }
  return origins.map((o) => o.replace(/\/$/, ''));
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST || DEFAULTS.host,
    port: positiveInt('PORT', env.PORT, DEFAULTS.port),
    bodyLimit: positiveInt('BODY_LIMIT', env.BODY_LIMIT, DEFAULTS.bodyLimit),
    batchLimit: positiveInt('BATCH_LIMIT', env.BATCH_LIMIT, DEFAULTS.batchLimit),
    populationLimit: positiveInt('POPULATION_LIMIT', env.POPULATION_LIMIT, DEFAULTS.populationLimit),
    maxString: positiveInt('MAX_STRING', env.MAX_STRING, DEFAULTS.maxString),
    maxDepth: positiveInt('MAX_DEPTH', env.MAX_DEPTH, DEFAULTS.maxDepth),
    rateLimitMax: positiveInt('RATE_LIMIT_MAX', env.RATE_LIMIT_MAX, DEFAULTS.rateLimitMax, true),
    rateLimitWindowMs: durationMs('RATE_LIMIT_WINDOW', env.RATE_LIMIT_WINDOW, DEFAULTS.rateLimitWindowMs),
    corsOrigins: originList('CORS_ORIGINS', env.CORS_ORIGINS),
    requestTimeoutMs: positiveInt('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, DEFAULTS.requestTimeoutMs),
    keepAliveTimeoutMs: positiveInt('KEEP_ALIVE_TIMEOUT_MS', env.KEEP_ALIVE_TIMEOUT_MS, DEFAULTS.keepAliveTimeoutMs),
    poolThreads: positiveInt('POOL_THREADS', env.POOL_THREADS, DEFAULTS.poolThreads),
    poolQueue: positiveInt('POOL_QUEUE', env.POOL_QUEUE, DEFAULTS.poolQueue),
    heavyTimeoutMs: positiveInt('HEAVY_TIMEOUT_MS', env.HEAVY_TIMEOUT_MS, DEFAULTS.heavyTimeoutMs),
    drainTimeoutMs: positiveInt('DRAIN_TIMEOUT_MS', env.DRAIN_TIMEOUT_MS, DEFAULTS.drainTimeoutMs),
    serveUnreleased: flag('SERVE_UNRELEASED', env.SERVE_UNRELEASED, DEFAULTS.serveUnreleased),
    trustProxy: trustProxyOf('TRUST_PROXY', env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL || DEFAULTS.logLevel,
    benchRoutes: env.BENCH_ROUTES === '1',
  };
}
