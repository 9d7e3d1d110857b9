import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/index.ts';
import { BATCH_SLICE, batchStream } from '../../server/routes/batch.ts';
import { bundled } from '../support/rulebase.ts';

/**
 * Finding 3: heavy requests blocked the event loop and were charged like light ones. They now run on the worker pool
 * (admission, time limits), cost what they weigh, and a batch answer streams with back-pressure.
 */
const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});
const make = (options: Partial<AppOptions> = {}) => {
  const app = buildApp({ base: bundled(), today: () => '2014-06-01', rateLimitMax: 0, ...options });
  apps.push(app);
  return app;
};

const item = { asOf: '2014-06-01', profile: { location: { city: 'foshan' }, industry: { keys: ['ceramics'] }, energy: { exceedsConsumptionQuota: true } } };
const batchOf = (n: number) => Array.from({ length: n }, () => item);
const evaluate = (app: FastifyInstance, remoteAddress = '127.0.0.1') => app.inject({ method: 'POST', url: '/v1/evaluate', payload: item, remoteAddress });

describe('heavy work off the event loop', () => {
  it('small requests are answered while a 1000-item batch is being computed', async () => {
    const app = make();
    await evaluate(app); // warm
    let batchDone = false;
    const batch = app.inject({ method: 'POST', url: '/v1/evaluate/batch', payload: batchOf(1000) }).then((r) => {
      batchDone = true;
      return r;
    });
    const during: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      expect((await evaluate(app)).statusCode).toBe(200);
      during.push(batchDone);
    }
    // before, the batch ran on the event loop: it finished before any of these was answered
    expect(during.filter((done) => !done).length).toBeGreaterThan(10);
    const r = await batch;
    expect(r.statusCode).toBe(200);
    const items = r.json() as { index: number; ok: boolean }[];
    expect(items.map((x) => x.index)).toEqual([...Array(1000).keys()]);
    expect(items.every((x) => x.ok)).toBe(true);
  }, 120_000);

  it('impact at its population limit runs on the pool: small requests are answered while it is computed', async () => {
    const app = make({ populationLimit: 4000 });
    await evaluate(app); // warm
    let impactDone = false;
    const impact = app
      .inject({ method: 'POST', url: '/v1/rulesets/cppl/impact', payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 4000, seed: 3 } } })
      .then((r) => {
        impactDone = true;
        return r;
      });
    const during: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      expect((await evaluate(app)).statusCode).toBe(200);
      during.push(impactDone);
    }
    // on the event loop, 8000 evaluations would have finished before any of these was answered
    expect(during.filter((done) => !done).length).toBeGreaterThan(10);
    const r = await impact;
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ population: 4000, ruleset: 'cppl' });
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/cleanprod_evaluations_total\{route="\/v1\/rulesets\/:id\/impact"\} 8000/);
  }, 120_000);

  it('the batch streams its answer with back-pressure: a reader that stops holds back the work', async () => {
    let asked = 0;
    const slices = 50;
    const stream = batchStream(
      slices * BATCH_SLICE,
      async (offset, size) => {
        asked++;
        return Array.from({ length: size }, (_, i) => JSON.stringify({ index: offset + i, pad: 'x'.repeat(50_000) })).join(',');
      },
      2,
    );
    let release: (() => void) | undefined;
    const chunks: Buffer[] = [];
    const stalled = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, callback) {
        chunks.push(chunk);
        if (release === undefined)
          release = callback; // the reader stops after the first chunk
        else callback();
      },
    });
    stream.pipe(stalled);
    await new Promise((r) => setTimeout(r, 300));
    expect(asked).toBeLessThanOrEqual(5); // not 50: the work waits for the reader
    const finished = new Promise((r) => stalled.on('finish', r));
    release!();
    await finished;
    expect(asked).toBe(slices);
    const all = JSON.parse(Buffer.concat(chunks).toString()) as { index: number }[];
    expect(all.map((x) => x.index)).toEqual([...Array(slices * BATCH_SLICE).keys()]);
  });

  it('the rate limit is weighted by cost: a 1000-item batch costs 1000', async () => {
    const app = make({ rateLimitMax: 1500, rateLimitWindowMs: 60_000 });
    const a = '10.0.0.1';
    expect((await app.inject({ method: 'POST', url: '/v1/evaluate/batch', payload: batchOf(1000), remoteAddress: a })).statusCode).toBe(200);
    const second = await app.inject({
      method: 'POST',
      url: '/v1/evaluate/batch',
      payload: batchOf(1000),
      remoteAddress: a,
      headers: { 'accept-language': 'en' },
    });
    expect(second.statusCode).toBe(429);
    expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(second.json().detail).toMatch(/a batch one per item/);
    // light requests from the same client still fit in what is left; another client is not affected at all
    expect((await evaluate(app, a)).statusCode).toBe(200);
    expect((await evaluate(app, '10.0.0.2')).statusCode).toBe(200);
    const impact = await app.inject({
      method: 'POST',
      url: '/v1/rulesets/cppl/impact',
      payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 2000, seed: 1 } },
      remoteAddress: '10.0.0.3',
    });
    expect(impact.statusCode).toBe(429); // 2000 profiles cost 2000
  }, 60_000);

  it('a full pool answers 503 problem+json with Retry-After; the request that got in is answered', async () => {
    const app = make({ poolQueue: 1, poolThreads: 1 });
    const slow = app.inject({ method: 'POST', url: '/v1/rulesets/cppl/impact', payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 3000, seed: 1 } } });
    await new Promise((r) => setTimeout(r, 50));
    const busy = await app.inject({ method: 'GET', url: '/v1/rulesets/cppl/diff?from=1.0.0&to=2.0.0' });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(busy.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(busy.json()).toMatchObject({ status: 503, type: expect.stringMatching(/pool-busy$/) });
    expect((await slow).statusCode).toBe(200);
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/cleanprod_pool_rejected_total\{reason="busy"\} 1/);
  }, 60_000);

  it('a heavy request past HEAVY_TIMEOUT_MS is stopped with 503; a batch answers the items it could not with 503 each', async () => {
    const app = make({ heavyTimeoutMs: 150, poolThreads: 1 });
    const impact = await app.inject({
      method: 'POST',
      url: '/v1/rulesets/cppl/impact',
      payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 20_000, seed: 1 } },
      headers: { 'accept-language': 'en' },
    });
    expect(impact.statusCode).toBe(503);
    expect(impact.json()).toMatchObject({ type: expect.stringMatching(/heavy-timeout$/), detail: expect.stringMatching(/HEAVY_TIMEOUT_MS/) });
    const batch = await app.inject({ method: 'POST', url: '/v1/evaluate/batch', payload: batchOf(1000) });
    expect(batch.statusCode).toBe(200);
    const items = batch.json() as { index: number; ok: boolean; error?: { status: number } }[];
    expect(items.map((x) => x.index)).toEqual([...Array(1000).keys()]);
    expect(items.some((x) => !x.ok)).toBe(true);
    for (const x of items) if (!x.ok) expect(x.error!.status).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/cleanprod_pool_rejected_total\{reason="timeout"\} 2/);
    expect((await evaluate(app)).statusCode).toBe(200);
  }, 60_000);
});
