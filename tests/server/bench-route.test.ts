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

  it('validates the body like /v1/evaluate and answers a constant answer', async () => {
    const ok = await on.inject({ method: 'POST', url: '/bench/constant', payload: { profile: { sector: 'industry' } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().summary.audit.status).toBeDefined();
    expect((await on.inject({ method: 'POST', url: '/bench/constant', payload: { profile: { sectr: 1 } } })).statusCode).toBe(400);
  });
});
