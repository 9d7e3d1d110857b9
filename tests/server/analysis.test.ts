import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { bundled } from '../support/rulebase.ts';

const app = buildApp({ base: bundled(), today: () => '2026-11-24', populationLimit: 500 });
afterAll(() => app.close());

describe('versions API', () => {
  it('GET /v1/rulesets/cppl/diff returns the structural diff', async () => {
    const r = await app.inject({ method: 'GET', url: '/v1/rulesets/cppl/diff?from=1.0.0&to=2.0.0' });
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(d.added.map((x: { id: string }) => x.id)).toContain('cppl-2012-art27-2-2-high-energy');
    expect((await app.inject({ method: 'GET', url: '/v1/rulesets/cppl/diff?from=1.0.0&to=9.0.0' })).json().errors[0].path).toBe('to');
    expect((await app.inject({ method: 'GET', url: '/v1/rulesets/cppl/diff?from=1.0.0' })).statusCode).toBe(400);
  });

  it('POST /v1/rulesets/cppl/impact over a synthetic population, bounded', async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/rulesets/cppl/impact', payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 300, seed: 42 } } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ population: 300, ruleset: 'cppl' });
    const tooMany = await app.inject({
      method: 'POST',
      url: '/v1/rulesets/cppl/impact',
      payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 501, seed: 1 } },
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('POST /v1/verify: a stored answer holds; one whose verdict was altered, or whose profile differs, does not', async () => {
    const request = {
      asOf: '2014-06-01',
      profile: {
        sector: 'industry',
        location: { city: 'foshan' },
        industry: { keys: ['ceramics'] },
        energy: { exceedsConsumptionQuota: true },
        audit: { lastCompleted: '2013-05-20' },
      },
    };
    const answer = (await app.inject({ method: 'POST', url: '/v1/evaluate', payload: request })).json();
    const ok = await app.inject({ method: 'POST', url: '/v1/verify', payload: { request, answer } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().holds).toBe(true);
    expect(ok.json().checks.map((c: { check: string }) => c.check)).toEqual(expect.arrayContaining(['profile', 'ruleset', 'decisions', 'summary']));
    const altered = structuredClone(answer);
    altered.summary.audit.dueBy = '2016-12-31';
    const bad = (await app.inject({ method: 'POST', url: '/v1/verify', payload: { request, answer: altered } })).json();
    expect(bad.holds).toBe(false);
    expect(bad.checks.find((c: { check: string }) => c.check === 'summary').ok).toBe(false);
    const otherProfile = (
      await app.inject({ method: 'POST', url: '/v1/verify', payload: { request: { ...request, profile: { ...request.profile, sector: 'services' } }, answer } })
    ).json();
    expect(otherProfile.holds).toBe(false);
    expect(otherProfile.checks[0]).toMatchObject({ check: 'profile', ok: false });
  });

  it('POST /v1/whatif returns both answers and the difference', async () => {
    const payload = {
      request: { asOf: '2014-06-01', rulesets: ['cppl'], profile: { sector: 'industry', environment: { exceedsDischargeStandard: true } } },
      changes: [{ path: 'environment.exceedsDischargeStandard', value: false }],
    };
    const r = await app.inject({ method: 'POST', url: '/v1/whatif', payload });
    expect(r.statusCode).toBe(200);
    expect(r.json().difference.audit).toMatchObject({ from: 'mandatory', changed: true });
    const bad = await app.inject({ method: 'POST', url: '/v1/whatif', payload: { ...payload, changes: [{ path: 'environment.nope', value: 1 }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('changes[0].path');
  });

  it('POST /v1/evaluate links each whyNot to the single change that would satisfy it', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/v1/evaluate',
      payload: { asOf: '2014-06-01', rulesets: ['cppl'], profile: { sector: 'industry', finance: { sme: false } } },
    });
    const w = r.json().whyNot.find((x: { id: string }) => x.id === 'cppl-2012-art32-sme-fund');
    expect(w.whatIf).toEqual({ changes: [{ path: 'finance.sme', value: true }] });
  });

  it('POST /v1/timeline returns the periods', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/v1/timeline',
      payload: { profile: { location: { city: 'foshan' }, industry: { keys: ['ceramics'] }, energy: { exceedsConsumptionQuota: true } }, to: '2022-12-31' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().periods.map((p: { from: string }) => p.from)).toContain('2012-07-01');
  });

  it('what-if and timeline are in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const path of ['/v1/whatif', '/v1/timeline', '/v1/rulesets/{id}/diff', '/v1/rulesets/{id}/impact']) expect(Object.keys(doc.paths)).toContain(path);
  });
});
