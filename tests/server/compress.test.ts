import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { brotliDecompressSync, createGzip, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { COMPRESS_THRESHOLD } from '../../server/compress.ts';
import { BATCH_SLICE, batchStream } from '../../server/routes/batch.ts';
import { bundled } from '../support/rulebase.ts';

/** Compression (issue 13): br or gzip for every answer of 1 KB or more, the streamed batch included. */
const app = buildApp({ base: bundled(), today: () => '2014-06-01', rateLimitMax: 0 });
afterAll(() => app.close());

const request = { asOf: '2014-06-01', profile: { location: { city: 'foshan' }, industry: { keys: ['ceramics'] }, energy: { exceedsConsumptionQuota: true } } };
const evaluate = (encoding?: string, lang?: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/evaluate',
    payload: request,
    headers: { ...(encoding ? { 'accept-encoding': encoding } : {}), ...(lang ? { 'accept-language': lang } : {}) },
  });

describe('compressed answers', () => {
  it('an answer is sent as br or gzip, whichever the client accepts, and decompresses to the same JSON (zh and en)', async () => {
    for (const lang of ['zh', 'en']) {
      const plain = await evaluate(undefined, lang);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const gz = await evaluate('gzip', lang);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers.vary).toMatch(/accept-encoding/i);
      expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
      expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
      const br = await evaluate('gzip, deflate, br', lang);
      expect(br.headers['content-encoding']).toBe('br');
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString()).language).toBe(lang);
    }
    // deflate alone is not offered: the answer goes uncompressed
    expect((await evaluate('deflate')).headers['content-encoding']).toBeUndefined();
  });

  it('below 1 KB an answer is not compressed; problem+json above it is', async () => {
    const small = await app.inject({ method: 'GET', url: '/readyz', headers: { 'accept-encoding': 'gzip' } });
    expect(small.rawPayload.length).toBeLessThan(COMPRESS_THRESHOLD);
    expect(small.headers['content-encoding']).toBeUndefined();
    const manyErrors = { profile: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`unknownField${i}`, 1])) };
    const p = await app.inject({ method: 'POST', url: '/v1/evaluate', payload: manyErrors, headers: { 'accept-encoding': 'gzip' } });
    expect(p.statusCode).toBe(400);
    expect(p.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(p.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(p.rawPayload).toString()).errors.length).toBe(10);
  });

  it('a streamed batch answer is compressed as it streams and arrives whole', async () => {
    const items = Array.from({ length: 120 }, (_, i) => (i === 7 ? { profile: { sectr: 1 } } : request));
    const r = await app.inject({ method: 'POST', url: '/v1/evaluate/batch', payload: items, headers: { 'accept-encoding': 'gzip' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    const answers = JSON.parse(gunzipSync(r.rawPayload).toString()) as { index: number; ok: boolean }[];
    expect(answers.map((a) => a.index)).toEqual([...Array(120).keys()]);
    expect(answers.filter((a) => !a.ok).map((a) => a.index)).toEqual([7]);
  });

  it('compression keeps the batch stream’s back-pressure: a reader that stops holds back the work', async () => {
    let asked = 0;
    const slices = 50;
    const stream = batchStream(
      slices * BATCH_SLICE,
      async (offset, size) => {
        asked++;
        // incompressible padding, so the compressor cannot swallow everything into its buffer
        return Array.from({ length: size }, (_, i) => JSON.stringify({ index: offset + i, pad: randomBytes(6000).toString('base64') })).join(',');
      },
      2,
    );
    let release: (() => void) | undefined;
    const chunks: Buffer[] = [];
    const stalled = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, callback) {
        chunks.push(chunk);
        if (release === undefined) release = callback;
        else callback();
      },
    });
    stream.pipe(createGzip()).pipe(stalled);
    await new Promise((r) => setTimeout(r, 300));
    expect(asked).toBeLessThanOrEqual(6); // not 50: the compressor passes the reader's pause on to the work
    const finished = new Promise((r) => stalled.on('finish', r));
    release!();
    await finished;
    expect(asked).toBe(slices);
    const all = JSON.parse(gunzipSync(Buffer.concat(chunks)).toString()) as { index: number }[];
    expect(all.length).toBe(slices * BATCH_SLICE);
  });

  it('a compressed request body is refused with 415, not decompressed', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/v1/evaluate',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'accept-language': 'en' },
      payload: '{"profile":{}}',
    });
    expect(r.statusCode).toBe(415);
    expect(r.json()).toMatchObject({ type: '/problems/unsupported-content-encoding', errors: [{ path: '(body)' }] });
    const identity = await app.inject({
      method: 'POST',
      url: '/v1/evaluate',
      headers: { 'content-type': 'application/json', 'content-encoding': 'identity' },
      payload: '{"profile":{}}',
    });
    expect(identity.statusCode).toBe(200);
  });
});
