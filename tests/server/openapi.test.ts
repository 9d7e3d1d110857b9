import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { bundled } from '../support/rulebase.ts';

const app = buildApp({ base: bundled(), today: () => '2014-06-01', bodyLimit: 20_000, batchLimit: 3 });
afterAll(() => app.close());

describe('OpenAPI and batch', () => {
  it('/openapi.json is valid OpenAPI 3.1 and lists every route, with examples', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result).toEqual({ valid: true });
    for (const path of [
      '/v1/evaluate',
      '/v1/evaluate/batch',
      '/v1/rulesets',
      '/v1/rulesets/{id}',
      '/v1/rulesets/{id}/versions/{version}',
      '/v1/schemas/profile',
      '/healthz',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.components.schemas.EvaluateRequest.examples.length).toBeGreaterThan(0);
    expect((await app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200);
  });

  it('batch answers each item on its own: a bad item gets its problem, the others their answers', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/v1/evaluate/batch',
      payload: [
        { profile: { sector: 'industry', energy: { exceedsConsumptionQuota: true } } },
        { profile: { location: { city: 'gotham' } } },
        { profile: {}, rulesets: ['nope'] },
      ],
    });
    expect(r.statusCode).toBe(200);
    const [a, b, c] = r.json();
    expect(a).toMatchObject({ index: 0, ok: true, answer: { summary: { audit: { status: 'mandatory' } } } });
    expect(b).toMatchObject({ index: 1, ok: false, error: { status: 400, errors: [{ path: '[1].profile.location.city' }] } });
    expect(c).toMatchObject({ index: 2, ok: false, error: { status: 404, type: '/problems/unknown-ruleset', errors: [{ path: '[2].rulesets[0]' }] } });
  });

  it('an oversize batch is a 413 saying the limit', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/v1/evaluate/batch',
      payload: [{ profile: {} }, { profile: {} }, { profile: {} }, { profile: {} }],
      headers: { 'accept-language': 'en' },
    });
    expect(r.statusCode).toBe(413);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.json().detail).toContain('at most 3');
  });

  it('an oversize body is a 413 problem', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/v1/evaluate',
      payload: { profile: { name: 'x'.repeat(30_000) } },
      headers: { 'accept-language': 'en' },
    });
    expect(r.statusCode).toBe(413);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.json().detail).toMatch(/larger than the server accepts/);
  });

  it('Accept-Language picks the language of explanations; quotes stay verbatim', async () => {
    const payload = { profile: { sector: 'industry', energy: { exceedsConsumptionQuota: true, annualConsumptionTce: 60000 } } };
    const zh = (await app.inject({ method: 'POST', url: '/v1/evaluate', payload })).json();
    const en = (await app.inject({ method: 'POST', url: '/v1/evaluate', payload, headers: { 'accept-language': 'en-US,en;q=0.9' } })).json();
    const pick = (a: { decisions: { id: string; explanation: string; citation: { quote: string } }[] }) =>
      a.decisions.find((d) => d.id === 'cppl-2012-art27-2-2-high-energy')!;
    expect(zh.language).toBe('zh');
    expect(en.language).toBe('en');
    expect(pick(zh).explanation).toContain('年综合能耗 60,000 吨标准煤');
    expect(pick(en).explanation).toContain('Annual energy use of 60,000 tce');
    expect(pick(en).citation.quote).toBe(pick(zh).citation.quote);
  });
});
