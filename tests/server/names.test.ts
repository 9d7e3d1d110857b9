import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../../engine/index.ts';
import { buildApp } from '../../server/index.ts';
import { bundled } from '../support/rulebase.ts';

/**
 * Names as people write them (issue 13): every route whose body holds a profile reads 佛山市, 南海区, 陶瓷 as their keys
 * before validation, says so in a `normalized` warning in the request's language, and hashes the profile as evaluated.
 */
const app = buildApp({ base: bundled(), today: () => '2014-06-01', rateLimitMax: 0 });
afterAll(() => app.close());

const named = { location: { city: '佛山市', district: '南海区' }, industry: { keys: ['陶瓷'] }, energy: { exceedsConsumptionQuota: true } };
const keyed = { location: { city: 'foshan', district: 'nanhai' }, industry: { keys: ['ceramics'] }, energy: { exceedsConsumptionQuota: true } };
const post = (url: string, payload: unknown, lang?: string) =>
  app.inject({ method: 'POST', url, payload: payload as object, ...(lang ? { headers: { 'accept-language': lang } } : {}) });
type Warning = { code: string; path: string | null; message: string };
const normalized = (warnings: Warning[]) => warnings.filter((w) => w.code === 'normalized');

describe('Chinese place and industry names in the API', () => {
  it('POST /v1/evaluate reads them as keys, warns in zh (default) and en, and answers as for the keys', async () => {
    const zh = await post('/v1/evaluate', { asOf: '2014-06-01', profile: named });
    expect(zh.statusCode).toBe(200);
    expect(normalized(zh.json().warnings)).toEqual([
      { code: 'normalized', path: 'location.city', message: 'location.city：「佛山市」按「foshan」处理。' },
      { code: 'normalized', path: 'location.district', message: 'location.district：「南海区」按「nanhai」处理。' },
      { code: 'normalized', path: 'industry.keys[0]', message: 'industry.keys[0]：「陶瓷」按「ceramics」处理。' },
    ]);
    const en = await post('/v1/evaluate', { asOf: '2014-06-01', profile: named }, 'en');
    expect(normalized(en.json().warnings).map((w) => w.message)).toEqual([
      'location.city: "佛山市" read as "foshan".',
      'location.district: "南海区" read as "nanhai".',
      'industry.keys[0]: "陶瓷" read as "ceramics".',
    ]);
    const byKey = (await post('/v1/evaluate', { asOf: '2014-06-01', profile: keyed })).json();
    const a = zh.json();
    expect(a.summary).toEqual(byKey.summary);
    expect(a.decisions).toEqual(byKey.decisions);
    expect(a.warnings.filter((w: Warning) => w.code !== 'normalized')).toEqual(byKey.warnings);
    // the receipt hashes the profile as evaluated: the keys
    expect(a.receipt.profileSha256).toBe(sha256(canonicalJson(keyed)));
    expect(a.receipt.profileSha256).toBe(byKey.receipt.profileSha256);
    // the summary view too, and the request's own language wins over the header
    const summary = (await post('/v1/evaluate', { asOf: '2014-06-01', profile: named, view: 'summary', language: 'en' }, 'zh')).json();
    expect(summary.receipt.profileSha256).toBe(sha256(canonicalJson(keyed)));
    // (the summary view groups the warnings of one kind into one)
    expect(normalized(summary.warnings)).toEqual([
      {
        code: 'normalized',
        path: null,
        message: 'location.city: "佛山市" read as "foshan". location.district: "南海区" read as "nanhai". industry.keys[0]: "陶瓷" read as "ceramics".',
      },
    ]);
  });

  it('a name that is no known place is still a 400 naming the field (nothing guessed)', async () => {
    const r = await post('/v1/evaluate', { profile: { location: { city: '北京市' } } }, 'en');
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toContainEqual({ path: 'profile.location.city', message: expect.stringMatching(/^must be one of: /) });
    const zh = await post('/v1/evaluate', { profile: { location: { city: '北京市' } } });
    expect(zh.json().errors[0]).toEqual({ path: 'profile.location.city', message: expect.stringMatching(/^须为以下值之一：/) });
  });

  it('each batch item is read the same way, warned in its own language', async () => {
    const r = await post('/v1/evaluate/batch', [{ profile: named }, { profile: named, language: 'en' }, { profile: keyed }]);
    expect(r.statusCode).toBe(200);
    const [a, b, c] = r.json() as { ok: boolean; answer: { warnings: Warning[]; receipt: { profileSha256: string } } }[];
    expect(normalized(a!.answer.warnings).map((w) => w.message)).toContain('location.city：「佛山市」按「foshan」处理。');
    expect(normalized(b!.answer.warnings).map((w) => w.message)).toContain('location.city: "佛山市" read as "foshan".');
    expect(normalized(c!.answer.warnings)).toEqual([]);
    expect(a!.answer.receipt.profileSha256).toBe(c!.answer.receipt.profileSha256);
  });

  it('what-if, timeline, verify and impact read them too', async () => {
    const whatif = await post('/v1/whatif', {
      request: { asOf: '2014-06-01', profile: named },
      changes: [{ path: 'energy.exceedsConsumptionQuota', value: false }],
    });
    expect(whatif.statusCode).toBe(200);
    expect(whatif.json().changed.location).toEqual({ city: 'foshan', district: 'nanhai' });
    expect(normalized(whatif.json().before.warnings).length).toBe(3);

    const timeline = await post('/v1/timeline', { profile: named, from: '2010-01-01', to: '2016-12-31' }, 'en');
    expect(timeline.statusCode).toBe(200);
    expect(timeline.json().warnings).toContainEqual({ code: 'normalized', path: 'location.city', message: 'location.city: "佛山市" read as "foshan".' });
    const byKey = (await post('/v1/timeline', { profile: keyed, from: '2010-01-01', to: '2016-12-31' })).json();
    expect(timeline.json().periods).toEqual(byKey.periods);
    expect(byKey.warnings).toBeUndefined();

    // an answer given for the Chinese names verifies against the same request: the profile is hashed as evaluated
    const request = { asOf: '2014-06-01', profile: named };
    const answer = (await post('/v1/evaluate', request)).json();
    const verified = await post('/v1/verify', { request, answer });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().holds).toBe(true);
    expect(verified.json().warnings.map((w: Warning) => w.path)).toEqual(['location.city', 'location.district', 'industry.keys[0]']);

    const impact = await post('/v1/rulesets/cppl/impact', { from: '1.0.0', to: '2.0.0', profiles: [named, named, keyed] });
    expect(impact.statusCode).toBe(200);
    expect(impact.json().population).toBe(3);
    // one warning per name and field, however many profiles carry it
    expect(impact.json().warnings.map((w: Warning) => w.path)).toEqual([
      'profiles[0].location.city',
      'profiles[0].location.district',
      'profiles[0].industry.keys[0]',
    ]);
  });
});
