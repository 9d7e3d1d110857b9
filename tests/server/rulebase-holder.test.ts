import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import { deferredHolder, directoryHolder, fixedHolder, ruleBaseFrom } from '../../server/rulebase-holder.ts';
import { bundled } from '../support/rulebase.ts';
import { RULE_LIMITS } from '../../loader/limits.ts';
import { addDraftVersion, copyRules, releaseAll, WATCHED_REQUEST, WATCHED_RULE } from './rules-fixture.ts';
import { versionNames } from '../support/versions.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function fresh(options: { serveUnreleased?: boolean } = {}) {
  const { dir, cleanup } = copyRules();
  cleanups.push(cleanup);
  const rules = await directoryHolder(dir, options);
  const app = buildApp({ rules, today: () => '2014-06-01' });
  cleanups.push(() => void app.close());
  const fires = async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/evaluate', payload: WATCHED_REQUEST });
    expect(r.statusCode).toBe(200);
    return (r.json().decisions as { id: string }[]).some((d) => d.id === WATCHED_RULE);
  };
  return { dir, rules, app, fires };
}

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cleanprod-rules-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const cpplVersions = (rules: Awaited<ReturnType<typeof fresh>>['rules']) =>
  rules
    .describe()
    .rulesets.find((r) => r.id === 'cppl')!
    .versions.map((v) => v.version);

