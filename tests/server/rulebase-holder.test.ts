import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { directoryHolder } from '../../server/rulebase-holder.ts';
import { addDraftVersion, copyRules, WATCHED_REQUEST, WATCHED_RULE } from './rules-fixture.ts';
import { versionNames } from '../support/versions.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function fresh() {
  const { dir, cleanup } = copyRules();
  cleanups.push(cleanup);
  const rules = directoryHolder(dir);
  const app = buildApp({ rules, today: () => '2014-06-01' });
  cleanups.push(() => void app.close());
  const fires = async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/evaluate', payload: WATCHED_REQUEST });
    expect(r.statusCode).toBe(200);
    return (r.json().decisions as { id: string }[]).some((d) => d.id === WATCHED_RULE);
  };
  return { dir, rules, app, fires };
}

describe('rule base holder (reload)', () => {
  it('a good reload swaps in the new rules: the routes read the holder per request', async () => {
    const { dir, rules, app, fires } = fresh();
    expect(await fires()).toBe(true);
    const before = rules.describe();
    const draft = addDraftVersion(dir);
    expect(rules.reload()).toEqual({ ok: true, problems: [] });
    expect(await fires()).toBe(false);
    const cppl = rules.describe().rulesets.find((r) => r.id === 'cppl')!;
    expect(cppl.versions.map((v) => v.version)).toEqual([...versionNames('cppl'), draft]);
    expect(rules.describe().lastReload).toMatchObject({ ok: true, problems: 0 });
    expect(rules.describe().loadedAt >= before.loadedAt).toBe(true);
    const list = (await app.inject({ method: 'GET', url: '/v1/rulesets/cppl' })).json();
    expect(list.versions.map((v: { version: string }) => v.version)).toContain(draft);
  });

  it('a reload that fails lint keeps the old rules in service and reports the problems', async () => {
    const { dir, rules, fires } = fresh();
    const loadedAt = rules.describe().loadedAt;
    addDraftVersion(dir, { breakQuote: true });
    const result = rules.reload();
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.some((p) => p.path.includes(WATCHED_RULE))).toBe(true);
    expect(JSON.stringify(result.problems)).toMatch(/quote|verbatim|source/i);
    // never half-loaded: the watched rule still fires as before, and the draft is not listed
    expect(await fires()).toBe(true);
    expect(
      rules
        .describe()
        .rulesets.find((r) => r.id === 'cppl')!
        .versions.map((v) => v.version),
    ).toEqual(versionNames('cppl'));
    expect(rules.describe().loadedAt).toBe(loadedAt);
    expect(rules.describe().lastReload).toMatchObject({ ok: false });
  });

  it('a first load of bad rules throws (the server never starts on them)', () => {
    const { dir, cleanup } = copyRules();
    cleanups.push(cleanup);
    addDraftVersion(dir, { breakQuote: true });
    expect(() => directoryHolder(dir)).toThrow(/problem/);
  });

  it('GET /healthz reports the rule-set versions in service and when they were loaded', async () => {
    const { dir, rules, app } = fresh();
    const h = (await app.inject({ method: 'GET', url: '/healthz' })).json();
    expect(h).toMatchObject({ status: 'ok', rulesets: expect.any(Number), loadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(h.versions.find((r: { id: string }) => r.id === 'cppl').versions).toEqual(
      versionNames('cppl').map((version) => ({ version, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })),
    );
    expect(h.lastReload).toBeUndefined();
    addDraftVersion(dir, { breakQuote: true });
    rules.reload();
    const after = (await app.inject({ method: 'GET', url: '/healthz' })).json();
    expect(after.lastReload).toMatchObject({ ok: false, problems: expect.any(Number) });
    expect(after.loadedAt).toBe(h.loadedAt);
  });

  it('buildApp({ base }) still works (a fixed rule base)', async () => {
    const { rules } = fresh();
    const app = buildApp({ base: rules.current() });
    cleanups.push(() => void app.close());
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json().status).toBe('ok');
    expect(() => buildApp({})).toThrow(/rules/);
  });
});
