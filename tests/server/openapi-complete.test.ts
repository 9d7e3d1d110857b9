import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { bundled } from '../support/rulebase.ts';
import { form, settled } from './file-helpers.ts';

/**
 * The OpenAPI document is complete and honest: every operation declares its success schema, the Accept-Language
 * header and its problem responses, and what each route really answers — successes and problems — validates against
 * what it declares.
 */
const addFormats = addFormatsImport as unknown as (ajv: Ajv2020) => Ajv2020;
const app = buildApp({ base: bundled(), today: () => '2014-06-01', rateLimitMax: 0, populationLimit: 50 });
afterAll(() => app.close());

type Operation = {
  parameters?: { in: string; name: string }[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};
let doc: { paths: Record<string, Record<string, Operation>>; components: unknown };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

const KNOWN = {
  asOf: '2014-06-01',
  profile: { location: { city: '佛山市', district: '南海区' }, industry: { keys: ['陶瓷'] }, energy: { exceedsConsumptionQuota: true } },
};
interface Example {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
/** A real request per operation: its success, and problems of the statuses it declares (a new route needs its row). */
const EXAMPLES: Record<string, { ok: Example[]; problems: Example[] }> = {
  'GET /healthz': { ok: [{ url: '/healthz' }], problems: [] },
  'GET /readyz': { ok: [{ url: '/readyz' }], problems: [] },
  'GET /metrics': { ok: [{ url: '/metrics' }], problems: [] },
  'GET /v1/schemas/profile': { ok: [{ url: '/v1/schemas/profile' }], problems: [] },
  'GET /v1/labels': { ok: [{ url: '/v1/labels?lang=en' }, { url: '/v1/labels' }], problems: [{ url: '/v1/labels?lang=fr' }] },
  'POST /v1/evaluate': {
    ok: [
      { url: '/v1/evaluate', payload: KNOWN },
      { url: '/v1/evaluate', payload: { ...KNOWN, view: 'summary', language: 'en' } },
      { url: '/v1/evaluate', payload: { ...KNOWN, view: 'standard' }, headers: { 'accept-language': 'en' } },
    ],
    problems: [
      { url: '/v1/evaluate', payload: { profile: { sector: 'industri' } } },
      { url: '/v1/evaluate', payload: { profile: {}, rulesets: ['nope'] }, headers: { 'accept-language': 'en' } },
      { url: '/v1/evaluate', payload: '{"profile":', headers: { 'content-type': 'application/json' } },
      { url: '/v1/evaluate', payload: '{}', headers: { 'content-type': 'text/plain' } },
    ],
  },
  'POST /v1/evaluate/batch': {
    ok: [{ url: '/v1/evaluate/batch', payload: [KNOWN, { profile: { location: { city: 'gotham' } } }, { profile: {}, versions: { cppl: '9.9.9' } }] }],
    problems: [{ url: '/v1/evaluate/batch', payload: { not: 'an array' } }],
  },
  'GET /v1/rulesets': { ok: [{ url: '/v1/rulesets' }], problems: [] },
  'GET /v1/rulesets/{id}': { ok: [{ url: '/v1/rulesets/cppl' }], problems: [{ url: '/v1/rulesets/nope' }, { url: '/v1/rulesets/NOT_AN_ID' }] },
  'GET /v1/rulesets/{id}/versions/{version}': {
    ok: [{ url: '/v1/rulesets/cppl/versions/2.0.0' }, { url: '/v1/rulesets/foshan-cp-plan-2011/versions/1.0.0' }],
    problems: [{ url: '/v1/rulesets/cppl/versions/9.0.0' }, { url: '/v1/rulesets/cppl/versions/x' }],
  },
  'GET /v1/rulesets/{id}/diff': {
    ok: [{ url: '/v1/rulesets/cppl/diff?from=1.0.0&to=2.0.0' }],
    problems: [{ url: '/v1/rulesets/cppl/diff?from=1.0.0&to=9.0.0' }, { url: '/v1/rulesets/cppl/diff?from=1.0.0' }],
  },
  'POST /v1/rulesets/{id}/impact': {
    ok: [
      { url: '/v1/rulesets/cppl/impact', payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 20, seed: 1 } } },
      { url: '/v1/rulesets/cppl/impact', payload: { from: '1.0.0', to: '2.0.0', profiles: [KNOWN.profile, { sector: 'industry' }] } },
    ],
    problems: [
      { url: '/v1/rulesets/nope/impact', payload: { from: '1.0.0', to: '2.0.0' } },
      { url: '/v1/rulesets/cppl/impact', payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 51, seed: 1 } } },
    ],
  },
  'POST /v1/whatif': {
    ok: [{ url: '/v1/whatif', payload: { request: KNOWN, changes: [{ path: 'energy.exceedsConsumptionQuota', value: false }] } }],
    problems: [
      { url: '/v1/whatif', payload: { request: KNOWN, changes: [{ path: 'energy.nope', value: 1 }] } },
      { url: '/v1/whatif', payload: { request: { ...KNOWN, rulesets: ['nope'] }, changes: [{ path: 'energy.exceedsConsumptionQuota', value: false }] } },
    ],
  },
  'POST /v1/verify': { ok: [], problems: [{ url: '/v1/verify', payload: { request: KNOWN } }] },
  'GET /v1/rulesets/{id}/changelog': { ok: [{ url: '/v1/rulesets/cppl/changelog' }], problems: [{ url: '/v1/rulesets/nope/changelog' }] },
  'GET /v1/rulesets/{id}/versions/{version}/source': {
    ok: [{ url: '/v1/rulesets/cppl/versions/2.0.0/source', headers: { 'accept-language': 'en' } }],
    problems: [{ url: '/v1/rulesets/cppl/versions/9.0.0/source' }],
  },
  'GET /v1/rulesets/{id}/versions/{version}/rules/{rule}': {
    ok: [{ url: '/v1/rulesets/cppl/versions/2.0.0/rules/cppl-2012-art27-2-2-high-energy' }],
    problems: [{ url: '/v1/rulesets/cppl/versions/2.0.0/rules/no-such-rule' }],
  },
  'GET /v1/rulesets/{id}/versions/{version}/rules/{rule}/cases': {
    ok: [{ url: '/v1/rulesets/cppl/versions/2.0.0/rules/cppl-2012-art27-2-2-high-energy/cases' }],
    problems: [{ url: '/v1/rulesets/nope/versions/2.0.0/rules/x/cases' }],
  },
  'GET /v1/rulesets/{id}/diff/words': {
    ok: [{ url: '/v1/rulesets/cppl/diff/words?from=1.0.0&to=2.0.0', headers: { 'accept-language': 'en' } }],
    problems: [{ url: '/v1/rulesets/cppl/diff/words?from=1.0.0&to=9.0.0' }],
  },
  'POST /v1/rulesets/{id}/impact/detail': {
    ok: [{ url: '/v1/rulesets/cppl/impact/detail', payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 20, seed: 1 } } }],
    problems: [{ url: '/v1/rulesets/nope/impact/detail', payload: { from: '1.0.0', to: '2.0.0' } }],
  },
  'POST /v1/rulesets/{id}/impact/file': {
    ok: [
      {
        url: '/v1/rulesets/cppl/impact/file?from=1.0.0&to=2.0.0',
        payload: 'sector,location.city\nindustry,foshan\n',
        headers: { 'content-type': 'text/csv' },
      },
    ],
    problems: [{ url: '/v1/rulesets/cppl/impact/file?from=1.0.0&to=2.0.0', payload: '{}', headers: { 'content-type': 'application/json' } }],
  },
  // the file route's: filled in beforeAll (a multipart body, a job that exists)
  'POST /v1/evaluate/file': { ok: [], problems: [{ url: '/v1/evaluate/file', payload: { file: 'not multipart' } }] },
  'GET /v1/jobs/{jobId}': { ok: [], problems: [{ url: '/v1/jobs/6c9f3a52-2f55-4d1e-9a54-3f1e6f4b8a10' }, { url: '/v1/jobs/nope' }] },
  'GET /v1/jobs/{jobId}/result': { ok: [], problems: [{ url: '/v1/jobs/6c9f3a52-2f55-4d1e-9a54-3f1e6f4b8a10/result' }] },
  'GET /v1/templates/columns': { ok: [{ url: '/v1/templates/columns' }], problems: [{ url: '/v1/templates/columns?lang=zh' }] },
  'GET /v1/templates/enterprises.{ext}': {
    ok: [{ url: '/v1/templates/enterprises.csv?lang=zh' }, { url: '/v1/templates/enterprises.xlsx?lang=en' }],
    problems: [{ url: '/v1/templates/enterprises.txt' }, { url: '/v1/templates/enterprises.csv?lang=fr' }],
  },
  'POST /v1/timeline': {
    ok: [{ url: '/v1/timeline', payload: { profile: KNOWN.profile, from: '2010-01-01', to: '2016-12-31' } }],
    problems: [
      { url: '/v1/timeline', payload: { profile: KNOWN.profile, rulesets: ['nope'] } },
      { url: '/v1/timeline', payload: { profile: KNOWN.profile, from: '2020-01-01', to: '2016-12-31' } },
    ],
  },
};

