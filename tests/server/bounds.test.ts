import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_SCHEMAS, unboundedIn } from '../../schemas/index.ts';
import { buildApp } from '../../server/index.ts';
import { boundedProblem, PROBLEM_LIMITS, PROBLEM_MAX_BYTES } from '../../server/problem.ts';
import { bundled } from '../support/rulebase.ts';

/** Finding 2: a 1 MB request made a 534 MB problem. Every schema is bounded, and so is every problem document. */
const app = buildApp({ base: bundled(), today: () => '2014-06-01', rateLimitMax: 0 });
afterAll(() => app.close());

const post = (url: string, payload: unknown) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('bounded schemas and problems', () => {
  it('no schema admits an unbounded string, array or map: the shared schemas and every route of the OpenAPI document', async () => {
    for (const schema of SHARED_SCHEMAS) expect(unboundedIn(schema), (schema as { $id: string }).$id).toEqual([]);
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(unboundedIn(doc.paths)).toEqual([]);
    expect(unboundedIn(doc.components)).toEqual([]);
  });

  it.each([
    ['industry.keys of 260,000 "x"', { profile: { industry: { keys: Array(260_000).fill('x') } } }],
    ['200,000 integers in industry.codes', { profile: { industry: { codes: Array(200_000).fill(7) } } }],
    ['80,000 unknown fields', { profile: Object.fromEntries(Array.from({ length: 80_000 }, (_, i) => [`f${i}`, 1])) }],
  ])('%s: a 400 of a few KB that counts what it does not list', async (_what, body) => {
    const r = await post('/v1/evaluate', body);
    expect(r.statusCode).toBe(400);
    expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(PROBLEM_MAX_BYTES);
    const p = r.json();
    expect(p.errors.length).toBe(PROBLEM_LIMITS.errors);
    expect(p.moreErrors).toBeGreaterThan(1000);
    expect(p.detail).toMatch(/and \d+ more$/);
    // no error repeats the list of allowed values
    for (const e of p.errors) expect(e.message.length).toBeLessThan(200);
  });

  it('a batch of bad items: each item problem bounded too', async () => {
    const items = Array.from({ length: 20 }, () => ({ profile: { industry: { keys: Array(10_000).fill('x') } } }));
    const r = await post('/v1/evaluate/batch', items);
    expect(r.statusCode).toBe(200);
    const answers = r.json() as { ok: boolean; error: unknown }[];
    for (const a of answers) {
      expect(a.ok).toBe(false);
      expect(Buffer.byteLength(JSON.stringify(a.error))).toBeLessThanOrEqual(PROBLEM_MAX_BYTES);
    }
  });

  it('the worst problem document is under PROBLEM_MAX_BYTES: every field at its limit, in the most expensive characters', () => {
    const costly = '\u0000'.repeat(100_000); // six bytes each in JSON
    const chinese = '陶'.repeat(100_000); // three bytes each
    for (const s of [costly, chinese, 'x'.repeat(100_000)]) {
      const p = boundedProblem({
        type: s,
        title: s,
        status: 400,
        detail: s,
        instance: s,
        errors: Array.from({ length: 1000 }, () => ({ path: s, message: s })),
        moreErrors: 123_456_789,
      });
      const bytes = Buffer.byteLength(JSON.stringify(p));
      expect(bytes).toBeLessThanOrEqual(PROBLEM_MAX_BYTES);
      expect(p.errors.length).toBe(PROBLEM_LIMITS.errors);
      expect(p.moreErrors).toBe(123_456_789 + 990);
    }
  });
});
