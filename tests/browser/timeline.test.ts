import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserHarness, scrollsSideways } from './browser-helpers.ts';

/**
 * On the self-assessment page: a profile opened by link (`/#profile=…&asOf=…`) fills the form and is evaluated, and the
 * enterprise's timeline (POST /v1/timeline) is drawn under the verdict — periods of each audit status, due dates, and
 * the deadlines met and missed — with the same data as tables; zh and en; 375 px. Screenshots: tests/artifacts/timeline-*.png.
 */
const harness = browserHarness();
beforeAll(harness.start);
afterAll(harness.stop);

/** A Foshan paper mill over its energy quota that audited only in March 2016: it missed the 2015 due dates and made them up. */
const PROFILE = {
  name: '佛山某造纸厂',
  sector: 'industry',
  location: { city: 'foshan', district: 'nanhai' },
  industry: { keys: ['papermaking'] },
  size: { annualRevenue: 9000 },
  ownership: { centralSOE: false },
  energy: { exceedsConsumptionQuota: true },
  environment: { exceedsDischargeStandard: false },
  audit: { rounds: [{ completedOn: '2016-03-01' }] },
};
const link = (profile: unknown, asOf: string) => `/#profile=${Buffer.from(JSON.stringify(profile)).toString('base64url')}&asOf=${asOf}`;

