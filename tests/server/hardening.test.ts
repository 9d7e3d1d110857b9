import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { configFromEnv } from '../../server/config.ts';
import { checkBody } from '../../server/json-body.ts';
import { CSP } from '../../server/security.ts';
import { bundled } from '../support/rulebase.ts';

const app = buildApp({ base: bundled(), today: () => '2014-06-01', maxString: 50, maxDepth: 8 });
afterAll(() => app.close());

const raw = (payload: string, contentType = 'application/json', url = '/v1/evaluate') =>
  app.inject({ method: 'POST', url, headers: { 'content-type': contentType, 'accept-language': 'en' }, payload });
const problem = (r: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) => {
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  return r.json() as { status: number; type: string; detail: string; errors: { path: string; message: string }[] };
};

describe('request body limits (one JSON parser)', () => {
  it('a string longer than MAX_STRING is a 400 naming its path', async () => {
    const r = await raw(JSON.stringify({ profile: { industry: { keys: ['ceramics', 'x'.repeat(51)] } } }));
    expect(r.statusCode).toBe(400);
    const p = problem(r);
    expect(p.type).toMatch(/string-too-long$/);
    expect(p.errors).toEqual([{ path: 'profile.industry.keys[1]', message: expect.stringContaining('at most 50 characters') }]);
  });

  it('a key longer than MAX_STRING is refused too', async () => {
    const r = await raw(JSON.stringify({ profile: { ['k'.repeat(60)]: 1 } }));
    expect(r.statusCode).toBe(400);
    expect(problem(r).errors[0]!.path).toMatch(/^profile\["k{40}…"\]$/);
  });

  it('a string of exactly MAX_STRING is accepted (and then judged by the schema)', async () => {
    const r = await raw(JSON.stringify({ profile: { name: 'n'.repeat(50) } }));
    expect(r.statusCode).toBe(200);
  });

  it('nesting deeper than MAX_DEPTH is a 400 naming where', async () => {
    const r = await raw(JSON.stringify({ profile: { a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } } }));
    expect(r.statusCode).toBe(400);
    const p = problem(r);
    expect(p.type).toMatch(/body-too-deep$/);
    expect(p.errors).toEqual([{ path: 'profile.a.b.c.d.e.f.g', message: 'nesting deeper than 8 levels' }]);
  });

  it('very deep arrays (far beyond any recursion limit) are a 400, not a crash', async () => {
    const r = await raw('['.repeat(200_000) + ']'.repeat(200_000));
    expect(r.statusCode).toBe(400);
    expect(problem(r).errors[0]!.path).toBe('[0]'.repeat(8));
  });

  it.each([
    ['__proto__ at the top', '{"profile":{},"__proto__":{"polluted":true}}', '__proto__'],
    ['__proto__ deep inside', '{"profile":{"location":{"__proto__":{"polluted":true}}}}', 'profile.location.__proto__'],
    ['constructor.prototype', '{"profile":{"constructor":{"prototype":{"polluted":true}}}}', 'profile.constructor'],
    ['a lone constructor key', '{"profile":{"size":{"constructor":1}}}', 'profile.size.constructor'],
    ['a prototype key in an array item', '[{"profile":{"prototype":1}}]', '[0].profile.prototype'],
  ])('%s is a 400 naming the path', async (_what, body, path) => {
    const r = await raw(body, 'application/json', body.startsWith('[') ? '/v1/evaluate/batch' : '/v1/evaluate');
    expect(r.statusCode).toBe(400);
    const p = problem(r);
    expect(p.type).toMatch(/forbidden-key$/);
    expect(p.errors[0]!.path).toBe(path);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('malformed, empty and non-JSON bodies are problems', async () => {
    expect(problem(await raw('{"profile":')).status).toBe(400);
    expect(problem(await raw('')).status).toBe(400);
    const text = await raw('{"profile":{}}', 'text/plain');
    expect(text.statusCode).toBe(415);
    expect(problem(text).detail).toMatch(/application\/json/);
    expect((await raw('{"profile":{}}', 'application/json; charset=utf-8')).statusCode).toBe(200);
  });

  it('invalid UTF-8 is a 400 saying where; a charset other than UTF-8 is a 415 (both were decoded silently; finding 7)', async () => {
    const bytes = Buffer.concat([Buffer.from('{"profile":{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]);
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/evaluate',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: bytes,
    });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad)).toMatchObject({ type: expect.stringMatching(/invalid-utf8$/), errors: [{ path: '(body)', message: 'not valid UTF-8 near byte 20' }] });
    const latin1 = await raw('{"profile":{"name":"caf\u00e9"}}', 'application/json; charset=latin1');
    expect(latin1.statusCode).toBe(415);
    expect(problem(latin1).detail).toMatch(/latin1.*must be UTF-8/);
    expect((await raw('{"profile":{}}', 'application/json; charset="UTF-8"')).statusCode).toBe(200);
    const utf8 = await app.inject({
      method: 'POST',
      url: '/v1/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: Buffer.from('{"profile":{"name":"佛山陶瓷"}}'),
    });
    expect(utf8.statusCode).toBe(200);
  });

  it('a known path with another method is 405 problem+json with Allow; an unknown path 404', async () => {
    const r = await app.inject({ method: 'PUT', url: '/v1/evaluate', headers: { 'accept-language': 'en' } });
    expect(r.statusCode).toBe(405);
    expect(r.headers.allow).toBe('POST');
    expect(problem(r).detail).toMatch(/answers POST, not PUT/);
    const get = await app.inject({ method: 'DELETE', url: '/v1/rulesets/cppl' });
    expect(get.headers.allow).toBe('GET, HEAD');
    expect((await app.inject({ method: 'PUT', url: '/nowhere' })).statusCode).toBe(404);
  });

  it('a malformed URL or an over-long path segment is a problem too (the router answers those itself)', async () => {
    const bad = await app.inject({ method: 'GET', url: '/v1/rulesets/%E0%A4%A' });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0]!.path).toBe('(url)');
    const long = await app.inject({ method: 'GET', url: `/v1/rulesets/cppl/versions/${'9'.repeat(300)}` });
    expect(long.statusCode).toBe(414);
    expect(problem(long).errors[0]!.path).toBe('(url)');
  });

  it('checkBody walks iteratively and reports the first problem with a path', () => {
    expect(checkBody({ a: [1, 'ok', { b: null }] }, { maxString: 5, maxDepth: 4 })).toBeUndefined();
    expect(checkBody({ a: [1, 'too long'] }, { maxString: 5, maxDepth: 4 })!.errors[0]!.path).toBe('a[1]');
    expect(checkBody('x'.repeat(9), { maxString: 5, maxDepth: 4 })!.errors[0]!.path).toBe('(body)');
    expect(checkBody({ 'not an identifier': { x: { y: {} } } }, { maxString: 50, maxDepth: 3 })!.errors[0]!.path).toBe('["not an identifier"].x.y');
  });
});

