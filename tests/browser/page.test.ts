import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionOn } from '../support/versions.ts';
import { ARTIFACTS, browserHarness } from './browser-helpers.ts';

/**
 * The self-assessment page, driven in Debian's chromium. Without chromium these tests FAIL (never skip): install it
 * with `apt-get install -y chromium`, or point CHROMIUM_PATH at a chromium binary.
 */
const harness = browserHarness();
beforeAll(harness.start);
afterAll(harness.stop);
const open = (width = 1280, height = 900) => harness.open('/', width, height);
const pageErrors = (page: Page & { errors: string[] }) => page.errors;

/** Submits the form and waits for the answer to be rendered. */
async function evaluate(page: Page): Promise<Record<string, unknown>> {
  const response = page.waitForResponse((r) => r.url().endsWith('/v1/evaluate'));
  await page.getByRole('button', { name: /^(评估|Evaluate)$/ }).click();
  const r = await response;
  expect(r.status()).toBe(200);
  await page.waitForSelector('#result:not([hidden]) #audit-status');
  return { request: r.request(), answer: await r.json() };
}

describe('self-assessment page in chromium', () => {
  it('a Foshan ceramics maker over its energy quota (2014-06-01): the screener asks, the verdict is mandatory, with its quoted basis', async () => {
    const page = await open();
    // zh is the default; the form starts with the screener's first questions only.
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.locator('#f-energy-exceedsConsumptionQuota').isVisible()).toBe(false);
    await page.getByLabel('评估日期').fill('2014-06-01');
    await page.getByLabel('所属领域').selectOption('industry');
    await page.getByLabel('地级市').selectOption('foshan');
    await page.getByLabel('区/县', { exact: true }).selectOption('nanhai');
    await page.getByLabel('筛选行业').fill('陶瓷');
    await page.getByLabel('陶瓷', { exact: true }).check();
    const first = await evaluate(page);
    const firstAnswer = first.answer as { summary: { audit: { status: string; couldBe: string[] } }; questions: { fact: string }[] };
    expect(firstAnswer.summary.audit.status).toBe('required');
    expect(firstAnswer.summary.audit.couldBe).toContain('mandatory');
    expect(await page.locator('#audit-status').textContent()).toBe('须按规划完成清洁生产审核');
    // The answer's questions now appear, most decisive first: the law's pollution grounds, then (once answered) the
    // energy quota.
    const quota = page.locator('#f-energy-exceedsConsumptionQuota');
    expect(firstAnswer.questions.slice(0, 10).map((q) => q.fact)).toContain('energy.exceedsConsumptionQuota');
    expect(await page.locator('#screener-list li').count()).toBeGreaterThan(0);
    expect(await page.locator('#screener-list li').first().textContent()).toBe('污染物排放超标');
    expect(await page.locator('#f-conduct-falsifiedAudit').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'page-foshan-screener-zh.png'), fullPage: true });
    for (const ground of ['污染物排放超标', '超过污染物排放总量控制指标', '使用有毒有害原料', '排放有毒有害物质'])
      await page.getByLabel(ground).selectOption('false');
    await evaluate(page);
    await expect.poll(() => quota.isVisible()).toBe(true);
    await page.getByLabel('超过单位产品能耗限额标准').selectOption('true');
    const second = await evaluate(page);
    const request = second.request as { headers(): Record<string, string>; postDataJSON(): unknown };
    expect(request.headers()['accept-language']).toMatch(/^zh/);
    expect(request.postDataJSON()).toMatchObject({
      asOf: '2014-06-01',
      profile: {
        sector: 'industry',
        location: { city: 'foshan', district: 'nanhai' },
        industry: { keys: ['ceramics'] },
        energy: { exceedsConsumptionQuota: true },
        environment: { exceedsDischargeStandard: false, exceedsTotalQuota: false, usesToxicRawMaterials: false, dischargesToxicSubstances: false },
      },
    });
    expect(await page.locator('#audit-status').getAttribute('data-status')).toBe('mandatory');
    expect(await page.locator('#audit-status').textContent()).toBe('须实施强制性清洁生产审核');
    expect(await page.locator('#audit-due').textContent()).toBe('2015-12-31');
    expect(await page.locator('#audit-overdue').textContent()).toBe('否');
    const verdict = page.locator('#verdict');
    await expect.poll(() => verdict.textContent()).toContain('超过单位产品能源消耗限额标准构成高耗能的');
    expect(await verdict.textContent()).toContain('中华人民共和国清洁生产促进法（2012年修正）');
    expect(await verdict.textContent()).toContain('第二十七条第二款第（二）项');
    expect(await verdict.textContent()).toContain(`cppl v${versionOn('cppl', '2014-06-01').version}`);
    // By when, and under which rule: the 2015 cell of Foshan's 表8, not the law's dateless ground.
    expect(await page.locator('#audit-due-basis').textContent()).toContain('fs2011-t8-nonmetallic-2011-2015-ceramics-glass-sanitary');
    expect(await page.locator('#incentives .decision').count()).toBeGreaterThan(0);
    expect(await page.locator('#obligations').textContent()).toContain('强制性审核企业应报告审核结果并在主要媒体上公布');
    expect(await page.locator('#why-not').textContent()).toContain('企业情况');
    expect(await page.locator('#warnings').textContent()).toContain('gd-green-cp-opinions-2016');
    await verdict.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'page-foshan-ceramics-zh.png'), fullPage: false });

    // Switch to English: labels and titles follow; the quote stays verbatim Chinese.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#audit-status').textContent()).toBe('Mandatory cleaner-production audit');
    expect(await page.locator('#verdict-h').textContent()).toBe('Audit verdict');
    expect(await page.locator('label[for="f-energy-exceedsConsumptionQuota"]').textContent()).toBe('Exceeds the energy-consumption quota');
    expect(await page.locator('label[for="asOf"]').textContent()).toBe('Assess as of');
    expect(await page.locator('#obligations').textContent()).toContain('Mandatory-audit enterprises report their results');
    expect(await verdict.textContent()).toContain('超过单位产品能源消耗限额标准构成高耗能的');
    const third = await evaluate(page);
    expect((third.request as { headers(): Record<string, string> }).headers()['accept-language']).toMatch(/^en/);
    await page.locator('#result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'page-foshan-ceramics-en.png'), fullPage: true });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('a simple low-impact workshop in Guangzhou (2017-06-01), on the full form: the simplified route, filed with the city', async () => {
    const page = await open();
    await page.getByLabel('显示完整表单').check();
    await expect.poll(() => page.locator('#f-process-simple').isVisible()).toBe(true);
    await page.getByLabel('评估日期').fill('2017-06-01');
    await page.getByLabel('企业名称').fill('广州某五金加工坊');
    await page.getByLabel('所属领域').selectOption('industry');
    await page.getByLabel('地级市').selectOption('guangzhou');
    await page.getByLabel('区/县（拼音）').fill('baiyun');
    await page.getByLabel('金属制品', { exact: true }).check();
    await page.getByLabel('年主营业务收入（万元）').fill('800');
    await page.getByLabel('生产工艺简单').selectOption('true');
    await page.getByLabel('环境影响较小').selectOption('true');
    await page.getByLabel('超过单位产品能耗限额标准').selectOption('false');
    await page.getByLabel('重点用能单位').selectOption('false');
    await page.getByLabel('高排放 / 污染企业').selectOption('false');
    // The law's pollution grounds would also put it on the standard route (2016 opinions 1.2.0): none holds.
    for (const ground of ['污染物排放超标', '超过污染物排放总量控制指标', '使用有毒有害原料', '排放有毒有害物质'])
      await page.getByLabel(ground).selectOption('false');
    await page.getByLabel('列入能源重点监控名单').selectOption('false');
    await page.getByLabel('列入环境重点监控名单').selectOption('false');
    await page.getByLabel('是否持有清洁生产称号').selectOption('none');
    await page.getByLabel('上一轮清洁生产审核').selectOption('never');
    const { request, answer } = await evaluate(page);
    expect((request as { postDataJSON(): unknown }).postDataJSON()).toMatchObject({
      asOf: '2017-06-01',
      profile: {
        name: '广州某五金加工坊',
        location: { city: 'guangzhou', district: 'baiyun' },
        industry: { keys: ['metal-products'] },
        size: { annualRevenue: 800 },
        process: { simple: true, lowImpact: true },
        titles: [],
        audit: { lastCompleted: null },
      },
    });
    expect((answer as { summary: { process: { route: string } } }).summary.process.route).toBe('simplified');
    expect(await page.locator('#process-route').textContent()).toBe('简化审核流程');
    expect(await page.locator('#process-acceptance').textContent()).toBe('报送备案');
    const verdict = page.locator('#verdict');
    // The quote exactly as the source text has it (the 2016 opinions' text is in traditional characters).
    expect(await verdict.textContent()).toContain('對於生產工藝簡單、環境影響較少的企業,有關部門會簡化其審核流程');
    expect(await verdict.textContent()).toContain(`gd-green-cp-opinions-2016 v${versionOn('gd-green-cp-opinions-2016', '2017-06-01').version}`);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#process-route').textContent()).toBe('Simplified route');
    expect(await page.locator('label[for="f-process-simple"]').textContent()).toBe('Simple production process');
    expect(await page.locator('fieldset[data-group="process"] > legend').textContent()).toBe('Process');
    await page.locator('#verdict').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'page-guangzhou-workshop-en.png') });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('field hints speak the language chosen: Chinese with 中文, English with English, as GET /v1/labels gives them', async () => {
    const page = await open();
    await page.getByLabel('显示完整表单').check();
    const CJK = /[\u3400-\u9fff]/;
    /** Each field's hint on the page, by profile path. */
    const hints = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('#groups [data-path] > .hint')].map((el) => [el.parentElement!.dataset.path!, el.textContent ?? ''] as const),
      );
    const zh = await hints();
    expect(zh.length).toBeGreaterThan(40);
    const labels = {
      zh: (await harness.app().inject({ url: '/v1/labels?lang=zh' })).json(),
      en: (await harness.app().inject({ url: '/v1/labels?lang=en' })).json(),
    };
    for (const [path, text] of zh) {
      expect(text, path).toMatch(CJK);
      expect(text.startsWith(labels.zh.fields[path].hint), path).toBe(true);
    }
    const quota = page.locator('#f-energy-exceedsConsumptionQuota-hint');
    expect(await quota.textContent()).toBe('单位产品能源消耗超过国家或地方限额标准');
    expect(await page.locator('#f-energy-exceedsConsumptionQuota').getAttribute('aria-describedby')).toBe('f-energy-exceedsConsumptionQuota-hint');
    await page.getByRole('button', { name: 'English' }).click();
    const en = await hints();
    expect(en.map(([path]) => path)).toEqual(zh.map(([path]) => path));
    for (const [path, text] of en) {
      expect(text, path).not.toMatch(CJK);
      expect(text.startsWith(labels.en.fields[path].hint), path).toBe(true);
    }
    expect(await quota.textContent()).toBe('energy use per unit of product above the national or local quota standard');
    await page.locator('fieldset[data-group="energy"]').screenshot({ path: join(ARTIFACTS, 'page-hints-en.png') });
    await page.getByRole('button', { name: '中文' }).click();
    expect(await hints()).toEqual(zh);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('every control has a label, and the form can be filled and submitted with the keyboard alone', async () => {
    const page = await open();
    await page.getByLabel('显示完整表单').check();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => !(el as HTMLElement).closest('[hidden]'))
        .filter((el) => !el.id || !document.querySelector(`label[for="${CSS.escape(el.id)}"]`))
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unlabelled).toEqual([]);
    await page.getByLabel('显示完整表单').uncheck();
    await page.getByLabel('评估日期').fill('2014-06-01');
    await page.getByLabel('所属领域').focus();
    await page.keyboard.press('ArrowDown'); // the first sector, industry
    await page.locator('#f-sector').press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-location-city');
    await page.getByLabel('年主营业务收入（万元）').focus();
    await page.keyboard.type('3000');
    await page.keyboard.press('Enter'); // submits the form
    await page.waitForSelector('#result:not([hidden]) #audit-status');
    // After evaluating, focus moves to the first new question.
    const focused = await page.evaluate(() => document.activeElement?.closest('.field')?.getAttribute('data-path'));
    expect(focused).toBeTruthy();
    await page.close();
  });

  it('on a 375px-wide screen the result is visible without horizontal scrolling', async () => {
    const page = await open(375, 812);
    await page.getByLabel('评估日期').fill('2014-06-01');
    await page.getByLabel('所属领域').selectOption('industry');
    await page.getByLabel('地级市').selectOption('foshan');
    await page.getByLabel('区/县', { exact: true }).selectOption('nanhai');
    await page.getByLabel('陶瓷', { exact: true }).check();
    await evaluate(page);
    for (const ground of ['污染物排放超标', '超过污染物排放总量控制指标', '使用有毒有害原料', '排放有毒有害物质'])
      await page.getByLabel(ground).selectOption('false');
    await evaluate(page);
    await page.getByLabel('超过单位产品能耗限额标准').selectOption('true');
    await page.getByLabel('显示完整表单').check();
    await evaluate(page);
    await page.locator('#verdict').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await page.locator('#verdict').isVisible()).toBe(true);
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const s = document.scrollingElement!;
      return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth };
    });
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const box = await page.locator('#verdict').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'page-375px.png') });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