describe('rule base holder (reload)', () => {
  it('a good reload swaps in the new rules once released: the routes read the holder per request', async () => {
    const { dir, rules, app, fires } = await fresh();
    expect(await fires()).toBe(true);
    const before = rules.describe();
    const draft = addDraftVersion(dir);
    releaseAll(dir);
    expect(await rules.reload()).toEqual({ ok: true, problems: [], unreleased: [] });
    expect(await fires()).toBe(false);
    expect(cpplVersions(rules)).toEqual([...versionNames('cppl'), draft]);
    expect(rules.describe().lastReload).toMatchObject({ ok: true, problems: 0 });
    expect(rules.describe().loadedAt >= before.loadedAt).toBe(true);
    const list = (await app.inject({ method: 'GET', url: '/v1/rulesets/cppl' })).json();
    expect(list.versions.map((v: { version: string }) => v.version)).toContain(draft);
  });

  it('a version not yet released is not served after a reload (unless SERVE_UNRELEASED)', async () => {
    const { dir, rules, fires } = await fresh();
    const draft = addDraftVersion(dir);
    const result = await rules.reload();
    expect(result).toMatchObject({ ok: true, unreleased: [`cppl@${draft}`] });
    expect(cpplVersions(rules)).toEqual(versionNames('cppl'));
    expect(rules.describe().unreleased).toEqual([`cppl@${draft}`]);
    expect(await fires()).toBe(true); // still the released rules
    const drafts = await fresh({ serveUnreleased: true });
    addDraftVersion(drafts.dir);
    await drafts.rules.reload();
    expect(await drafts.fires()).toBe(false);
  });

  it('a reload that fails lint keeps the old rules in service and reports the problems', async () => {
    const { dir, rules, fires } = await fresh();
    const loadedAt = rules.describe().loadedAt;
    addDraftVersion(dir, { breakQuote: true });
    const result = await rules.reload();
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.path.includes(WATCHED_RULE))).toBe(true);
    expect(JSON.stringify(result.problems)).toMatch(/quote|verbatim|source/i);
    // never half-loaded: the watched rule still fires as before, and the draft is not listed
    expect(await fires()).toBe(true);
    expect(cpplVersions(rules)).toEqual(versionNames('cppl'));
    expect(rules.describe().loadedAt).toBe(loadedAt);
    expect(rules.describe().lastReload).toMatchObject({ ok: false });
  });

  it('a huge rule file is refused by its size before it is parsed; the server keeps answering (finding 1)', async () => {
    const { dir, rules, app, fires } = await fresh();
    // 50 MB of YAML nodes: parsing it froze the event loop for 95 s, then ran out of heap.
    const node = '- {a: 1, b: [x, y, z]}\n';
    const big = node.repeat(Math.ceil((50 * 1024 * 1024) / node.length));
    mkdirSync(join(dir, 'huge'), { recursive: true });
    writeFileSync(join(dir, 'huge', '9.9.9.yaml'), big);
    const started = Date.now();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const reloading = rules.reload();
    // the event loop keeps turning and requests are answered while the reload runs
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const result = await reloading;
    clearInterval(ticker);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({ path: expect.stringContaining('9.9.9.yaml'), message: expect.stringMatching(/at most \d+ bytes: not read/) });
    expect(ticks).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await fires()).toBe(true);
    expect(RULE_LIMITS.fileBytes).toBeLessThan(big.length);
  });

  it('a rules file just under the size cap but deeply nested ends only the loading worker', async () => {
    const { dir, rules, fires } = await fresh();
    const deep = `${'- '.repeat(1)}${'['.repeat(200_000)}${']'.repeat(200_000)}\n`;
    mkdirSync(join(dir, 'deep'), { recursive: true });
    writeFileSync(join(dir, 'deep', '1.0.0.yaml'), deep);
    const result = await rules.reload();
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result.problems)).toMatch(/deep[\\/]1\.0\.0\.yaml|loading/);
    expect(await fires()).toBe(true);
  });

  it('a first load of bad rules rejects (the server never starts on them)', async () => {
    const { dir, cleanup } = copyRules();
    cleanups.push(cleanup);
    addDraftVersion(dir, { breakQuote: true });
    await expect(directoryHolder(dir)).rejects.toThrow(/problem/);
  });

  it('an empty directory, one with no rule set, one with no released version, and a file are refused with a sentence (finding 7)', async () => {
    const empty = tempDir();
    await expect(directoryHolder(empty)).rejects.toMatchObject({ details: [{ message: 'the rules directory is empty: it holds no rule set' }] });
    const noRuleset = tempDir();
    const { dir: bundledCopy } = copyRules();
    copyFileSync(join(bundledCopy, 'derived-facts.yaml'), join(noRuleset, 'derived-facts.yaml'));
    await expect(directoryHolder(noRuleset)).rejects.toMatchObject({
      details: [{ message: expect.stringMatching(/holds no rule set.*nothing to serve/) }],
    });
    // lint-clean versions none of which is released (no lock file): nothing to serve, unless drafts are asked for
    const versions = [...bundled().rulesets.values()].flat().map((v) => ({ file: v.file, sha256: v.sha256, location: v.location }));
    const data = { ok: true as const, json: JSON.stringify({ versions, derivedFacts: bundled().derivedFacts }), hasLock: false };
    const unreleased = versions.map((v) => `${v.file.id}@${v.file.version}`);
    expect(ruleBaseFrom({ ...data, unreleased }, 'drafts', false)).toEqual({
      ok: false,
      problems: [{ path: 'drafts', message: expect.stringMatching(/no released version.*no versions\.lock\.json.*SERVE_UNRELEASED=1/) }],
    });
    expect(ruleBaseFrom({ ...data, unreleased }, 'drafts', true)).toMatchObject({ ok: true, unreleased: [] });
    expect(ruleBaseFrom({ ...data, unreleased: unreleased.slice(1) }, 'drafts', false)).toMatchObject({ ok: true, unreleased: unreleased.slice(1) });
    const file = join(tempDir(), 'rules.yaml');
    writeFileSync(file, readFileSync(join(bundledCopy, 'derived-facts.yaml')));
    const refused = await directoryHolder(file).catch((e: unknown) => e as { details: { message: string }[] });
    expect(JSON.stringify(refused)).toMatch(/is a file, not a rules directory/);
    expect(JSON.stringify(refused)).not.toMatch(/ENOTDIR/);
  });

  it('GET /healthz reports the rule-set versions in service and when they were loaded', async () => {
    const { dir, rules, app } = await fresh();
    const h = (await app.inject({ method: 'GET', url: '/healthz' })).json();
    expect(h).toMatchObject({ status: 'ok', rulesets: expect.any(Number), loadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(h.versions.find((r: { id: string }) => r.id === 'cppl').versions).toEqual(
      versionNames('cppl').map((version) => ({ version, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })),
    );
    expect(h.lastReload).toBeUndefined();
    addDraftVersion(dir, { breakQuote: true });
    await rules.reload();
    const after = (await app.inject({ method: 'GET', url: '/healthz' })).json();
    expect(after.lastReload).toMatchObject({ ok: false, problems: expect.any(Number) });
    expect(after.loadedAt).toBe(h.loadedAt);
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/cleanprod_rules_reloads_total\{result="failed"\} 1/);
  });

  it('buildApp({ base }) still works (a fixed rule base)', async () => {
    const { rules } = await fresh();
    const app = buildApp({ base: rules.current() });
    cleanups.push(() => void app.close());
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json().status).toBe('ok');
    expect(() => buildApp({})).toThrow(/rules/);
  });
});

describe('the holder the server builds its app with while the first load runs', () => {
  it('refuses to answer before the rules are in, then forwards to them; reload listeners registered early are kept', async () => {
    const { holder, resolve } = deferredHolder();
    const heard: boolean[] = [];
    holder.onReload((r) => heard.push(r.ok));
    expect(() => holder.current()).toThrow(/not loaded yet/);
    const loaded = fixedHolder(bundled());
    resolve(loaded);
    expect(holder.current()).toBe(bundled());
    expect(holder.describe().rulesets.map((r) => r.id)).toEqual([...bundled().rulesets.keys()]);
    await holder.reload();
    expect(heard).toEqual([true]);
  });
});
