import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerRequest, viewOf } from '../../analysis/index.ts';
import { INDUSTRY_KEYS, ProfileSchema, validatorFor, type Answer, type Profile } from '../../schemas/index.ts';
import { isoDate, profileArb } from '../support/arbitraries.ts';
import { bundled } from '../support/rulebase.ts';

const today = () => '2026-01-01';
const HAN = /\p{Script=Han}/u;
/** An English sentence may gloss a policy term in Chinese, in parentheses after it: "(超标)". */
const withoutGlosses = (s: string) => s.replace(/ \([\p{Script=Han}、/]+\)/gu, '');
const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));

/** A profile that says yes to everything: every boolean true, every industry, a title of each kind, never audited. */
function everything(city: string, district?: string): Profile {
  const fill = (schema: { type?: string; properties?: Record<string, unknown> }): unknown => {
    if (schema.type === 'boolean') return true;
    if (schema.type !== 'object' || !schema.properties) return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema.properties)) {
      const x = fill(v as never);
      if (x !== undefined) out[k] = x;
    }
    return out;
  };
  const p = fill(ProfileSchema as never) as Record<string, Record<string, unknown>>;
  return {
    ...p,
    sector: 'industry',
    location: {
      ...p.location,
      province: 'guangdong',
      city,
      ...(district ? { district } : {}),
      watersheds: ['maozhou'],
      park: { inPark: true, level: 'national', entering: true },
    },
    industry: { keys: [...INDUSTRY_KEYS] },
    size: { ...p.size, annualRevenue: 100000 },
    audit: { lastCompleted: null },
    titles: [{ kind: 'guangdong-cp-enterprise' }, { kind: 'foshan-cp-enterprise' }, { kind: 'cp-demonstration' }, { kind: 'guangdong-cp-benchmark' }],
  } as Profile;
}

