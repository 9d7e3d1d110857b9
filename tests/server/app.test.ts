import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { bundled } from '../support/rulebase.ts';
import { newestVersion, versionNames } from '../support/versions.ts';

const app = buildApp({ base: bundled(), today: () => '2013-06-01' });
afterAll(() => app.close());

const post = (payload: unknown, lang?: string) =>
  app.inject({ method: 'POST', url: '/v1/evaluate', payload: payload as object, ...(lang ? { headers: { 'accept-language': lang } } : {}) });

describe('HTTP API', () => {
  it('GET /healthz', async () => {
    const r = await app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok' });
  });

  it('POST /v1/evaluate answers with the contract fields, defaulting asOf to today', async () => {
    const r = await post({ profile: { id: 'e1', sector: 'industry', energy: { exceedsConsumptionQuota: true } } });
    expect(r.statusCode).toBe(200);
    const a = r.json();
    for (const key of ['asOf', 'profileId', 'rulesets', 'summary', 'decisions', 'whyNot', 'undetermined', 'questions', 'facts', 'warnings', 'receipt'])
      expect(a).toHaveProperty(key);
    expect(a.asOf).toBe('2013-06-01');
    expect(a.profileId).toBe('e1');
    expect(a.summary.audit.status).toBe('mandatory');
    expect(a.decisions.find((d: { id: string }) => d.id === 'cppl-2012-art27-2-2-high-energy').citation.quote).toBe('超过单位产品能源消耗限额标准构成高耗能的');
  });

  it('a misspelt profile field is a 400 problem naming it, in the language asked for (zh by default)', async () => {
    const r = await post({ profile: { sectr: 'industry' } }, 'en');
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.json().errors).toEqual([{ path: 'profile.sectr', message: expect.stringContaining("unknown field 'sectr'") }]);
    const zh = await post({ profile: { sectr: 'industry' } });
    expect(zh.headers['content-language']).toBe('zh-CN');
    expect(zh.json()).toMatchObject({ title: '输入无效', errors: [{ path: 'profile.sectr', message: expect.stringContaining('不认识的字段「sectr」') }] });
  });

  it.each([
    ['a wrong type', { profile: { size: { annualRevenue: 'lots' } } }, 'profile.size.annualRevenue', /must be number/],
    ['an invalid date', { profile: {}, asOf: '2023-02-30' }, 'asOf', /real calendar date/],
    ['an unknown city', { profile: { location: { city: 'gotham' } } }, 'profile.location.city', /must be one of/],
    ['an unknown industry key', { profile: { industry: { keys: ['stel'] } } }, 'profile.industry.keys[0]', /must be one of/],
    ['an unknown request field', { profile: {}, asof: '2020-01-01' }, 'asof', /unknown field/],
    ['a missing profile', { asOf: '2020-01-01' }, 'profile', /required/],
  ])('%s is a 400 naming the field', async (_what, payload, path, message) => {
    const r = await post(payload, 'en');
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('malformed JSON is a 400 problem, not a stack trace', async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'application/json' }, payload: '{"profile":' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('an unknown rule set or version is a 404 naming it and what exists', async () => {
    const r = await post({ profile: {}, rulesets: ['nope'] });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ type: '/problems/unknown-ruleset', title: '规则集或版本不存在', errors: [{ path: 'rulesets[0]' }] });
    expect(r.json().detail).toMatch(/没有规则集「nope」（现有：cppl、/);
    const v = await post({ profile: {}, versions: { cppl: '7.0.0' } }, 'en');
    expect(v.statusCode).toBe(404);
    expect(v.json().errors[0].path).toBe('versions.cppl');
    expect(v.json().detail).toBe(`rule set cppl has no version 7.0.0 (has ${versionNames('cppl').join(', ')})`);
  });

  it('lists rule sets and their versions, and serves a version file', async () => {
    const list = (await app.inject({ method: 'GET', url: '/v1/rulesets' })).json();
    expect(list.map((r: { id: string }) => r.id)).toContain('cppl');
    const one = (await app.inject({ method: 'GET', url: '/v1/rulesets/cppl' })).json();
    expect(one.versions.map((v: { version: string }) => v.version)).toEqual(versionNames('cppl'));
    const v = await app.inject({ method: 'GET', url: `/v1/rulesets/cppl/versions/${newestVersion('cppl')}` });
    expect(v.json().rules.length).toBeGreaterThan(10);
    expect((await app.inject({ method: 'GET', url: '/v1/rulesets/cppl/versions/99.0.0' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/v1/rulesets/nope' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/v1/nothing' })).statusCode).toBe(404);
  });

  it('serves the profile schema', async () => {
    const r = await app.inject({ method: 'GET', url: '/v1/schemas/profile' });
    expect(r.json().properties.location).toBeDefined();
  });
});
