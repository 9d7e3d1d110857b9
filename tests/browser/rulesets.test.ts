import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_DIR } from '../../server/routes/page.ts';
import { ARTIFACTS, browserHarness, scrollsSideways } from './browser-helpers.ts';

/**
 * The policy staff's page, /rulesets, in Debian's chromium (it fails, never skips, without one): the rule-set list,
 * a version's source text with its rules and an unquoted passage, a rule's conditions and golden cases, the diff of
 * cppl 1.0.0 → 2.0.0 with its new 高耗能 ground, the impact chart with example profiles that open in /, zh and en,
 * 375 px. Screenshots go to tests/artifacts/rulesets-*.png.
 */
const harness = browserHarness();
beforeAll(harness.start);
afterAll(harness.stop);

const HIGH = 'cppl-2012-art27-2-2-high-energy';
const CSV = fileURLToPath(new URL('../../examples/enterprises.csv', import.meta.url));

describe('/rulesets: serving', () => {
  it('preloads every module it imports (its own under rulesets/ and the shared ones), each small and type-checked', async () => {
    const html = (await harness.app().inject({ url: '/rulesets' })).body;
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/assets/rulesets/app.js">']);
    // The modules app.js reaches, following the imports.
    const reached = new Set<string>();
    const visit = (path: string) => {
      for (const m of readFileSync(join(PUBLIC_DIR, path), 'utf8').matchAll(/^import .* from '(\.{1,2}\/[\w/-]+\.js)';$/gm)) {
        const target = join(path, '..', m[1]!).replaceAll('\\', '/');
        if (!reached.has(target)) {
          reached.add(target);
          visit(target);
        }
      }
    };
    visit('rulesets/app.js');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/assets\/([\w/-]+\.js)">/g)].map((m) => m[1]);
    expect(preloaded.sort()).toEqual([...reached].sort());
    for (const file of readdirSync(join(PUBLIC_DIR, 'rulesets'))) {
      const source = readFileSync(join(PUBLIC_DIR, 'rulesets', file), 'utf8');
      expect(source.split('\n').length, file).toBeLessThan(300);
      expect(source.startsWith('// @ts-check\n'), file).toBe(true);
      const r = await harness.app().inject({ url: `/assets/rulesets/${file}` });
      expect(r.statusCode, file).toBe(200);
      expect(r.headers['content-type'], file).toMatch(/javascript/);
    }
  });
});

