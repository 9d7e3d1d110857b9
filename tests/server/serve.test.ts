import { afterAll, describe, expect, it } from 'vitest';
import { addDraftVersion, copyRules, releaseAll, WATCHED_REQUEST, WATCHED_RULE } from './rules-fixture.ts';
import { children, freePort, serve, stop, until } from './serve-helpers.ts';
import { versionNames } from '../support/versions.ts';

const cleanups: (() => void)[] = [];

afterAll(async () => {
  for (const child of children) await stop(child);
  for (const c of cleanups) c();
});

const get = (base: string, path: string) => fetch(base + path, { signal: AbortSignal.timeout(5000) });
async function fires(base: string): Promise<boolean> {
  const r = await fetch(`${base}/v1/evaluate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(WATCHED_REQUEST),
    signal: AbortSignal.timeout(5000),
  });
  expect(r.status).toBe(200);
  const answer = (await r.json()) as { decisions: { id: string }[] };
  return answer.decisions.some((d) => d.id === WATCHED_RULE);
}

describe('cleanprod serve: rules from outside', () => {
  it('invalid rules at start-up: the lint messages on stderr, exit code 1, nothing listens', async () => {
    const { dir, cleanup } = copyRules();
    cleanups.push(cleanup);
    addDraftVersion(dir, { breakQuote: true });
    const port = await freePort();
    const { out, exited } = serve(dir, port);
    const code = await Promise.race([exited, new Promise<'hang'>((r) => setTimeout(() => r('hang'), 40_000))]);
    expect(code).toBe(1);
    expect(out.stderr).toMatch(/did not load, so the server is not started/);
    expect(out.stderr).toContain(WATCHED_RULE);
    await expect(get(`http://127.0.0.1:${port}`, '/healthz')).rejects.toThrow();
  });

  it('SIGHUP reloads the rules directory; rules that fail lint leave the previous ones in service', async () => {
    const { dir, cleanup } = copyRules();
    cleanups.push(cleanup);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const { child, out } = serve(dir, port);
    const health0 = await until('the server to listen', async () => {
      const r = await get(base, '/healthz');
      return r.ok ? ((await r.json()) as { loadedAt: string; lastReload?: unknown }) : undefined;
    });
    expect(health0.lastReload).toBeUndefined();
    expect(await fires(base)).toBe(true);

    // a draft not yet released is not served after a reload …
    const draft = addDraftVersion(dir);
    child.kill('SIGHUP');
    await until('the reload of the draft', async () => (/rules reloaded/.test(out.stdout) ? true : undefined));
    expect(await fires(base)).toBe(true);
    expect(out.stdout).toMatch(new RegExp(`"unreleased":\\["cppl@${draft.replaceAll('.', '\\.')}"\\]`));
    // … a good change, released: the watched rule no longer fires
    releaseAll(dir);
    child.kill('SIGHUP');
    const health1 = await until('the reload', async () => {
      const h = (await (await get(base, '/healthz')).json()) as {
        loadedAt: string;
        lastReload?: { ok: boolean };
        versions: { id: string; versions: { version: string }[] }[];
      };
      return h.versions.find((r) => r.id === 'cppl')!.versions.some((v) => v.version === draft) ? h : undefined;
    });
    expect(health1.lastReload).toMatchObject({ ok: true });
    expect(health1.versions.find((r) => r.id === 'cppl')!.versions.map((v) => v.version)).toEqual([...versionNames('cppl'), draft]);
    expect(await fires(base)).toBe(false);
    expect(out.stdout).toMatch(/rules reloaded/);

    // a bad change: a further draft whose quote is no longer verbatim; the reload is refused whole
    addDraftVersion(dir, { breakQuote: true });
    child.kill('SIGHUP');
    const health2 = await until('the refused reload', async () => {
      const h = (await (await get(base, '/healthz')).json()) as { loadedAt: string; lastReload?: { ok: boolean } };
      return h.lastReload?.ok === false ? h : undefined;
    });
    expect(health2.loadedAt).toBe(health1.loadedAt);
    expect(await fires(base)).toBe(false); // still the first draft as loaded before, not a mixture, not the original
    await until('the log line', async () => (/rules reload failed/.test(out.stdout) ? true : undefined), 5000);
    expect(out.stdout).toContain(WATCHED_RULE);
    expect((await get(base, '/healthz')).status).toBe(200);

    await stop(child);
    expect(child.exitCode === 0 || child.signalCode !== null).toBe(true);
  });
});
