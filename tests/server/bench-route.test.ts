import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { bundled } from '../support/rulebase.ts';

describe('the benchmark ceiling route', () => {
  const off = buildApp({ base: bundled() });
  const on = buildApp({ base: bundled(), benchRoutes: true });
  afterAll(async () => {
    await off.close();
    await on.close();
  });

  it('is absent unless asked for', async () => {
    expect((await off.inject({ method: 'POST', url: '/bench/constant', payload: { profile: {} } })).statusCode).toBe(404);
  });

  it('validates the body like /v1/evaluate and answers with a constant: the answer to its first request', async () => {
    const first = { asOf: '2014-06-01', profile: { sector: 'industry', energy: { exceedsConsumptionQuota: true } } };
    const ok = await on.inject({ method: 'POST', url: '/bench/constant', payload: first });
    expect(ok.statusCode).toBe(200);
    const evaluated = await on.inject({ method: 'POST', url: '/v1/evaluate', payload: first });
    expect(ok.body).toBe(evaluated.body);
    const again = await on.inject({ method: 'POST', url: '/bench/constant', payload: { asOf: '2020-01-01', profile: {} } });
    expect(again.body).toBe(ok.body);
    expect((await on.inject({ method: 'POST', url: '/bench/constant', payload: { profile: { sectr: 1 } } })).statusCode).toBe(400);
  });
});