describe('security headers, CORS, rate limiting, timeouts', () => {
  it('helmet sends the same CSP the page sends; /docs gets its own and still loads', async () => {
    const api = await app.inject({ method: 'GET', url: '/healthz' });
    expect(api.headers['content-security-policy']).toBe(CSP);
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(api.headers['referrer-policy']).toBe('no-referrer');
    expect(api.headers['strict-transport-security']).toBeUndefined();
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CSP);
    const docs = await app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(docs.headers['content-security-policy']).toMatch(/script-src 'self';/);
    const bundle = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' })).statusCode).toBe(200);
  });

  it('CORS: none by default (same-origin only); the configured origins only', async () => {
    const none = await app.inject({ method: 'POST', url: '/v1/evaluate', headers: { origin: 'https://elsewhere.example' }, payload: { profile: {} } });
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
    const corsApp = buildApp({ base: bundled(), corsOrigins: ['https://portal.gd.example'] });
    try {
      const pre = await corsApp.inject({
        method: 'OPTIONS',
        url: '/v1/evaluate',
        headers: { origin: 'https://portal.gd.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('https://portal.gd.example');
      expect(pre.headers['access-control-allow-methods']).toMatch(/POST/);
      const other = await corsApp.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await corsApp.close();
    }
  });

  it('past RATE_LIMIT_MAX in the window: 429 problem+json with Retry-After; /healthz is not limited', async () => {
    const limited = buildApp({ base: bundled(), rateLimitMax: 3, rateLimitWindowMs: 60_000 });
    try {
      for (let i = 0; i < 3; i++) expect((await limited.inject({ method: 'GET', url: '/v1/rulesets' })).statusCode).toBe(200);
      const r = await limited.inject({ method: 'GET', url: '/v1/rulesets' });
      expect(r.statusCode).toBe(429);
      const p = problem(r);
      expect(p).toMatchObject({ status: 429, type: expect.stringMatching(/rate-limited$/), errors: [{ path: '(request)' }] });
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect((await limited.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('timeouts and keep-alive are set on the HTTP server', () => {
    const t = buildApp({ base: bundled(), requestTimeoutMs: 4321, keepAliveTimeoutMs: 1234 });
    expect(t.server.requestTimeout).toBe(4321);
    expect(t.server.headersTimeout).toBe(4321);
    expect(t.server.timeout).toBe(4321);
    expect(t.server.keepAliveTimeout).toBe(1234);
    void t.close();
  });

  it('the environment sets every limit, with the README defaults', () => {
    // The README's configuration table, read row by row: each variable's documented default is what the server takes
    // when the environment does not set it (the table, not the DEFAULTS object compared with itself).
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const documented = new Map([...readme.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]));
    const first = (name: string) => /^`([^`]*)`/.exec(documented.get(name) ?? '')?.[1];
    const KEYS: Record<string, keyof ReturnType<typeof configFromEnv>> = {
      HOST: 'host',
      PORT: 'port',
      LOG_LEVEL: 'logLevel',
      BODY_LIMIT: 'bodyLimit',
      BATCH_LIMIT: 'batchLimit',
      POPULATION_LIMIT: 'populationLimit',
      MAX_STRING: 'maxString',
      MAX_DEPTH: 'maxDepth',
      RATE_LIMIT_MAX: 'rateLimitMax',
      RATE_LIMIT_WINDOW: 'rateLimitWindowMs',
      REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
      KEEP_ALIVE_TIMEOUT_MS: 'keepAliveTimeoutMs',
      POOL_QUEUE: 'poolQueue',
      HEAVY_TIMEOUT_MS: 'heavyTimeoutMs',
      DRAIN_TIMEOUT_MS: 'drainTimeoutMs',
    };
    const defaults = configFromEnv({});
    for (const [name, key] of Object.entries(KEYS)) {
      const value = first(name);
      expect(value, `${name} is in the README's table`).toBeDefined();
      expect(String(defaults[key]), name).toBe(value);
    }
    expect(first('SERVE_UNRELEASED')).toBe('0');
    expect(defaults.serveUnreleased).toBe(false);
    expect(documented.get('CORS_ORIGINS')).toMatch(/^none/);
    expect(defaults.corsOrigins).toEqual([]);
    expect(documented.get('TRUST_PROXY')).toBe('off');
    expect(defaults.trustProxy).toBe(false);
    expect(documented.get('POOL_THREADS')).toMatch(/^cores − 1 \(at least 1\)/);
    expect(defaults.poolThreads).toBe(Math.max(1, availableParallelism() - 1));
    // Every setting is documented and checked here (benchRoutes is the bench's own, BENCH_ROUTES=1, and not a setting).
    const checked = new Set([...Object.values(KEYS), 'serveUnreleased', 'corsOrigins', 'trustProxy', 'poolThreads', 'benchRoutes']);
    expect(Object.keys(defaults).filter((k) => !checked.has(k))).toEqual([]);
    const c = configFromEnv({
      MAX_STRING: '100',
      MAX_DEPTH: '10',
      RATE_LIMIT_MAX: '0',
      RATE_LIMIT_WINDOW: '30s',
      CORS_ORIGINS: 'https://a.example, https://b.example:8443/',
      REQUEST_TIMEOUT_MS: '5000',
      KEEP_ALIVE_TIMEOUT_MS: '2000',
    });
    expect(c).toMatchObject({
      maxString: 100,
      maxDepth: 10,
      rateLimitMax: 0,
      rateLimitWindowMs: 30_000,
      corsOrigins: ['https://a.example', 'https://b.example:8443'],
      requestTimeoutMs: 5000,
      keepAliveTimeoutMs: 2000,
    });
    expect(configFromEnv({ RATE_LIMIT_WINDOW: '1 minute' }).rateLimitWindowMs).toBe(60_000);
    expect(configFromEnv({ RATE_LIMIT_WINDOW: '90000' }).rateLimitWindowMs).toBe(90_000);
    expect(() => configFromEnv({ RATE_LIMIT_WINDOW: 'soon' })).toThrow(/RATE_LIMIT_WINDOW/);
    expect(() => configFromEnv({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => configFromEnv({ MAX_DEPTH: '0' })).toThrow(/MAX_DEPTH/);
    expect(configFromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(configFromEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(configFromEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => configFromEnv({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
    expect(configFromEnv({ SERVE_UNRELEASED: '1' }).serveUnreleased).toBe(true);
    expect(() => configFromEnv({ SERVE_UNRELEASED: 'maybe' })).toThrow(/SERVE_UNRELEASED/);
  });
});
