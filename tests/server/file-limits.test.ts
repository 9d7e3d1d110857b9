import { readdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { settled, upload } from './file-helpers.ts';

/**
 * POST /v1/evaluate/file and its jobs (server/routes/file.ts, server/jobs/): a sheet in, the same kind of sheet out,
 * evaluated on the worker pool; every way a file or a form is refused, the limits, and a result's expiry.
 */
import { appWith, bigCsv, CSV, filesIn, XLSX } from './file-apps.ts';

let main: FastifyInstance;
beforeAll(() => {
  main = appWith().app;
});

describe('POST /v1/evaluate/file: limits', () => {
  it('a file over FILE_LIMIT is 413 and leaves nothing on disk', async () => {
    const { app, dir } = appWith({ maxFileBytes: 2000 });
    const r = await upload(app, { language: 'en', file: { name: 'enterprises.csv', bytes: CSV } });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ type: '/problems/body-too-large', errors: [{ path: 'file', message: 'at most 2,000 bytes' }] });
    expect(filesIn(dir)).toEqual([]);
  });

  it('a file over JOB_ROWS: a CSV is refused at once (413), an XLSX when its rows pass the limit (its job fails with 413)', async () => {
    const { app } = appWith({ maxRows: 10 });
    const csv = await upload(app, { language: 'en', file: { name: 'enterprises.csv', bytes: CSV } });
    expect(csv.statusCode).toBe(413);
    expect(csv.json()).toMatchObject({ type: '/problems/batch-too-large', detail: expect.stringContaining('the file has 60 rows; at most 10') });
    const xlsx = await upload(app, { language: 'en', file: { name: 'enterprises.xlsx', bytes: XLSX } });
    expect(xlsx.statusCode).toBe(202);
    expect(xlsx.json().progress.rowsTotal).toBeNull();
    const failed = await settled(app, xlsx.headers.location as string);
    expect(failed.error).toMatchObject({ status: 413, type: '/problems/batch-too-large' });
    expect((await app.inject({ method: 'GET', url: failed.links.result })).statusCode).toBe(413);
  });

  it('at most JOBS_MAX files at once: the next is 503 with Retry-After; a job past JOB_TIMEOUT fails', async () => {
    const { app } = appWith({ maxRunning: 1 });
    const first = await upload(app, { language: 'en', file: { name: 'big.csv', bytes: bigCsv(3000) } });
    expect(first.statusCode).toBe(202);
    const second = await upload(app, { language: 'en', file: { name: 'enterprises.csv', bytes: CSV } });
    expect(second.statusCode).toBe(503);
    expect(second.headers['retry-after']).toBe('5');
    expect(second.json()).toMatchObject({ type: '/problems/pool-busy', detail: expect.stringContaining('JOBS_MAX') });
    // while it runs, its result is not there yet: 202 with the job
    const early = await app.inject({ method: 'GET', url: `${first.headers.location}/result` });
    expect(early.statusCode).toBe(202);
    expect(early.json().state).toBe('running');
    expect((await settled(app, first.headers.location as string)).state).toBe('done');
    expect((await upload(app, { file: { name: 'enterprises.csv', bytes: CSV } })).statusCode).toBe(202);

    const slow = appWith({ timeoutMs: 1 }).app;
    const late = await upload(slow, { language: 'en', file: { name: 'enterprises.csv', bytes: CSV } });
    const failed = await settled(slow, late.headers.location as string);
    expect(failed.error).toMatchObject({ status: 503, type: '/problems/heavy-timeout', detail: expect.stringContaining('JOB_TIMEOUT') });
  });

  it('results are kept JOB_TTL, then deleted with their files (404); at most JOBS_KEPT are held (503 until one expires)', async () => {
    let now = Date.parse('2024-01-01T00:00:00Z');
    const { app, dir } = appWith({ ttlMs: 60_000, maxKept: 1, now: () => now });
    const r = await upload(app, { language: 'en', file: { name: 'enterprises.csv', bytes: CSV } });
    const done = await settled(app, r.headers.location as string);
    expect(filesIn(dir).map((f) => f.name)).toEqual(['result.csv']); // the upload itself is gone once evaluated
    expect((await app.inject({ method: 'GET', url: r.headers.location as string })).json().expiresAt).toBe('2024-01-01T00:01:00.000Z');
    const full = await upload(app, { file: { name: 'enterprises.csv', bytes: CSV } });
    expect(full.statusCode).toBe(503);
    expect(full.headers['retry-after']).toBe('60');
    now += 60_000;
    const gone = await app.inject({ method: 'GET', url: done.links.result, headers: { 'accept-language': 'en' } });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ type: '/problems/not-found', detail: expect.stringContaining('JOB_TTL') });
    expect(filesIn(dir)).toEqual([]);
    expect((await upload(app, { file: { name: 'enterprises.csv', bytes: CSV } })).statusCode).toBe(202);
  });

  it('closing the server stops its jobs and deletes every file', async () => {
    const { app, dir } = appWith();
    const r = await upload(app, { file: { name: 'big.csv', bytes: bigCsv(2000) } });
    expect(r.statusCode).toBe(202);
    expect(filesIn(dir).length).toBeGreaterThan(0);
    await app.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('GET /v1/jobs/{jobId}', () => {
  it('an unknown job is 404, an id that is not one is 400', async () => {
    const unknown = await main.inject({ method: 'GET', url: '/v1/jobs/6c9f3a52-2f55-4d1e-9a54-3f1e6f4b8a10', headers: { 'accept-language': 'en' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ type: '/problems/not-found', errors: [{ path: 'jobId' }] });
    expect((await main.inject({ method: 'GET', url: '/v1/jobs/6c9f3a52-2f55-4d1e-9a54-3f1e6f4b8a10/result' })).statusCode).toBe(404);
    expect((await main.inject({ method: 'GET', url: '/v1/jobs/not-a-job' })).statusCode).toBe(400);
  });

  it('the rows are evaluated on the worker pool (counted as its evaluations), not on the event loop', async () => {
    const { app } = appWith();
    const r = await upload(app, { file: { name: 'enterprises.csv', bytes: CSV } });
    await settled(app, r.headers.location as string);
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('cleanprod_evaluations_total{route="/v1/evaluate/file"} 57');
    expect(metrics).toMatch(/cleanprod_pool_threads [1-9]/);
  });
});
