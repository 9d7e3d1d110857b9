import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/index.ts';
import { PROBLEM_MAX_BYTES } from '../../server/problem.ts';
import { bundled } from '../support/rulebase.ts';
import { form, settled } from './file-helpers.ts';

/**
 * Random and mutated requests to every route the OpenAPI document lists (GET and POST — the operator's /readyz and
 * /metrics, the pooled batch, impact, diff, timeline and verify included), now and then with another method or bytes
 * that are not UTF-8: never a 5xx, never a hang, every error is problem+json of at most PROBLEM_MAX_BYTES, no prototype
 * is polluted, and a known request is answered identically afterwards.
 */
const RUNS = Number(process.env.FUZZ_RUNS || 300);
const PER_REQUEST_MS = 10_000;

let app: FastifyInstance;
let routes: { method: 'GET' | 'POST'; path: string }[] = [];
const KNOWN = {
  asOf: '2014-06-01',
  profile: {
    id: 'known',
    sector: 'industry',
    location: { city: 'foshan', district: 'nanhai' },
    industry: { keys: ['ceramics'] },
    energy: { exceedsConsumptionQuota: true },
  },
};
let knownBefore = '';

/** A valid body for each POST route (checked to be answered 200 first, so mutations start from real requests). */
const VALID: Record<string, unknown> = {
  '/v1/evaluate': KNOWN,
  '/v1/evaluate/batch': [KNOWN, { profile: { location: { city: 'meizhou' } } }],
  '/v1/rulesets/{id}/impact': { from: '1.0.0', to: '2.0.0', asOf: '2014-06-01', synthetic: { n: 20, seed: 7 } },
  '/v1/whatif': { request: KNOWN, changes: [{ path: 'energy.exceedsConsumptionQuota', value: false }] },
  '/v1/timeline': { profile: KNOWN.profile, from: '2010-01-01', to: '2016-12-31' },
  '/v1/rulesets/{id}/impact/detail': { from: '1.0.0', to: '2.0.0', asOf: '2014-06-01', synthetic: { n: 20, seed: 7 } },
};
/** POST routes whose body is not JSON: the valid body as sent, with its media type. */
const RAW: Record<string, { type: string; body: string }> = {
  '/v1/rulesets/{id}/impact/file': {
    type: 'text/csv',
    body: 'id,sector,location.city,energy.exceedsConsumptionQuota\na,industry,foshan,yes\nb,industry,佛山,no\n',
  },
};
const GOOD_PARAMS: Record<string, string> = { id: 'cppl', version: '2.0.0', rule: 'cppl-2012-art27-2-2-high-energy', ext: 'csv' };
const GOOD_QUERY: Record<string, Record<string, string>> = {
  '/v1/rulesets/{id}/diff': { from: '1.0.0', to: '2.0.0' },
  '/v1/rulesets/{id}/diff/words': { from: '1.0.0', to: '2.0.0' },
  '/v1/rulesets/{id}/impact/file': { from: '1.0.0', to: '2.0.0' },
};
/** POST routes whose valid body is a multipart form (the file route: answered 202 with its job). */
const MULTIPART: Record<string, { payload: Buffer; type: string }> = {};

const knownRequest = () => app.inject({ method: 'POST', url: '/v1/evaluate', payload: KNOWN });

beforeAll(async () => {
  app = buildApp({ base: bundled(), today: () => '2014-06-01', rateLimitMax: 0, batchLimit: 5, populationLimit: 30, bodyLimit: 200_000 });
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => m === 'get' || m === 'post')
      .map((m) => ({ method: m.toUpperCase() as 'GET' | 'POST', path })),
  );
  knownBefore = (await knownRequest()).body;
  // A stored answer to re-check: the known request's own.
  VALID['/v1/verify'] = { request: KNOWN, answer: JSON.parse(knownBefore) };
  // A file job that exists, for the jobs' routes.
  MULTIPART['/v1/evaluate/file'] = await form({ asOf: '2014-06-01', file: { name: 'one.csv', bytes: 'id,location.city\nE1,foshan\n' } });
  const { payload, type } = MULTIPART['/v1/evaluate/file'];
  const job = await app.inject({ method: 'POST', url: '/v1/evaluate/file', payload, headers: { 'content-type': type } });
  GOOD_PARAMS.jobId = (await settled(app, job.headers.location as string)).id;
});
afterAll(() => app?.close());

