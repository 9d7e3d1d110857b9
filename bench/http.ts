import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { synthesize } from '../analysis/index.ts';
import { DATES, QUICK, ROOT, SEED } from './common.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function http() {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/cleanprod.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      BENCH_ROUTES: '1',
      RATE_LIMIT_MAX: '100000000',
      // 1000 synthetic profiles take about 1.5 MB
      BODY_LIMIT: String(8 * 1024 * 1024),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 200) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const request = { asOf: '2014-06-01', profile: [...synthesize(1, SEED)][0] };
    const bodies = {
      full: JSON.stringify(request),
      standard: JSON.stringify({ ...request, view: 'standard' }),
      summary: JSON.stringify({ ...request, view: 'summary' }),
    };
    const duration = QUICK ? 3 : 10;
    const load = (path: string, seconds = duration, body = bodies.full) =>
      autocannon({ url: `${url}${path}`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: seconds });
    // Warm every route up first (JIT, caches), so that none is measured cold.
    for (const path of ['/v1/evaluate', '/bench/constant', '/bench/bare']) await load(path, QUICK ? 1 : 3);
    const bare = await load('/bench/bare');
    const ceiling = await load('/bench/constant');
    const evaluateRun = await load('/v1/evaluate');
    const standardRun = await load('/v1/evaluate', duration, bodies.standard);
    const summaryRun = await load('/v1/evaluate', duration, bodies.summary);
    const bytes = async (body: string) =>
      (await (await fetch(`${url}/v1/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).arrayBuffer()).byteLength;
    const size = { full: await bytes(bodies.full), standard: await bytes(bodies.standard), summary: await bytes(bodies.summary) };
    // Small requests while one client loops 1000-item batches (each read to its end).
    const profiles = [...synthesize(1000, SEED + 1)];
    const batchBody = JSON.stringify(profiles.map((profile, i) => ({ asOf: DATES[i % DATES.length], profile })));
    let stop = false;
    const heavy = { batches: 0, bytes: 0 };
    const batchClient = (async () => {
      while (!stop) {
        const r = await fetch(`${url}/v1/evaluate/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batchBody });
        const bytes = (await r.arrayBuffer()).byteLength;
        if (!r.ok) throw new Error(`batch answered ${r.status}`);
        heavy.batches += 1;
        heavy.bytes += bytes;
      }
    })();
    await new Promise((r) => setTimeout(r, 500)); // the batch client is under way
    const besideBatch = await load('/v1/evaluate');
    stop = true;
    await batchClient;
    const runs = { bare, ceiling, evaluateRun, standardRun, summaryRun, besideBatch };
    const failed = Object.entries(runs).filter(([, r]) => r.non2xx !== 0 || r.errors !== 0);
    if (failed.length > 0) throw new Error(`HTTP errors: ${failed.map(([k, r]) => `${k} non2xx=${r.non2xx} errors=${r.errors}`).join(', ')}`);
    const figures = (r: autocannon.Result) => ({ reqPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 });
    return {
      evaluate: figures(evaluateRun),
      standard: figures(standardRun),
      summary: figures(summaryRun),
      bare: figures(bare),
      size,
      ceiling: figures(ceiling),
      besideBatch: figures(besideBatch),
      batches: { count: heavy.batches, itemsPerSec: (heavy.batches * 1000) / (duration + 0.5), mb: heavy.bytes / 1e6 },
    };
  } finally {
    child.kill('SIGTERM');
  }
}
