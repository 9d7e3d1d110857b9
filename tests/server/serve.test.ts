import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { addDraftVersion, copyRules, WATCHED_REQUEST, WATCHED_RULE } from './rules-fixture.ts';
import { versionNames } from '../support/versions.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];
const cleanups: (() => void)[] = [];

afterAll(async () => {
  for (const child of children) await stop(child);
  for (const c of cleanups) c();
});

/** A port nobody is listening on now (PORT=0 would not tell us which one the server took). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function serve(rulesDir: string, port: number) {
  const child = spawn(process.execPath, ['bin/cleanprod.mjs', 'serve', '--rules-dir', rulesDir], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', RULES_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out, exited };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

/** Polls until check() returns a value (not undefined) or the deadline passes. */
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

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

    // a good change: a new draft version in which the watched rule no longer fires
    const draft = addDraftVersion(dir);
    child.kill('SIGHUP');
    const health1 = await until('the reload', async () => {
      const h = (await (await get(base, '/healthz')).json()) as {
        loadedAt: string;
        lastReload?: { ok: boolean };
        versions: { id: string; versions: { version: string }[] }[];
      };
      return h.lastReload ? h : undefined;
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