// ---- mutations of JSON values -------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every path (list of keys) to a node inside v, the root included. */
function pathsOf(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v))
    v.forEach((x, i) => {
      pathsOf(x, [...prefix, i], out);
    });
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
  return out;
}
function setAt(root: Json, path: (string | number)[], f: (old: Json) => Json | undefined, rename?: string): Json {
  if (path.length === 0) return f(root) ?? null;
  let parent = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const next = f(parent[last]!);
  if (Array.isArray(parent)) {
    if (next === undefined) parent.splice(last as number, 1);
    else parent[last as number] = next;
  } else if (rename !== undefined) {
    delete parent[last];
    if (next !== undefined) parent[rename] = next;
  } else if (next === undefined) delete parent[last];
  else parent[last] = next;
  return root;
}

const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype'];
const HUGE_NUMBERS = ['1e999', '-1e999', '9'.repeat(400), '1e-400', '-0', '123456789012345678901234567890', `0.${'1'.repeat(300)}`];

/** A mutated body: the JSON text to send (may not be valid JSON at all). */
function bodyArb(valid: unknown): fc.Arbitrary<string> {
  const text = JSON.stringify(valid ?? {});
  const nodes = pathsOf(valid ?? {});
  const at = fc.constantFrom(...nodes);
  const mutated = (f: (v: Json, p: (string | number)[]) => Json) => at.map((p) => JSON.stringify(f(clone(valid ?? {}) as Json, p)));
  return fc.oneof(
    fc.constant(text),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    mutated((v, p) => setAt(v, p, () => undefined)), // a field deleted
    fc.tuple(at, fc.jsonValue({ maxDepth: 3 })).map(([p, x]) => JSON.stringify(setAt(clone(valid ?? {}) as Json, p, () => x as Json))), // retyped
    fc
      .tuple(at, fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Profile', 'asof', 'profile ', 'x-y', '', '0')))
      .map(([p, name]) => JSON.stringify(p.length > 0 && typeof p[p.length - 1] === 'string' ? setAt(clone(valid ?? {}) as Json, p, (o) => o, name) : valid)), // renamed
    fc
      .tuple(at, fc.constantFrom(...HUGE_NUMBERS))
      .map(([p, n]) => JSON.stringify(setAt(clone(valid ?? {}) as Json, p, () => '@@NUM@@')).replace('"@@NUM@@"', n)), // huge numbers
    fc.tuple(at, fc.integer({ min: 1, max: 3000 }), fc.boolean()).map(([p, depth, arrays]) => {
      const deep = arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      return JSON.stringify(setAt(clone(valid ?? {}) as Json, p, () => '@@DEEP@@')).replace('"@@DEEP@@"', deep);
    }), // deep nesting
    fc
      .tuple(at, fc.integer({ min: 1990, max: 20_000 }), fc.constantFrom('x', '陶', '\u0000', '"', '\\'))
      .map(([p, n, ch]) => JSON.stringify(setAt(clone(valid ?? {}) as Json, p, () => ch.repeat(n)))), // long strings
    fc.tuple(at, fc.constantFrom(...SPECIAL_KEYS), fc.jsonValue({ maxDepth: 2 })).map(([p, key, x]) => {
      const withMarker = setAt(clone(valid ?? {}) as Json, p, (o) =>
        o && typeof o === 'object' && !Array.isArray(o) ? { ...o, '@@KEY@@': x as Json } : { '@@KEY@@': { polluted: true } },
      );
      return JSON.stringify(withMarker).replace('"@@KEY@@"', JSON.stringify(key));
    }), // __proto__ / constructor / prototype keys
    fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((n) => text.slice(0, n)), // truncated JSON
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonx',
  'application/json; charset=latin1',
  'constructor',
  '__proto__/json',
  'application/problem+json',
  '',
];
const segment = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('cppl', '2.0.0', 'gd-cp-plan-2010', '..', '%', '__proto__', 'constructor', '9'.repeat(300), 'x'.repeat(5000)),
);

function requestArb() {
  return fc.constantFrom(...routes).chain((route) => {
    const paramNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const params = fc.tuple(
      ...paramNames.map((n) => fc.oneof({ weight: 3, arbitrary: fc.constant(GOOD_PARAMS[n] ?? 'x') }, { weight: 1, arbitrary: segment })),
    );
    const query = fc.oneof(
      { weight: 2, arbitrary: fc.constant(GOOD_QUERY[route.path] ?? {}) },
      {
        weight: 1,
        arbitrary: fc.dictionary(
          fc.oneof(fc.constantFrom('from', 'to', '__proto__', 'constructor'), fc.string({ maxLength: 8 })),
          fc.oneof(segment, fc.constantFrom('1.0.0', '2.0.0')),
        ),
      },
    );
    const ct = fc.oneof(
      { weight: 4, arbitrary: fc.constant(RAW[route.path]?.type ?? 'application/json') },
      { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
    );
    const raw = RAW[route.path];
    const text = raw
      ? fc.oneof(fc.constant(raw.body), fc.string({ maxLength: 200 }), bodyArb({ x: 1 })).map((b) => b as string | undefined)
      : route.method === 'POST'
        ? bodyArb(VALID[route.path]).map((b) => b as string | undefined)
        : fc.option(bodyArb({ x: 1 }), { freq: 5, nil: undefined });
    // now and then bytes that are not UTF-8 spliced into the body
    const body = fc.oneof(
      { weight: 9, arbitrary: text.map((b) => b as string | Buffer | undefined) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            text,
            fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Buffer.from([0xff, ...b])),
            fc.nat(),
          )
          .map(([t, bad, at]) => {
            const whole = Buffer.from(t ?? '{}');
            const i = at % (whole.length + 1);
            return Buffer.concat([whole.subarray(0, i), bad, whole.subarray(i)]);
          }),
      },
    );
    const method = fc.oneof({ weight: 9, arbitrary: fc.constant(route.method as string) }, { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH') });
    return fc.record({ route: fc.constant(route), method, params, query, ct, body });
  });
}

function urlOf(r: { route: { path: string }; params: string[]; query: Record<string, string> }): string {
  let i = 0;
  const path = r.route.path.replace(/\{\w+\}/g, () => encodeURIComponent(r.params[i++] ?? ''));
  const qs = new URLSearchParams(Object.entries(r.query)).toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, url: string, contentType: string, body: string | Buffer | undefined): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PER_REQUEST_MS} ms: ${method} ${url.slice(0, 200)}`)), PER_REQUEST_MS)),
  );
  try {
    const headers: Record<string, string> = body === undefined || contentType === '' ? {} : { 'content-type': contentType };
    return await Promise.race([app.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body }) }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function expectProblem(r: LightMyRequestResponse, what: string) {
  expect(r.headers['content-type'], what).toMatch(/^application\/problem\+json/);
  expect(Buffer.byteLength(r.body), what).toBeLessThanOrEqual(PROBLEM_MAX_BYTES);
  const p = JSON.parse(r.body) as { type: unknown; title: unknown; status: unknown; detail: unknown; errors: unknown };
  expect(p.status, what).toBe(r.statusCode);
  expect(typeof p.type, what).toBe('string');
  expect(typeof p.title, what).toBe('string');
  expect(typeof p.detail, what).toBe('string');
  expect(Array.isArray(p.errors), what).toBe(true);
  for (const e of p.errors as { path: unknown; message: unknown }[]) {
    expect(typeof e.path, what).toBe('string');
    expect(typeof e.message, what).toBe('string');
  }
}

describe('fuzz: every route, random and mutated requests', () => {
  it('the harness: every route of the OpenAPI document is enumerated, and every valid body is answered 200', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
    for (const path of [...Object.keys(VALID), ...Object.keys(RAW)]) expect(routes).toContainEqual({ method: 'POST', path });
    for (const path of ['/healthz', '/readyz', '/metrics']) expect(routes).toContainEqual({ method: 'GET', path });
    for (const route of routes) {
      const raw = RAW[route.path];
      const multipart = MULTIPART[route.path];
      const r = await send(
        route.method,
        urlOf({ route, params: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => GOOD_PARAMS[m[1]!] ?? 'x'), query: GOOD_QUERY[route.path] ?? {} }),
        multipart?.type ?? raw?.type ?? 'application/json',
        multipart?.payload ?? raw?.body ?? (route.method === 'POST' ? JSON.stringify(VALID[route.path]) : undefined),
      );
      expect(r.statusCode, `${route.method} ${route.path}`).toBe(multipart ? 202 : 200);
    }
  });

  it(`no 5xx, no hang, every error problem+json (${RUNS} runs)`, async () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArb(), async (req) => {
        const url = urlOf(req);
        const what = `${req.method} ${url.slice(0, 120)} [${req.ct}] ${(req.body ?? '').toString().slice(0, 200)}`;
        const r = await send(req.method, url, req.ct, req.body);
        seen.set(r.statusCode, (seen.get(r.statusCode) ?? 0) + 1);
        expect(r.statusCode, what).toBeGreaterThanOrEqual(200);
        expect(r.statusCode, what).toBeLessThan(500);
        if (r.statusCode >= 400) expectProblem(r, what);
        expect(({} as Record<string, unknown>).polluted, what).toBeUndefined();
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: true },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    // the fuzzer reached both sides: answers and refusals (400 and at least one of 413/415)
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
    expect(seen.get(400) ?? 0).toBeGreaterThan(0);
    expect((seen.get(413) ?? 0) + (seen.get(415) ?? 0)).toBeGreaterThan(0);
    // the server still answers a known request exactly as before
    const after = await knownRequest();
    expect(after.statusCode).toBe(200);
    expect(after.body).toBe(knownBefore);
  }, 200_000);
});
