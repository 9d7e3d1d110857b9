import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_COLUMNS } from '../../cli/batch/output.ts';
import { outputHeader } from '../../cli/batch/header-names.ts';
import { GUANGDONG_CITIES, INDUSTRIES } from '../../schemas/index.ts';
import { FIELD_TEXT } from '../../schemas/labels/index.ts';
import { PUBLIC_DIR } from '../../server/routes/page.ts';
import { ARTIFACTS, browserHarness } from './browser-helpers.ts';

/**
 * The officials' batch page (/batch), driven in Debian's chromium: upload the 60-row example (three rows deliberately
 * wrong), follow the progress, read the summary and its charts, download 60 result rows with the three explained — in
 * Chinese and English, and on a 375 px screen. Without chromium these tests FAIL (never skip).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = readFileSync(join(ROOT, 'examples/enterprises.csv'));
const BATCH_DIR = join(PUBLIC_DIR, 'batch');

const harness = browserHarness({ rateLimitMax: 0 });
beforeAll(harness.start);
afterAll(harness.stop);
/** Opens /batch and waits for it to be ready; `errors` collects page errors and failed requests. */
const open = (width = 1280, height = 900, query = '') => harness.open(`/batch${query}`, width, height);

/** Chooses a file, the date and (optionally) the result's language, and starts. */
async function uploadFile(page: Page, file: { name: string; buffer: Buffer }, asOf: string, language?: 'zh' | 'en') {
  await page.setInputFiles('#file', { name: file.name, mimeType: file.name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream', buffer: file.buffer });
  await page.fill('#asOf', asOf);
  if (language) await page.selectOption('#language', language);
  await page.click('#start');
}

/** Waits for the summary and returns the result file the download link points at, as CSV rows. */
async function summaryAndResult(page: Page): Promise<string[][]> {
  await page.waitForSelector('#summary:not([hidden]) #download', { timeout: 120_000 });
  const href = await page.getAttribute('#download', 'href');
  expect(href).toMatch(/^\/v1\/jobs\/[0-9a-f-]{36}\/result$/);
  const r = await fetch(`${harness.origin()}${href}`);
  expect(r.status).toBe(200);
  return parse(await r.text(), { bom: true }) as string[][];
}

describe('/batch: serving', () => {
  it('serves batch.html with the CSP, one module script, every module preloaded; each module small, type-checked, with no profile label of its own', async () => {
    const r = await harness.app().inject({ method: 'GET', url: '/batch' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.body.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/assets/batch/main.js">']);
    expect(r.body).not.toMatch(/\sstyle=/);
    const modules = readdirSync(BATCH_DIR).filter((f) => f.endsWith('.js'));
    const preloaded = [...r.body.matchAll(/<link rel="modulepreload" href="\/assets\/([\w/-]+\.js)">/g)].map((m) => m[1]);
    expect(preloaded.filter((p) => p?.startsWith('batch/')).sort()).toEqual(modules.filter((m) => m !== 'main.js').map((m) => `batch/${m}`));
    const texts = [
      ...Object.values(FIELD_TEXT).map((t) => t.label.zh),
      ...Object.values(INDUSTRIES).flatMap((i) => [i.zh, i.en]),
      ...Object.values(GUANGDONG_CITIES),
    ];
    for (const file of [...modules, 'batch.css']) {
      const source = readFileSync(join(BATCH_DIR, file), 'utf8');
      expect(source.split('\n').length, file).toBeLessThan(300);
      if (file.endsWith('.js')) expect(source.startsWith('// @ts-check\n'), file).toBe(true);
      expect(
        texts.filter((t) => source.includes(`'${t}'`)),
        file,
      ).toEqual([]);
      const asset = await harness.app().inject({ method: 'GET', url: `/assets/batch/${file}` });
      expect(asset.statusCode, file).toBe(200);
    }
  });

  it('the self-assessment page links to /batch in its header, and /batch back to /', async () => {
    const page = await open();
    await page.click('header a[href="/"]');
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('header a[href="/batch"]');
    await page.waitForSelector('#upload-form:not([hidden])');
    expect(page.url()).toBe(`${harness.origin()}/batch`);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe('/batch: a sheet in, a summary, the same kind of sheet out', () => {
  it('zh: the 60-row example → progress, a summary with its charts, the three bad rows explained, 60 result rows with Chinese headers', async () => {
    const page = await open();
    await page.screenshot({ path: join(ARTIFACTS, 'batch-upload-zh.png'), fullPage: false });
    await uploadFile(page, { name: 'enterprises.csv', buffer: EXAMPLE }, '2016-06-01');
    const rows = await summaryAndResult(page);
    expect(await page.textContent('#progress-text')).toMatch(/^评估完成：60 行（其中 3 行出错），用时 [\d.]+ 秒。$/);
    expect(await page.getAttribute('#progress', 'value')).toBe('100');
    const figures = await page.$$eval('.figure', (els) => els.map((e) => [e.querySelector('dt')?.textContent, e.querySelector('dd')?.textContent]));
    expect(figures.slice(0, 3)).toEqual([
      ['企业（行）', '60'],
      ['已评估', '57'],
      ['出错的行', '3'],
    ]);
    // the bad rows, explained on the page
    const failures = await page.$$eval('#failure-list li', (lis) =>
      lis.map((li) => [li.querySelector('.where')?.textContent, li.querySelector('.why')?.textContent]),
    );
    expect(failures.map((f) => f[0])).toEqual(['第 11 行 · B001 · 未知城市电镀厂', '第 26 行 · B002 · 营收填错陶瓷厂', '第 41 行 · B003 · 日期错误化工厂']);
    expect(failures[1]![1]).toBe("size.annualRevenue: 应为数字，实为 'about 5000'");
    // the charts: status, city, industry, each with bars and names from the labels
    const charts = await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => ({
        caption: f.querySelector('figcaption')?.textContent,
        bars: f.querySelectorAll('rect.bar').length,
        labels: [...f.querySelectorAll('text.label')].map((t) => t.childNodes[0]?.textContent),
      })),
    );
    expect(charts.map((c) => c.caption)).toEqual(['按审核要求', '按地级市', '按行业（企业最多的 12 个）']);
    for (const c of charts) expect(c.bars).toBeGreaterThan(3);
    expect(charts[0]!.labels).toContain('须实施强制性清洁生产审核');
    expect(charts[1]!.labels[0]).toBe(`${GUANGDONG_CITIES.meizhou} · 14 家`);
    expect(charts[2]!.labels[0]).toBe(`${INDUSTRIES['metal-products'].zh} · 5 家`);
    // the result: 60 rows, Chinese headers, the same three rows with their reasons
    expect(rows[0]).toEqual(outputHeader('zh'));
    expect(rows).toHaveLength(61);
    const error = OUTPUT_COLUMNS.indexOf('error');
    expect(rows.slice(1).flatMap((r) => (r[error] ? [Number(r[0])] : []))).toEqual([11, 26, 41]);
    await page.screenshot({ path: join(ARTIFACTS, 'batch-summary-zh.png'), fullPage: true });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('en: the page and the result in English; the summary follows a language switch', async () => {
    const page = await open(1280, 900, '?lang=en');
    expect(await page.textContent('h1')).toBe('Batch evaluation of enterprise lists');
    expect(await page.inputValue('#language')).toBe('en');
    await uploadFile(page, { name: 'enterprises.csv', buffer: EXAMPLE }, '2016-06-01');
    const rows = await summaryAndResult(page);
    expect(rows[0]).toEqual(outputHeader('en'));
    expect(rows).toHaveLength(61);
    const failures = await page.$$eval('#failure-list .why', (ps) => ps.map((p) => p.textContent));
    expect(failures[1]).toBe("size.annualRevenue: expected a number, got 'about 5000'");
    expect(await page.$$eval('figure.chart figcaption', (els) => els.map((e) => e.textContent))).toEqual([
      'By audit status',
      'By city',
      'By industry (the 12 with most enterprises)',
    ]);
    expect(await page.$$eval('#chart-city text.label', (els) => els.map((e) => e.childNodes[0]?.textContent))).toContain('Foshan · 13');
    await page.screenshot({ path: join(ARTIFACTS, 'batch-summary-en.png'), fullPage: true });
    // switching the page to Chinese redraws the summary in Chinese (the result file keeps its language)
    await page.click('#lang-zh');
    expect(await page.textContent('#chart-city figcaption')).toBe('按地级市');
    expect(await page.$$eval('#chart-city text.label', (els) => els.map((e) => e.childNodes[0]?.textContent))).toContain(`${GUANGDONG_CITIES.foshan} · 13 家`);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('tens of thousands of rows: the progress bar moves while the job runs, then the summary', async () => {
    const [header, ...data] = EXAMPLE.toString('utf8').trim().split('\n');
    const good = data.filter((l) => !l.startsWith('B00'));
    const lines = [header];
    for (let i = 0; i < 20_000; i++) lines.push(good[i % good.length]!.replace(/^[^,]*/, `R${i}`));
    const page = await open();
    await uploadFile(page, { name: 'register-20000.csv', buffer: Buffer.from(`${lines.join('\n')}\n`) }, '2014-06-01');
    const seen: number[] = [];
    await page.waitForFunction(() => {
      const bar = document.querySelector('#progress') as HTMLProgressElement;
      return bar.value > 5 && bar.value < 90;
    });
    seen.push(Number(await page.getAttribute('#progress', 'value')));
    expect(await page.textContent('#progress-text')).toMatch(/^已评估 [\d,]+ \/ 20,000 行$/);
    await page.screenshot({ path: join(ARTIFACTS, 'batch-progress-zh.png'), fullPage: false });
    const rows = await summaryAndResult(page);
    expect(rows).toHaveLength(20_001);
    expect(seen[0]).toBeGreaterThan(5);
    expect(await page.textContent('#progress-text')).toMatch(/^评估完成：20,000 行，用时/);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('a refused file: the page says why, naming the column', async () => {
    const page = await open();
    await uploadFile(page, { name: 'typo.csv', buffer: Buffer.from('id,location.cty\nE1,foshan\n') }, '2014-06-01');
    await page.waitForSelector('#upload-errors li');
    expect(await page.textContent('#upload-errors')).toContain('未知的列「location.cty」（第 2 列）：不是企业信息字段；是否想写「location.city」？');
    expect(await page.isHidden('#progress-section')).toBe(true);
    expect(page.errors.filter((e) => !e.includes('/v1/evaluate/file') && !e.includes('400'))).toEqual([]);
    await page.close();
  });
});

describe('/batch: at 375 px', () => {
  it('the upload, the summary, its charts and the columns fit the screen: no horizontal scrolling', async () => {
    const page = await open(375, 812);
    await uploadFile(page, { name: 'enterprises.csv', buffer: EXAMPLE }, '2016-06-01');
    await summaryAndResult(page);
    await page.click('#columns details summary');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    for (const box of await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(375);
    const labelSize = await page.$eval('#chart-city text.label', (t) => t.getBoundingClientRect().height);
    expect(labelSize).toBeGreaterThan(11); // drawn at the width shown: text stays readable
    await page.screenshot({ path: join(ARTIFACTS, 'batch-375px.png'), fullPage: true });
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
