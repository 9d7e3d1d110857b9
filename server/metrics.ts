import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HeavyPool } from './pool/index.ts';
import type { RuleBaseHolder } from './rulebase-holder.ts';

/** The app's metrics (one registry per app), served as Prometheus text at GET /metrics (routes/ops.ts). */
export interface Metrics {
  registry: Registry;
  /** Profiles evaluated, by route (a batch counts its items, an impact two per profile). */
  evaluations: Counter<'route'>;
  rateLimited: Counter;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

export interface MetricsOptions {
  rules: RuleBaseHolder;
  pool: HeavyPool;
}

/** The route a request matched (its pattern, never the raw URL, so labels stay few), or 'unmatched'. */
const routeOf = (r: { routeOptions: { url?: string } }) => r.routeOptions.url ?? 'unmatched';

async function metrics(app: FastifyInstance, { rules, pool }: MetricsOptions): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to the end of its answer, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const evaluations = new Counter({
    name: 'cleanprod_evaluations_total',
    help: 'Profiles evaluated, by route',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({ name: 'cleanprod_rate_limited_total', help: 'Requests refused by the rate limit (429)', registers: [registry] });
  const reloads = new Counter({
    name: 'cleanprod_rules_reloads_total',
    help: 'Rules reloads (SIGHUP), by result',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  rules.onReload((r) => reloads.inc({ result: r.ok ? 'ok' : 'failed' }));
  new Gauge({
    name: 'cleanprod_ruleset_version_info',
    help: 'Rule-set versions in service (value 1), with their content hashes',
    labelNames: ['ruleset', 'version', 'sha256'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const r of rules.describe().rulesets) for (const v of r.versions) this.set({ ruleset: r.id, version: v.version, sha256: v.sha256 }, 1);
    },
  });
  new Gauge({
    name: 'cleanprod_rules_loaded_timestamp_seconds',
    help: 'When the rules in service were loaded',
    registers: [registry],
    collect() {
      this.set(Date.parse(rules.describe().loadedAt) / 1000);
    },
  });
  const poolGauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  poolGauge('cleanprod_pool_threads', 'Worker threads running', () => pool.stats().threads);
  poolGauge('cleanprod_pool_admitted', 'Heavy requests admitted to the worker pool (running or waiting)', () => pool.stats().admitted);
  poolGauge('cleanprod_pool_queue_tasks', 'Tasks waiting in the worker pool queue for a free thread', () => pool.stats().queued);
  poolGauge('cleanprod_pool_utilization', 'Share of the worker threads’ time spent running tasks (0–1)', () => pool.stats().utilization);
  new Counter({
    name: 'cleanprod_pool_rejected_total',
    help: 'Heavy requests refused with 503: pool full (busy) or over their time limit (timeout)',
    labelNames: ['reason'] as const,
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ reason: 'busy' }, pool.rejected.busy);
      this.inc({ reason: 'timeout' }, pool.rejected.timeout);
    },
  });

  app.decorate('metrics', { registry, evaluations, rateLimited });
  app.addHook('onResponse', async (request, reply) => {
    const route = routeOf(request);
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}

export const registerMetrics = fp(metrics, { name: 'cleanprod-metrics' });
