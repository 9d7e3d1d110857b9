import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { bundled } from '../support/rulebase.ts';
import { launchChromium } from '../support/chromium.ts';

/**
 * The security headers must not break what people open in a browser: Swagger UI at /docs renders the API under its
 * own CSP with no violation, and the page at / loads under the shared CSP. Uses Debian's chromium like
 * tests/browser (CHROMIUM_PATH overrides); without it this FAILS rather than skips.
 */
let app: FastifyInstance;
let origin = '';
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

beforeAll(async () => {
  app = buildApp({ base: bundled(), today: () => '2017-06-01' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(path: string, ready: string) {
  const page = await browser!.context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`));
  await page.goto(origin + path, { timeout: 20_000 });
  await page.waitForSelector(ready, { timeout: 20_000 });
  return { page, violations };
}

describe('CSP in a real browser', () => {
  it('Swagger UI at /docs renders the operations with no CSP violation', async () => {
    const { page, violations } = await open('/docs/', '.opblock-summary-path');
    const paths = await page.locator('.opblock-summary-path').allTextContents();
    expect(paths.join(' ')).toContain('/v1/evaluate');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the page at / loads under the shared CSP with no violation', async () => {
    const { page, violations } = await open('/', 'form');
    expect(violations).toEqual([]);
    await page.close();
  });
});