beforeAll(async () => {
  doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  ajv.addSchema({ $id: 'doc', components: doc.components });
  // verify's success needs a stored answer: the known request's own.
  const answer = (await app.inject({ method: 'POST', url: '/v1/evaluate', payload: KNOWN })).json();
  EXAMPLES['POST /v1/verify']!.ok.push({ url: '/v1/verify', payload: { request: KNOWN, answer } });
  // a file job: its upload, its state and its result; and a file that cannot be read
  const upload = (bytes: string) => form({ asOf: '2014-06-01', file: { name: 'two.csv', bytes } });
  const good = await upload('id,location.city,industry.keys\nE1,foshan,ceramics\nE2,atlantis,\n');
  const r = await app.inject({ method: 'POST', url: '/v1/evaluate/file', payload: good.payload, headers: { 'content-type': good.type } });
  const job = await settled(app, r.headers.location as string);
  const bad = await upload('id,location.cty\nE1,foshan\n');
  EXAMPLES['POST /v1/evaluate/file']!.ok.push({ url: '/v1/evaluate/file', payload: good.payload, headers: { 'content-type': good.type } });
  EXAMPLES['POST /v1/evaluate/file']!.problems.push({ url: '/v1/evaluate/file', payload: bad.payload, headers: { 'content-type': bad.type } });
  EXAMPLES['GET /v1/jobs/{jobId}']!.ok.push({ url: job.links.self });
  EXAMPLES['GET /v1/jobs/{jobId}/result']!.ok.push({ url: job.links.result });
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));