describe('profile links', () => {
  it('carry a profile (Chinese text too) and a date in the fragment, and say when they cannot be read', async () => {
    const mod = await import(new URL('../../server/public/profile-link.js', import.meta.url).href);
    const href: string = mod.profileLink(PROFILE, '2023-06-01');
    expect(href).toMatch(/^\/#profile=[\w-]+&asOf=2023-06-01$/);
    expect(href).toBe(link(PROFILE, '2023-06-01'));
    expect(mod.readProfileLink(href.slice(1))).toEqual({ profile: PROFILE, asOf: '2023-06-01' });
    expect(mod.readProfileLink('#other=1')).toBeNull();
    expect(mod.readProfileLink('#profile=WzFd').error).toBe('not a JSON object');
    expect(mod.readProfileLink(`#profile=${'A'.repeat(mod.MAX_LINK + 1)}`).error).toMatch(/^longer than/);
    expect(mod.readProfileLink(`${href.slice(1).replace(/&asOf=.*/, '')}&asOf=tomorrow`)).toEqual({ profile: PROFILE });
    // Nested objects are walked down to the form's fields; arrays and lists of records are one value each.
    const paths = new Set(['location.city', 'industry.keys', 'audit.rounds', 'name']);
    expect([...mod.flatten(PROFILE, paths)]).toEqual([
      ['name', '佛山某造纸厂'],
      ['sector', 'industry'],
      ['location.city', 'foshan'],
      ['location.district', 'nanhai'],
      ['industry.keys', ['papermaking']],
      ['size.annualRevenue', 9000],
      ['ownership.centralSOE', false],
      ['energy.exceedsConsumptionQuota', true],
      ['environment.exceedsDischargeStandard', false],
      ['audit.rounds', [{ completedOn: '2016-03-01' }]],
    ]);
  });
});

describe('the timeline on /', () => {
  it('a linked profile is filled in and evaluated; its timeline shows each period, due date, met and missed deadline (zh, en)', async () => {
    const page = await harness.open(link(PROFILE, '2023-06-01'));
    await page.waitForSelector('#result:not([hidden]) #audit-status');
    expect(await page.locator('#f-name').inputValue()).toBe('佛山某造纸厂');
    expect(await page.locator('#f-location-city').inputValue()).toBe('foshan');
    expect(await page.locator('#f-location-district').inputValue()).toBe('nanhai');
    expect(await page.locator('#f-industry-keys-papermaking').isChecked()).toBe(true);
    expect(await page.locator('#f-audit-rounds-1-completedOn').inputValue()).toBe('2016-03-01');
    expect(await page.locator('#f-energy-exceedsConsumptionQuota').inputValue()).toBe('true');
    expect(await page.locator('#asOf').inputValue()).toBe('2023-06-01');
    expect(await page.locator('#link-refused').count()).toBe(0);
    // The header links to the policy staff's page.
    expect(await page.locator('#to-rulesets').getAttribute('href')).toBe('/rulesets');

    const chart = page.locator('#timeline svg.tl-chart');
    await chart.waitFor();
    const api = (
      await harness.app().inject({ method: 'POST', url: '/v1/timeline', payload: { profile: PROFILE, from: '2003-01-01', to: '2023-06-01' } })
    ).json() as {
      periods: { audit: { status: string } }[];
      points: { kind: string; date: string; id: string }[];
    };
    expect(await chart.locator('g.tl-period rect').count()).toBe(api.periods.length);
    expect(await chart.locator('.tl-s-mandatory').count()).toBeGreaterThan(0);
    expect(await chart.locator('.tl-due, .tl-met, .tl-missed, .tl-made-up').count()).toBe(api.points.length);
    expect(api.points.some((p) => p.kind === 'missed')).toBe(true);
    expect(api.points.some((p) => p.kind === 'made-up')).toBe(true);
    expect(await chart.locator('.tl-missed').count()).toBe(api.points.filter((p) => p.kind === 'missed').length);
    // A text alternative: the chart's title and description, and the same data as tables.
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('title#tl-title').textContent()).toBe('审核要求时间线');
    expect(await chart.locator('desc').textContent()).toMatch(
      /^2003-01-01 至 2023-06-01 共 \d+ 个时期（.*须实施强制性清洁生产审核.*）；错过的期限 [1-9]\d* 个。$/,
    );
    await page.locator('#timeline summary').click();
    expect(await page.locator('#tl-periods tbody tr').count()).toBe(api.periods.length);
    const missed = api.points.find((p) => p.kind === 'missed')!;
    expect(await page.locator('#tl-points tr[data-kind="missed"]').first().textContent()).toBe(`${missed.date}错过期限${missed.id}`);
    // The timeline comes right after the verdict it extends over time.
    expect(await page.evaluate(() => document.getElementById('verdict')?.nextElementSibling?.id)).toBe('timeline');
    await page.locator('#timeline').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-zh.png') });

    await page.getByRole('button', { name: 'English' }).click();
    const en = page.locator('#timeline svg.tl-chart');
    expect(await en.locator('title#tl-title').textContent()).toBe('Audit obligations over time');
    expect(await page.locator('#timeline .tl-legend').textContent()).toContain('Mandatory cleaner-production audit');
    expect(await page.locator('#timeline .tl-legend').textContent()).toContain('missed');
    expect(await page.locator('#timeline-h').textContent()).toBe('Audit obligations over time');
    await page.locator('#timeline').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-en.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('a link the form cannot fully take says which fields it left out; a broken link says so', async () => {
    const page = await harness.open(link({ sector: 'industry', location: { city: 'gotham' }, size: { annualRevenue: 5000 } }, '2014-06-01'));
    expect(await page.locator('#link-refused code').allTextContents()).toEqual(['location.city']);
    expect(await page.locator('#f-size-annualRevenue').inputValue()).toBe('5000');
    await page.close();
    const broken = await harness.open('/#profile=%%%');
    expect(await broken.locator('#link-status').textContent()).toMatch(/^无法读取链接中的企业档案：/);
    expect(await broken.locator('#result').isHidden()).toBe(true);
    await broken.close();
  });

  it('on a 375px-wide screen the timeline fits without scrolling sideways', async () => {
    const page = await harness.open(link(PROFILE, '2023-06-01'), 375, 812);
    await page.locator('#timeline svg.tl-chart').waitFor();
    const box = (await page.locator('#timeline svg.tl-chart').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await page.locator('#timeline summary').click();
    expect(await scrollsSideways(page)).toBe(false);
    await page.locator('#timeline').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-375px.png') });
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
