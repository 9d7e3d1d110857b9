import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../server/app.ts';
import { loadRuleBase } from '../../loader/index.ts';
import { launchChromium } from '../support/chromium.ts';

/** Where the browser tests put their screenshots (tests/artifacts/, not committed). */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** A served app and a chromium, started on first use and stopped by `stop`. */
export function browserHarness(options: Partial<AppOptions> = {}) {
  let app: FastifyInstance | undefined;
  let origin = '';
  let launching: Promise<Awaited<ReturnType<typeof launchChromium>>> | undefined;
  const start = async () => {
    app = buildApp({ base: loadRuleBase(), today: () => '2017-06-01', ...options });
    await app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    mkdirSync(ARTIFACTS, { recursive: true });
  };
  const browser = async (): Promise<BrowserContext> => {
    launching ??= launchChromium({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    return (await launching).context;
  };
  /** Opens a page of the app and waits until it says it is ready; console errors and failed requests are collected. */
  const open = async (path: string, width = 1280, height = 900): Promise<Page & { errors: string[] }> => {
    const page = (await (await browser()).newPage()) as Page & { errors: string[] };
    await page.setViewportSize({ width, height });
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') page.errors.push(`${m.text()} ${m.location().url}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) page.errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${origin}${path}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    return page;
  };
  const stop = async () => {
    await (await launching?.catch(() => undefined))?.close();
    await app?.close();
  };
  return { start, stop, open, app: () => app!, origin: () => origin };
}

/** Whether the page scrolls sideways (it must not at 375 px). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const s = document.scrollingElement!;
    return s.scrollWidth > s.clientWidth;
  });
}
