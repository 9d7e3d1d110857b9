import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR } from '../../loader/load.ts';
import { children, freePort, serve, stop, until } from './serve-helpers.ts';

/** The server as a process, over real sockets: what app.inject cannot show (drain, Node's own timeouts and parser errors). */
afterAll(async () => {
  for (const child of children) await stop(child);
});

async function started(env: Record<string, string> = {}) {
  const port = await freePort();
  const s = serve(BUNDLED_RULES_DIR, port, { RATE_LIMIT_MAX: '0', ...env });
  const base = `http://127.0.0.1:${port}`;
  await until('the server to listen', async () => ((await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) })).ok ? true : undefined));
  return { ...s, port, base };
}

/** Writes raw bytes and collects what comes back until the server closes the connection. */
function raw(port: number, chunks: string[], everyMs = 0): Promise<{ text: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (d) => (text += d.toString()));
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, ms: Date.now() - t0 });
    });
    socket.on('error', reject);
    socket.on('connect', () => {
      if (everyMs === 0) for (const c of chunks) socket.write(c);
      else {
        let i = 0;
        timer = setInterval(() => {
          if (i < chunks.length && !socket.destroyed) socket.write(chunks[i++]!);
        }, everyMs);
      }
    });
  });
}

const item = { asOf: '2014-06-01', profile: { location: { city: 'foshan' }, industry: { keys: ['ceramics'] }, energy: { exceedsConsumptionQuota: true } } };

describe('cleanprod serve as a process', () => {
  it('SIGTERM during a large answer: the answer is finished whole, new connections are refused, then the process exits (finding 4)', async () => {
    const { child, port, out } = await started({ DRAIN_TIMEOUT_MS: '60000' });
    const body = JSON.stringify(Array.from({ length: 1000 }, () => item));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let refused: boolean | undefined;
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        { port, host: '127.0.0.1', method: 'POST', path: '/v1/evaluate/batch', headers: { 'content-type': 'application/json' } },
        (res) => {
          const parts: Buffer[] = [];
          let signalled = false;
          res.on('data', (d: Buffer) => {
            parts.push(d);
            if (!signalled) {
              // the first bytes are here: stop reading for a while (a slow reader), and ask the server to stop
              signalled = true;
              res.pause();
              child.kill('SIGTERM');
              setTimeout(() => {
                // while draining, a new connection is refused
                fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
                  () => (refused = false),
                  () => (refused = true),
                );
              }, 500);
              setTimeout(() => res.resume(), 1500);
            }
          });
          res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(parts).toString() }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(200);
    expect(answer.text.length).toBeGreaterThan(20_000_000);
    const items = JSON.parse(answer.text) as { index: number; ok: boolean }[];
    expect(items.length).toBe(1000);
    expect(items.every((x, i) => x.index === i && x.ok)).toBe(true);
    expect(refused).toBe(true);
    expect(await exited).toBe(0);
    expect(out.stdout).toMatch(/draining/);
    expect(out.stdout).toMatch(/drained: every answer finished/);
  }, 120_000);

  it('REQUEST_TIMEOUT_MS holds: headers or a body trickled past it get 408 problem+json in about that time (finding 7)', async () => {
    const { port } = await started({ REQUEST_TIMEOUT_MS: '1500' });
    const headers = ['POST /v1/evaluate HTTP/1.1\r\n', 'Host: x\r\n', ...Array.from({ length: 60 }, (_, i) => `X-${i}: y\r\n`)];
    const slowHeaders = await raw(port, headers, 250);
    expect(slowHeaders.text).toMatch(/^HTTP\/1\.1 408/);
    expect(slowHeaders.text).toMatch(/application\/problem\+json/);
    expect(slowHeaders.ms).toBeLessThan(4000);
    const slowBody = await raw(
      port,
      ['POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n', ...'{"profile":{}}'.split('')],
      250,
    );
    expect(slowBody.text).toMatch(/^HTTP\/1\.1 408/);
    expect(slowBody.ms).toBeLessThan(4000);
  }, 30_000);

  it("Node's own refusals are problem+json: a long URL, an unknown method, malformed HTTP (finding 7)", async () => {
    const { port } = await started();
    const long = await raw(port, [`GET /v1/rulesets/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expect(long.text).toMatch(/^HTTP\/1\.1 414/);
    const longBody = JSON.parse(long.text.slice(long.text.indexOf('\r\n\r\n') + 4));
    expect(longBody).toMatchObject({ status: 414, type: expect.stringMatching(/uri-too-long$/), errors: [{ path: '(url)' }] });
    const method = await raw(port, ['FROB /v1/evaluate HTTP/1.1\r\nHost: x\r\n\r\n']);
    expect(method.text).toMatch(/^HTTP\/1\.1 400/);
    expect(method.text).toMatch(/Content-Type: application\/problem\+json/);
    expect(method.text).toMatch(/unknown-method/);
    const known = await raw(port, ['DELETE /v1/evaluate HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
    expect(known.text).toMatch(/^HTTP\/1\.1 405/);
    expect(known.text).toMatch(/allow: POST/i);
    const garbage = await raw(port, ['\u0001\u0002 not http\r\n\r\n']);
    expect(garbage.text).toMatch(/^HTTP\/1\.1 400[\s\S]*application\/problem\+json/);
  }, 30_000);

  it('X-Request-Id is accepted, echoed and in every log line of the request; an unsafe one is replaced', async () => {
    const { base, out } = await started();
    const r = await fetch(`${base}/v1/rulesets`, { headers: { 'x-request-id': 'caller-42.abc' } });
    expect(r.headers.get('x-request-id')).toBe('caller-42.abc');
    await until('the log lines', async () => ((out.stdout.match(/"reqId":"caller-42\.abc"/g) ?? []).length >= 2 ? true : undefined), 5000);
    const unsafe = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'x'.repeat(500) } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  }, 30_000);

  it('RULES_DIR naming a file: a sentence on stderr, exit code 1, no raw ENOTDIR (finding 7)', async () => {
    const port = await freePort();
    const { out, exited } = serve(join(BUNDLED_RULES_DIR, 'derived-facts.yaml'), port);
    expect(await exited).toBe(1);
    expect(out.stderr).toMatch(/is a file, not a rules directory/);
    expect(out.stderr).not.toMatch(/ENOTDIR/);
  }, 30_000);
});