describe('/rulesets in chromium', () => {
  it('lists every rule set and version with period, jurisdiction, assumptions and CHANGELOG; links back to /', async () => {
    const page = await harness.open('/rulesets');
    const ids = await page.locator('.ruleset-card').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    const sets = (await harness.app().inject({ url: '/v1/rulesets' })).json() as { id: string; versions: unknown[] }[];
    expect(ids).toEqual(sets.map((s) => s.id));
    const cppl = page.locator('#set-cppl');
    expect(await cppl.locator('tbody tr').count()).toBe(sets.find((s) => s.id === 'cppl')!.versions.length);
    expect(await cppl.locator('tr[data-version="2.0.0"]').textContent()).toContain('2012-07-01 – 至今');
    expect(await cppl.locator('.meta').textContent()).toContain('适用地域: 全国');
    expect(await page.locator('#set-foshan-cp-plan-2011 .meta').textContent()).toContain('佛山 (禅城, 南海, 顺德, 高明, 三水)');
    await cppl.locator('details[data-version="2.0.0"] > summary').click();
    await expect.poll(() => cppl.locator('details[data-version="2.0.0"] dl.assumptions').textContent()).toContain('start-date');
    await cppl.locator('.changelog-box > summary').click();
    await expect.poll(() => cppl.locator('.changelog').textContent()).toContain('2.0.0 (in force from 2012-07-01)');
    expect(await cppl.locator('.changelog h4, .changelog h5').count()).toBeGreaterThan(3);
    await cppl.screenshot({ path: join(ARTIFACTS, 'rulesets-list-zh.png') });
    expect(await page.locator('#to-self-assessment').getAttribute('href')).toBe('/');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await cppl.locator('tr[data-version="2.0.0"]').textContent()).toContain('2012-07-01 – open');
    expect(await cppl.locator('.meta').textContent()).toContain('Jurisdiction: China (national)');
    expect(await page.locator('#to-self-assessment').textContent()).toBe('Self-assessment');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows a version’s source text with the rules beside each passage, an unquoted passage marked, and a rule in words with its golden cases', async () => {
    const page = await harness.open('/rulesets');
    await page.getByLabel('规则集版本').selectOption('cppl@2.0.0');
    await page.getByRole('button', { name: '显示', exact: true }).click();
    const chip = page.locator(`.passage .rule-chip[data-rule="${HIGH}"]`);
    await chip.waitFor();
    const passage = page.locator('.passage', { has: page.locator(`.rule-chip[data-rule="${HIGH}"]`) });
    expect(await passage.locator('mark').first().textContent()).toContain('超过单位产品能源消耗限额标准构成高耗能的');
    const unquoted = page.locator('.passage.unquoted').first();
    expect(await unquoted.locator('.unquoted-badge').textContent()).toBe('未被引用');
    expect(await unquoted.isVisible()).toBe(true);
    const source = (await harness.app().inject({ url: '/v1/rulesets/cppl/versions/2.0.0/source' })).json();
    // The passages are drawn in slices after the first ones show: wait until every one is there.
    await expect.poll(() => page.locator('.passage.unquoted').count(), { timeout: 10_000 }).toBe(source.counts.passages - source.counts.quoted);
    expect(await page.locator('#source-stats').textContent()).toContain(`${source.counts.passages - source.counts.quoted} 段未被任何规则引用`);
    await chip.click();
    const panel = page.locator('#rule-panel');
    await panel.locator('.rule-detail').waitFor();
    expect(await panel.locator('#rule-conditions').textContent()).toBe('超过单位产品能耗限额标准要求：是');
    expect(await panel.locator('dd[data-outcome="mandatory"]').textContent()).toBe('须实施强制性清洁生产审核');
    expect(await panel.locator('#rule-cases li').count()).toBeGreaterThan(0);
    expect(await panel.locator('#rule-cases a').first().getAttribute('href')).toMatch(/^\/#profile=[\w-]+&asOf=\d{4}-\d{2}-\d{2}$/);
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await passage.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'rulesets-source-rule-zh.png') });
    // In English the rule is worded again; only the unquoted passages on request.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => panel.locator('#rule-conditions').textContent()).toBe('Exceeds the energy-consumption quota required: yes');
    await page.getByLabel('Only passages no rule quotes').check();
    await expect.poll(() => page.locator('.passage.quoted').first().isVisible()).toBe(false);
    expect(await page.locator('.passage.unquoted').first().isVisible()).toBe(true);
    expect(await page.locator('.passage.unquoted .unquoted-badge').first().textContent()).toBe('not quoted');
    await page.locator('#source').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'rulesets-source-unquoted-en.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('the diff of cppl 1.0.0 → 2.0.0 shows the new 高耗能 ground in words, and each changed rule with its counterexample (zh and en)', async () => {
    const page = await harness.open('/rulesets');
    await page.locator('#diff-ruleset').selectOption('cppl');
    await page.locator('#diff-from').selectOption('1.0.0');
    await page.locator('#diff-to').selectOption('2.0.0');
    await page.getByRole('button', { name: '比较' }).click();
    const added = page.locator(`#diff-added .diff-rule[data-id="${HIGH}"]`);
    await added.waitFor();
    expect(await page.locator('#diff-summary').textContent()).toBe('新增 12 条、删除 0 条、修改 6 条、未变 0 条规则。');
    expect(await added.locator('h5').textContent()).toBe('+ 超过能耗限额标准构成高耗能的企业应实施强制性清洁生产审核');
    expect(await added.locator('.condition-tree').textContent()).toBe('超过单位产品能耗限额标准要求：是');
    expect(await added.locator('.meta').textContent()).toContain('须实施强制性清洁生产审核');
    expect(await added.locator('blockquote').textContent()).toBe('超过单位产品能源消耗限额标准构成高耗能的');
    const differs = page.locator('#diff-changed .diff-rule[data-verdict="differs"]').first();
    expect(await differs.locator('.counterexample tbody tr').count()).toBeGreaterThan(0);
    await added.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'rulesets-diff-zh.png') });
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.locator(`#diff-added .diff-rule[data-id="${HIGH}"] .condition-tree`).textContent())
      .toBe('Exceeds the energy-consumption quota required: yes');
    expect(await page.locator('#diff-summary').textContent()).toBe('12 rules added, 0 removed, 6 changed, 0 unchanged.');
    expect(await page.locator(`#diff-added .diff-rule[data-id="${HIGH}"] h5`).textContent()).toBe('+ Over the energy-consumption quota: mandatory audit');
    await page
      .locator('#diff-changed .diff-rule[data-verdict="differs"]')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'rulesets-diff-changed-en.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('the impact chart of cppl 1.0.0 → 2.0.0 renders the status transitions, by city and by industry; an example opens in /', async () => {
    const page = await harness.open('/rulesets');
    await page.locator('#impact-ruleset').selectOption('cppl');
    await page.locator('#impact-to').selectOption('2.0.0');
    await page.getByLabel('数量').fill('2000');
    await page.getByLabel('随机种子').fill('42');
    await page.getByRole('button', { name: '计算影响' }).click();
    const chart = page.locator('svg#impact-transitions');
    await chart.waitFor({ timeout: 60_000 });
    const api = (
      await harness
        .app()
        .inject({ method: 'POST', url: '/v1/rulesets/cppl/impact/detail', payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 2000, seed: 42 } } })
    ).json() as { transitions: { from: string; to: string; count: number }[] };
    const up = api.transitions.find((t) => t.from === 'encouraged' && t.to === 'mandatory')!;
    const bar = chart.locator('g.bar[data-key="encouraged>mandatory"]');
    expect(await bar.getAttribute('data-value')).toBe(String(up.count));
    expect(await bar.locator('text.bar-label').textContent()).toBe('鼓励自愿开展审核 → 须实施强制性清洁生产审核');
    expect(await bar.locator('text.bar-value').textContent()).toBe(String(up.count));
    expect((await bar.locator('rect').boundingBox())!.width).toBeGreaterThan(50);
    expect(await page.locator('svg#impact-city g.bar').count()).toBeGreaterThan(3);
    expect(await page.locator('svg#impact-industry g.bar').count()).toBeGreaterThan(3);
    expect(await page.locator('svg#impact-city g.bar text.bar-label').first().textContent()).toMatch(/^[\u3400-\u9fff]+ \(\d+\/\d+\)$/);
    await page.locator('#impact-body').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'rulesets-impact-zh.png') });
    await page.getByRole('button', { name: 'English' }).click();
    expect(await bar.locator('text.bar-label').textContent()).toBe('Audit encouraged (voluntary) → Mandatory cleaner-production audit');
    await page.screenshot({ path: join(ARTIFACTS, 'rulesets-impact-en.png') });
    // An example profile opens in the self-assessment page, filled in and evaluated: mandatory, as the chart says.
    const href = await page.locator('[data-transition="encouraged>mandatory"] a').first().getAttribute('href');
    const example = await harness.open(href!);
    await example.waitForSelector('#result:not([hidden]) #audit-status');
    expect(await example.locator('#audit-status').getAttribute('data-status')).toBe('mandatory');
    expect(await example.locator('#link-status').textContent()).toBe('已按链接中的企业档案填写表单。');
    expect(await example.locator('#asOf').inputValue()).toBe('2012-07-01');
    expect(example.errors).toEqual([]);
    await example.close();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('an uploaded CSV: the 60-row example gives 57 profiles, the three bad rows listed', async () => {
    const page = await harness.open('/rulesets');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('#impact-to').selectOption('2.0.0');
    await page.getByLabel('Upload a file (CSV or JSONL)').check();
    await page.locator('#impact-file').setInputFiles(CSV);
    await page.getByRole('button', { name: 'Compute the impact' }).click();
    await page.locator('#impact-summary').waitFor({ timeout: 60_000 });
    expect(await page.locator('#impact-summary').textContent()).toMatch(/^On 2012-07-01, 57 enterprises judged under both versions/);
    expect(await page.locator('.skipped li').allTextContents()).toEqual([
      expect.stringMatching(/^row 11: /),
      expect.stringMatching(/^row 26: /),
      expect.stringMatching(/^row 41: /),
    ]);
    await page.locator('#impact-body').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'rulesets-impact-file-en.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('on a 375px-wide screen nothing scrolls sideways: list, source, diff and impact', async () => {
    const page = await harness.open('/rulesets', 375, 812);
    await page.locator(`.rule-chip[data-rule]`).first().click();
    await page.locator('#rule-panel .rule-detail').waitFor();
    await page.locator('#diff-to').selectOption('2.0.0');
    await page.getByRole('button', { name: '比较' }).click();
    await page.locator(`#diff-added .diff-rule[data-id="${HIGH}"]`).waitFor();
    await page.locator('#impact-to').selectOption('2.0.0');
    await page.getByLabel('数量').fill('500');
    await page.getByRole('button', { name: '计算影响' }).click();
    await page.locator('svg#impact-transitions').waitFor({ timeout: 60_000 });
    expect(await scrollsSideways(page)).toBe(false);
    const chart = (await page.locator('svg#impact-transitions').boundingBox())!;
    expect(chart.x + chart.width).toBeLessThanOrEqual(375);
    await page.locator('#impact-body').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'rulesets-375px-impact.png') });
    await page.locator(`#diff-added .diff-rule[data-id="${HIGH}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'rulesets-375px-diff.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
