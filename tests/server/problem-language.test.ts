import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { PROBLEMS } from '../../server/problems/catalog.ts';
import { bundled } from '../support/rulebase.ts';

/**
 * One language for errors (issue 13): Accept-Language — or `language` in the body where there is one — decides a
 * problem's title, detail and every errors[].message; field paths stay as they are. Chinese by default.
 */
const app = buildApp({ base: bundled(), today: () => '2014-06-01', rateLimitMax: 0, maxString: 50, bodyLimit: 20_000, batchLimit: 2 });
afterAll(() => app.close());

const HAN = /\p{Script=Han}/u;
type Problem = { type: string; title: string; status: number; detail: string; errors: { path: string; message: string }[] };

interface Case {
  method?: 'GET' | 'POST' | 'PUT';
  url: string;
  payload?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Requests that fail in every way a client can make them fail, each with the status and type expected. */
const CASES: [string, Case, number, string][] = [
  ['an unknown field', { url: '/v1/evaluate', payload: { profile: { sectr: 'industry' } } }, 400, 'invalid-input'],
  ['a wrong type', { url: '/v1/evaluate', payload: { profile: { size: { annualRevenue: 'lots' } } } }, 400, 'invalid-input'],
  ['a bad date', { url: '/v1/evaluate', payload: { profile: {}, asOf: '2023-02-30' } }, 400, 'invalid-input'],
  ['a missing profile', { url: '/v1/evaluate', payload: { asOf: '2020-01-01' } }, 400, 'invalid-input'],
  ['a number out of range', { url: '/v1/evaluate', payload: { profile: { size: { employees: -1 } } } }, 400, 'invalid-input'],
  [
    'contradicting audit facts',
    { url: '/v1/evaluate', payload: { profile: { audit: { rounds: [{ completedOn: '2014-01-01', acceptedOn: '2013-01-01' }] } } } },
    400,
    'invalid-input',
  ],
  ['an unknown rule set', { url: '/v1/evaluate', payload: { profile: {}, rulesets: ['nope'] } }, 404, 'unknown-ruleset'],
  ['an unknown version', { url: '/v1/evaluate', payload: { profile: {}, versions: { cppl: '9.0.0' } } }, 404, 'unknown-ruleset'],
  ['an unknown rule set in the path', { method: 'GET', url: '/v1/rulesets/nope' }, 404, 'unknown-ruleset'],
  ['an unknown version in the path', { method: 'GET', url: '/v1/rulesets/cppl/versions/9.0.0' }, 404, 'unknown-ruleset'],
  ['an unknown version to diff', { method: 'GET', url: '/v1/rulesets/cppl/diff?from=1.0.0&to=9.0.0' }, 404, 'unknown-ruleset'],
  ['an unknown rule set for a timeline', { url: '/v1/timeline', payload: { profile: {}, rulesets: ['nope'] } }, 404, 'unknown-ruleset'],
  ['a timeline ending before it starts', { url: '/v1/timeline', payload: { profile: {}, from: '2020-01-01', to: '2010-01-01' } }, 400, 'invalid-input'],
  [
    'a what-if on no profile field',
    { url: '/v1/whatif', payload: { request: { profile: {} }, changes: [{ path: 'energy.nope', value: 1 }] } },
    400,
    'invalid-input',
  ],
  [
    'a what-if to an invalid profile',
    { url: '/v1/whatif', payload: { request: { profile: {} }, changes: [{ path: 'size.employees', value: 'many' }] } },
    400,
    'invalid-input',
  ],
  ['a bad query', { method: 'GET', url: '/v1/labels?lang=fr' }, 400, 'invalid-input'],
  ['malformed JSON', { url: '/v1/evaluate', payload: '{"profile":', contentType: 'application/json' }, 400, 'invalid-json'],
  ['an empty body', { url: '/v1/evaluate', payload: '', contentType: 'application/json' }, 400, 'empty-json'],
  ['a string too long', { url: '/v1/evaluate', payload: { profile: { name: 'n'.repeat(51) } } }, 400, 'string-too-long'],
  ['a forbidden key', { url: '/v1/evaluate', payload: '{"profile":{"constructor":1}}', contentType: 'application/json' }, 400, 'forbidden-key'],
  ['a body too large', { url: '/v1/evaluate', payload: { profile: {}, x: 'x'.repeat(30_000) } }, 413, 'body-too-large'],
  ['a batch too large', { url: '/v1/evaluate/batch', payload: [{ profile: {} }, { profile: {} }, { profile: {} }] }, 413, 'batch-too-large'],
  ['text/plain', { url: '/v1/evaluate', payload: '{}', contentType: 'text/plain' }, 415, 'unsupported-media-type'],
  ['latin1', { url: '/v1/evaluate', payload: '{}', contentType: 'application/json; charset=latin1' }, 415, 'unsupported-charset'],
  [
    'a gzip body',
    { url: '/v1/evaluate', payload: '{}', contentType: 'application/json', headers: { 'content-encoding': 'gzip' } },
    415,
    'unsupported-content-encoding',
  ],
  ['another method', { method: 'PUT', url: '/v1/evaluate' }, 405, 'method-not-allowed'],
  ['no route', { method: 'GET', url: '/v1/nothing' }, 404, 'not-found'],
  ['a malformed URL', { method: 'GET', url: '/v1/rulesets/%E0%A4%A' }, 400, 'bad-url'],
];

async function send(c: Case, lang?: string) {
  const headers: Record<string, string> = {
    ...(c.contentType ? { 'content-type': c.contentType } : {}),
    ...(lang ? { 'accept-language': lang } : {}),
    ...c.headers,
  };
  return app.inject({
    method: c.method ?? 'POST',
    url: c.url,
    headers,
    ...(c.payload !== undefined ? { payload: typeof c.payload === 'string' ? c.payload : JSON.stringify(c.payload) } : {}),
    ...(c.payload !== undefined && !c.contentType ? { headers: { ...headers, 'content-type': 'application/json' } } : {}),
  });
}

/** Every sentence of a problem in one language: Chinese ones carry Han characters, English ones none. */
function expectLanguage(p: Problem, lang: 'zh' | 'en', what: string) {
  const sentences = [p.title, p.detail, ...p.errors.map((e) => e.message)];
  for (const s of sentences) {
    if (lang === 'zh') expect(s, `${what}: ${s}`).toMatch(HAN);
    else expect(s, `${what}: ${s}`).not.toMatch(HAN);
  }
  for (const e of p.errors) expect(e.path, what).not.toMatch(HAN);
}

describe('problems speak the language asked for', () => {
  it.each(CASES)('%s: zh by default and for zh, en for en, same type, status and paths', async (what, c, status, slug) => {
    const zh = await send(c);
    const zhExplicit = await send(c, 'zh-CN,zh;q=0.9');
    const en = await send(c, 'en-US,en;q=0.8');
    for (const [r, lang] of [
      [zh, 'zh'],
      [zhExplicit, 'zh'],
      [en, 'en'],
    ] as const) {
      expect(r.statusCode, what).toBe(status);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.headers['content-language']).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      const p = r.json() as Problem;
      expect(p.type).toBe(`/problems/${slug}`);
      expect(p.status).toBe(status);
      expect(p.title).toBe(PROBLEMS[slug as keyof typeof PROBLEMS].title[lang]);
      expectLanguage(p, lang, what);
    }
    const pathsOf = (r: typeof zh) => (r.json() as Problem).errors.map((e) => e.path);
    expect(pathsOf(zh)).toEqual(pathsOf(en));
  });

  it('`language` in the body wins over Accept-Language, for problems as for answers', async () => {
    const en = (await send({ url: '/v1/evaluate', payload: { language: 'en', profile: { sectr: 1 } } }, 'zh')).json() as Problem;
    expect(en.title).toBe('Invalid input');
    expect(en.errors[0]).toEqual({ path: 'profile.sectr', message: "unknown field 'sectr' in profile: not part of the schema" });
    const zh = (await send({ url: '/v1/whatif', payload: { request: { language: 'zh', profile: {} }, changes: [{ path: 'x.y' }] } }, 'en')).json() as Problem;
    expect(zh.errors[0]).toEqual({ path: 'changes[0].path', message: '「x.y」不是企业信息中的字段' });
    // an unknown rule set names those that exist, in either language
    const known = (await send({ url: '/v1/evaluate', payload: { language: 'en', profile: {}, rulesets: ['nope'] } })).json() as Problem;
    expect(known.detail).toMatch(/^unknown rule set 'nope' \(known: cppl, /);
    expect((await send({ url: '/v1/evaluate', payload: { profile: {}, rulesets: ['nope'] } })).json().detail).toMatch(/^没有规则集「nope」（现有：cppl、/);
  });

  it('a batch item’s problem speaks the item’s language, else the request’s', async () => {
    const r = await send({ url: '/v1/evaluate/batch', payload: [{ profile: { sectr: 1 } }, { language: 'en', profile: {}, rulesets: ['nope'] }] });
    const [a, b] = r.json() as { ok: boolean; error: Problem }[];
    expect(a!.error).toMatchObject({ type: '/problems/invalid-input', title: '输入无效', errors: [{ path: '[0].profile.sectr' }] });
    expectLanguage(a!.error, 'zh', 'item 0');
    expect(b!.error).toMatchObject({
      type: '/problems/unknown-ruleset',
      status: 404,
      title: 'Unknown rule set or version',
      errors: [{ path: '[1].rulesets[0]' }],
    });
    expectLanguage(b!.error, 'en', 'item 1');
    const en = (await send({ url: '/v1/evaluate/batch', payload: [{ profile: { sectr: 1 } }] }, 'en')).json() as { error: Problem }[];
    expectLanguage(en[0]!.error, 'en', 'item 0 in en');
  });

  it('rate limited: 429 in the language asked for', async () => {
    const limited = buildApp({ base: bundled(), rateLimitMax: 1, rateLimitWindowMs: 60_000 });
    try {
      await limited.inject({ method: 'GET', url: '/v1/rulesets' });
      const zh = (await limited.inject({ method: 'GET', url: '/v1/rulesets' })).json() as Problem;
      expect(zh).toMatchObject({ status: 429, type: '/problems/rate-limited', title: '请求过多' });
      expectLanguage(zh, 'zh', '429');
      const en = (await limited.inject({ method: 'GET', url: '/v1/rulesets', headers: { 'accept-language': 'en' } })).json() as Problem;
      expectLanguage(en, 'en', '429');
    } finally {
      await limited.close();
    }
  });

  it("what Node's parser refuses (headers too large) is answered in the Accept-Language it did read", async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const ask = (lang: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/healthz', headers: { 'accept-language': lang, 'x-big': 'x'.repeat(20_000) } }, (res) => {
          let body = '';
          res.on('data', (c) => {
            body += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const lang of ['en', 'zh']) {
      const r = await ask(lang);
      expect(r.status).toBe(431);
      const p = JSON.parse(r.body) as Problem;
      expect(p.type).toBe('/problems/headers-too-large');
      expectLanguage(p, lang as 'zh' | 'en', `431 ${lang}`);
    }
  });
});