/** The declared schema, its `#/` references resolved in the document. */
function validatorOf(schema: unknown) {
  const rebased = JSON.parse(JSON.stringify(schema), (k, v) => (k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `doc${v}` : v));
  return ajv.compile(typeof rebased === 'object' && rebased !== null ? rebased : {});
}

async function send(method: string, e: Example): Promise<LightMyRequestResponse> {
  return app.inject({
    method: method as 'GET' | 'POST',
    url: e.url,
    ...(e.payload !== undefined ? { payload: e.payload as string } : {}),
    ...(e.headers ? { headers: e.headers } : {}),
  });
}

describe('the OpenAPI document is complete', () => {
  it('every operation declares a 2xx response schema, the Accept-Language header, and its problem responses', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(15);
    for (const { key, op } of ops) {
      const ok = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(ok.length, key).toBeGreaterThan(0);
      for (const [, r] of ok) expect(Object.values(r.content ?? {}).length, key).toBeGreaterThan(0);
      for (const [, r] of ok) for (const c of Object.values(r.content ?? {})) expect(c.schema, key).toBeTruthy();
      expect(
        op.parameters?.some((p) => p.in === 'header' && p.name === 'Accept-Language'),
        key,
      ).toBe(true);
      const problems = Object.entries(op.responses).filter(([, r]) => r.content?.['application/problem+json']);
      expect(problems.length, key).toBeGreaterThan(0);
      for (const [, r] of problems) expect(r.content!['application/problem+json']!.schema, key).toEqual({ $ref: '#/components/schemas/Problem' });
    }
  });

  it('GET / (the page), /openapi.json, /docs and the problem pages are not API operations', () => {
    const paths = Object.keys(doc.paths);
    for (const hidden of ['/', '/openapi.json', '/problems', '/problems/{slug}']) expect(paths).not.toContain(hidden);
    expect(paths.some((p) => p.startsWith('/docs') || p.startsWith('/assets'))).toBe(false);
  });

  it('every operation has examples here, and each real response validates against the schema it declares', async () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(
      operations()
        .map((o) => o.key)
        .sort(),
    );
    // the check can fail: a declared schema rejects what does not match it
    const answer = validatorOf(doc.paths['/v1/evaluate']!.post!.responses['200']!.content!['application/json']!.schema);
    expect(answer({ asOf: '2014-06-01' })).toBe(false);
    const version = validatorOf(doc.paths['/v1/rulesets/{id}/versions/{version}']!.get!.responses['200']!.content!['application/json']!.schema);
    expect(version({ ...(await send('GET', { url: '/v1/rulesets/cppl/versions/2.0.0' })).json(), extra: 1 })).toBe(false);
    for (const { key, op } of operations()) {
      const method = key.split(' ')[0]!;
      const { ok, problems } = EXAMPLES[key]!;
      expect(ok.length, key).toBeGreaterThan(0);
      for (const e of [...ok, ...problems]) {
        const r = await send(method, e);
        const declared = op.responses[String(r.statusCode)];
        expect(declared, `${key} ${e.url} answered ${r.statusCode}, which it does not declare`).toBeDefined();
        const type = String(r.headers['content-type']).split(';')[0]!;
        const schema = declared!.content?.[type]?.schema;
        expect(schema, `${key} ${e.url}: ${r.statusCode} ${type} has no declared schema`).toBeDefined();
        const body = type.endsWith('json') ? r.json() : r.body;
        const validate = validatorOf(schema);
        expect(validate(body) ? [] : validate.errors?.slice(0, 3), `${key} ${e.url} (${r.statusCode})`).toEqual([]);
        if (ok.includes(e)) expect(r.statusCode, `${key} ${e.url}`).toBeLessThan(300);
        else expect(type, `${key} ${e.url}`).toBe('application/problem+json');
      }
    }
  }, 60_000);
});