describe('answer views', () => {
  it('summary holds the verdict only, standard adds decisions, whyNot and questions, full is the whole answer', () => {
    const request = { asOf: '2014-06-01', profile: { location: { city: 'foshan' }, industry: { keys: ['ceramics' as const] } } };
    const full = answerRequest(bundled(), request, { today });
    const standard = answerRequest(bundled(), { ...request, view: 'standard' }, { today });
    const summary = answerRequest(bundled(), { ...request, view: 'summary' }, { today });
    expect(Object.keys(summary).sort()).toEqual(['asOf', 'language', 'profileId', 'receipt', 'rulesets', 'summary', 'view', 'warnings']);
    expect(Object.keys(standard).sort()).toEqual([
      'asOf',
      'decisions',
      'language',
      'profileId',
      'questions',
      'receipt',
      'rulesets',
      'summary',
      'view',
      'warnings',
      'whyNot',
    ]);
    expect(full).not.toHaveProperty('view');
    expect(full).toHaveProperty('undetermined');
    expect(summary.receipt).toEqual(full.receipt);
    const validate = validatorFor('Answer');
    for (const a of [full, standard, summary]) expect(validate(a), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the summary view stays under 8 KB for any profile, and gives the full answer’s verdict and counts', () => {
    fc.assert(
      fc.property(profileArb(), isoDate(2003, 2026), fc.constantFrom('zh' as const, 'en' as const), (profile, asOf, lang) => {
        const full = answerRequest(bundled(), { profile, asOf }, { today, lang });
        const summary = answerRequest(bundled(), { profile, asOf, view: 'summary' }, { today, lang });
        expect(bytes(summary)).toBeLessThan(8192);
        // The lean engine detail behind the summary view (verdict) drops nothing the view shows.
        expect(summary).toEqual(viewOf(full as Answer, 'summary'));
        const { duties: _d, missed, ...verdict } = full.summary.audit;
        expect(summary.summary.audit).toMatchObject(verdict);
        expect(summary.summary.audit.missed.map((m) => m.id)).toEqual(missed.map((m) => m.id));
        expect(summary.summary.counts).toEqual({
          incentives: full.summary.incentives!.length,
          sanctions: full.summary.sanctions!.length,
          obligations: full.summary.obligations!.length,
          recommendations: full.summary.recommendations!.length,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('an enterprise that says yes to everything, never audited, still gets a summary under 8 KB (its full answer is far larger)', () => {
    for (const [city, district] of [['foshan', 'nanhai'], ['meizhou', 'meijiang'], ['shenzhen']] as const) {
      for (const asOf of ['2012-08-01', '2014-06-01', '2017-06-01', '2021-06-01', '2024-06-01']) {
        const request = { profile: everything(city, district), asOf };
        expect(bytes(answerRequest(bundled(), { ...request, view: 'summary' }, { today }))).toBeLessThan(8192);
      }
    }
    expect(bytes(answerRequest(bundled(), { profile: everything('foshan', 'nanhai'), asOf: '2014-06-01' }, { today }))).toBeGreaterThan(50_000);
  });
});

describe('one language per answer', () => {
  const profile: Profile = { location: { city: 'meizhou' }, industry: { codes: ['9999'] }, size: { annualRevenue: 5000, aboveDesignatedSize: false } };
  it('rule-set reasons, warnings and question texts follow the language asked for', () => {
    for (const lang of ['zh', 'en'] as const) {
      const a = answerRequest(bundled(), { profile, asOf: '2014-06-01' }, { today, lang });
      const sentences = [...a.rulesets.map((r) => r.reason), ...a.warnings.map((w) => w.message), ...a.questions!.map((q) => q.text)];
      expect(a.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['derived-fact-conflict', 'industry-code-unmapped', 'ruleset-not-in-force']));
      for (const s of sentences) expect(HAN.test(withoutGlosses(s)), s).toBe(lang === 'zh');
      for (const q of a.questions!) expect(q.text).toMatch(lang === 'zh' ? /？$/ : /\?$/);
    }
  });

  it('the request’s language wins over the caller’s default (Accept-Language), and a command-line flag over both', () => {
    expect(answerRequest(bundled(), { profile, asOf: '2014-06-01', language: 'en' }, { today, lang: 'zh' }).language).toBe('en');
    expect(answerRequest(bundled(), { profile, asOf: '2014-06-01', language: 'en' }, { today, override: { lang: 'zh' } }).language).toBe('zh');
  });

  it('a name read as a key is reported in the answer’s language', () => {
    const request = { profile: { location: { city: '佛山市' } }, asOf: '2014-06-01' };
    const zh = answerRequest(
      bundled(),
      { ...request, profile: { location: { city: 'foshan' } } },
      { today, normalized: [{ path: 'location.city', given: '佛山市', key: 'foshan' }] },
    );
    expect(zh.warnings).toContainEqual({ code: 'normalized', path: 'location.city', message: 'location.city：「佛山市」按「foshan」处理。' });
    const en = answerRequest(
      bundled(),
      { ...request, profile: { location: { city: 'foshan' } } },
      { today, lang: 'en', normalized: [{ path: 'location.city', given: '佛山市', key: 'foshan' }] },
    );
    expect(en.warnings).toContainEqual({ code: 'normalized', path: 'location.city', message: 'location.city: "佛山市" read as "foshan".' });
  });

  it('a whyNot names each failed condition in words, in the answer’s language', () => {
    const profile: Profile = { sector: 'industry', location: { city: 'foshan' }, industry: { keys: ['ceramics'] }, finance: { sme: false } };
    const words = (lang: 'zh' | 'en', id: string) =>
      answerRequest(bundled(), { profile, asOf: '2017-06-01' }, { today, lang })
        .whyNot!.find((w) => w.id === id)!
        .missing.map((m) => m.text);
    expect(words('zh', 'cppl-2012-art32-sme-fund')).toEqual(['中小企业要求：是；企业：否']);
    expect(words('en', 'cppl-2012-art32-sme-fund')).toEqual(['Small or medium-sized enterprise required: yes; the enterprise: no']);
    expect(words('zh', 'fs2011-4-2-2-services-demonstration')).toEqual(['所属行业（含上级行业）要求：包含宾馆酒店、餐饮之一；企业：建材、陶瓷']);
  });
});
