import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { bundled } from '../support/rulebase.ts';

/** Enterprise data that must never reach a log line, whatever happens to the request. */
const SECRET_NAME = '佛山市秘密陶瓷有限公司 Secret Ceramics Ltd';
const SECRET_ID = 'ent-91440600-SECRET-7731';

describe('logging: no enterprise data by default', () => {
  it('logs request id, method, path, route, status and duration only — never bodies, queries or addresses', async () => {
    const lines: string[] = [];
    const app = buildApp({
      base: bundled(),
      today: () => '2014-06-01',
      logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } },
    });
    try {
      const profile = { id: SECRET_ID, name: SECRET_NAME, sector: 'industry', energy: { exceedsConsumptionQuota: true } };
      const ok = await app.inject({ method: 'POST', url: `/v1/evaluate?ref=${encodeURIComponent(SECRET_ID)}`, payload: { profile } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain(SECRET_ID); // the answer echoes it to the caller …
      // … and the failures: a validation error, a forbidden key, malformed JSON, an unknown rule set, a batch, a what-if
      await app.inject({ method: 'POST', url: '/v1/evaluate', payload: { profile: { ...profile, sectr: SECRET_NAME } } });
      await app.inject({
        method: 'POST',
        url: '/v1/evaluate',
        headers: { 'content-type': 'application/json' },
        payload: `{"profile":{"name":"${SECRET_NAME}","__proto__":{"id":"${SECRET_ID}"}}}`,
      });
      await app.inject({
        method: 'POST',
        url: '/v1/evaluate',
        headers: { 'content-type': 'application/json' },
        payload: `{"profile":{"name":"${SECRET_NAME}"`,
      });
      await app.inject({ method: 'POST', url: '/v1/evaluate', payload: { profile, rulesets: [SECRET_ID.toLowerCase()] } });
      await app.inject({ method: 'POST', url: '/v1/evaluate/batch', payload: [{ profile }, { profile: { name: SECRET_NAME, size: 'x' } }] });
      await app.inject({
        method: 'POST',
        url: '/v1/whatif',
        payload: { request: { profile }, changes: [{ path: 'energy.exceedsConsumptionQuota', value: false }] },
      });
      await app.inject({ method: 'GET', url: `/v1/rulesets/cppl/diff?from=1.0.0&to=2.0.0&who=${encodeURIComponent(SECRET_NAME)}` });
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [SECRET_NAME, SECRET_ID, SECRET_ID.toLowerCase(), 'Secret', encodeURIComponent(SECRET_ID), '127.0.0.1', 'user-agent'])
      expect(log).not.toContain(secret);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const incoming = records.filter((r) => r.msg === 'incoming request');
    const completed = records.filter((r) => r.msg === 'request completed');
    expect(incoming.length).toBe(8);
    expect(completed.length).toBe(8);
    expect(incoming[0]!.req).toEqual({ id: expect.any(String), method: 'POST', url: '/v1/evaluate', route: '/v1/evaluate' });
    expect(completed[0]).toMatchObject({ res: { statusCode: 200 }, responseTime: expect.any(Number), reqId: (incoming[0]!.req as { id: string }).id });
    for (const r of completed) expect(Object.keys(r.res as object)).toEqual(['statusCode']);
    for (const r of incoming) expect(Object.keys(r.req as object).sort()).toEqual(['id', 'method', 'route', 'url']);
  });
});
