import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/index.ts';
import {
  ACCEPTANCE_OUTCOMES,
  AUDIT_OUTCOMES,
  DUTY_STATES,
  ENUMERATED_DISTRICTS,
  GUANGDONG_CITY_KEYS,
  INDUSTRIES,
  INDUSTRY_KEYS,
  ProfileSchema,
  RULESET_STATUSES,
  createAjv,
} from '../../schemas/index.ts';
import { DERIVED_FACT_NAMES, FIELD_OPTIONS, FIELD_TEXT, type Labels, LabelsSchema, profilePaths } from '../../schemas/labels/index.ts';
import { bundled } from '../support/rulebase.ts';

const app = buildApp({ base: bundled(), today: () => '2017-06-01' });
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const labels = async (lang: 'zh' | 'en'): Promise<Labels> => (await get(`/v1/labels?lang=${lang}`)).json();
const CJK = /[\u3400-\u9fff]/;

/** Every enum of the profile schema, by path (an array's item enum at the array's path). */
function enumsOf(node: unknown, prefix = '', out = new Map<string, string[]>()): Map<string, string[]> {
  const s = node as { type?: string; enum?: string[]; items?: { enum?: string[]; type?: string }; properties?: Record<string, unknown> };
  if (s.enum) out.set(prefix, s.enum);
  if (s.items?.enum) out.set(prefix, s.items.enum);
  const inner = s.type === 'array' ? s.items : s;
  for (const [k, sub] of Object.entries((inner as typeof s | undefined)?.properties ?? {})) enumsOf(sub, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

describe('GET /v1/labels', () => {
  it('answers zh and en as JSON matching its schema, with every industry key of schemas/industries.ts and both its names', async () => {
    const validate = createAjv().compile(LabelsSchema);
    for (const lang of ['zh', 'en'] as const) {
      const r = await get(`/v1/labels?lang=${lang}`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.headers['content-language']).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      const doc = r.json() as Labels;
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(doc.language).toBe(lang);
      expect(Object.keys(doc.industries).sort()).toEqual([...INDUSTRY_KEYS].sort());
      for (const key of INDUSTRY_KEYS) {
        expect(doc.industries[key], key).toEqual({ zh: INDUSTRIES[key].zh, en: INDUSTRIES[key].en });
        expect(doc.fields['industry.keys']!.options![key], key).toBe(INDUSTRIES[key][lang]);
      }
      expect(Object.keys(doc.cities).sort()).toEqual([...GUANGDONG_CITY_KEYS].sort());
      expect(doc.cities.foshan).toEqual({ zh: '佛山', en: 'Foshan' });
      for (const [city, districts] of Object.entries(ENUMERATED_DISTRICTS)) expect(Object.keys(doc.districts[city]!)).toEqual(Object.keys(districts));
    }
  });

  it('labels every profile field in the language asked for, hints included, and labels nothing the profile lacks', async () => {
    const paths = profilePaths();
    expect(paths).toContain('audit.rounds.completedOn');
    expect(paths).toContain('location.park');
    expect(Object.keys(FIELD_TEXT).filter((p) => !paths.includes(p))).toEqual([]);
    expect(paths.filter((p) => !FIELD_TEXT[p])).toEqual([]);
    const zh = await labels('zh');
    const en = await labels('en');
    expect(Object.keys(zh.fields)).toEqual(paths);
    for (const path of paths) {
      expect(zh.fields[path]!.label, path).toMatch(CJK);
      expect(en.fields[path]!.label, path).not.toMatch(CJK);
      expect(Boolean(zh.fields[path]!.hint), path).toBe(Boolean(en.fields[path]!.hint));
      if (zh.fields[path]!.hint) {
        expect(zh.fields[path]!.hint, path).toMatch(CJK);
        expect(en.fields[path]!.hint, path).not.toMatch(CJK);
      }
    }
    expect(zh.fields['energy.exceedsConsumptionQuota']).toEqual({ label: '超过单位产品能耗限额标准', hint: '单位产品能源消耗超过国家或地方限额标准' });
    expect(en.fields['energy.exceedsConsumptionQuota']).toEqual({
      label: 'Exceeds the energy-consumption quota',
      hint: 'energy use per unit of product above the national or local quota standard',
    });
  });

  it('names every value of every enumerated profile field, the cities and the enumerated districts, in both languages', async () => {
    const enums = enumsOf(ProfileSchema);
    expect([...enums.keys()].sort()).toEqual(
      Object.keys(FIELD_OPTIONS)
        .filter((p) => p !== 'location.city' && p !== 'location.district')
        .sort(),
    );
    enums.set('location.city', [...GUANGDONG_CITY_KEYS]);
    enums.set(
      'location.district',
      Object.values(ENUMERATED_DISTRICTS).flatMap((d) => Object.keys(d)),
    );
    for (const lang of ['zh', 'en'] as const) {
      const doc = await labels(lang);
      for (const [path, values] of enums) {
        const options = doc.fields[path]?.options ?? {};
        expect(
          values.filter((v) => !options[v]),
          `${lang} ${path}`,
        ).toEqual([]);
        for (const v of values) expect(CJK.test(options[v]!), `${lang} ${path} ${v}`).toBe(lang === 'zh');
      }
    }
  });

  it("names the answer's values and the derived facts of the rules in service", async () => {
    const base = bundled();
    const processOutcomes = new Set<string>();
    for (const versions of base.rulesets.values())
      for (const v of versions) for (const r of v.rules) if (r.json.kind === 'process') processOutcomes.add(r.json.outcome);
    for (const lang of ['zh', 'en'] as const) {
      const doc = await labels(lang);
      expect(Object.keys(doc.values.auditStatus).sort()).toEqual([...AUDIT_OUTCOMES].sort());
      expect(Object.keys(doc.values.rulesetStatus).sort()).toEqual([...RULESET_STATUSES].sort());
      expect(Object.keys(doc.values.dutyState).sort()).toEqual([...DUTY_STATES].sort());
      for (const o of [...ACCEPTANCE_OUTCOMES, ...processOutcomes].filter((o) => o !== 'simplified' && o !== 'standard'))
        expect(doc.values.acceptance[o], o).toBeTruthy();
      for (const o of ['simplified', 'standard', 'undetermined']) expect(doc.values.route[o], o).toBeTruthy();
      expect(Object.keys(doc.facts).sort()).toEqual(base.derivedFacts.map((d) => d.name).sort());
      for (const d of base.derivedFacts) {
        expect(doc.facts[d.name]!.label, d.name).toBe(DERIVED_FACT_NAMES[d.name]![lang]);
        expect(doc.facts[d.name]!.hint, d.name).toBe(d.description[lang]);
      }
    }
    expect(Object.keys(DERIVED_FACT_NAMES).sort()).toEqual(base.derivedFacts.map((d) => d.name).sort());
    // Facts whose values are keys name them: the industries (with their parents) and the titles held.
    const en = await labels('en');
    expect(en.facts.industryKeys!.options!.ceramics).toBe('ceramics');
    expect((await labels('zh')).facts.industryKeys!.options!['building-materials']).toBe('建材');
    expect(en.facts.titlesHeld!.options!['foshan-cp-enterprise']).toBe('Foshan cleaner-production enterprise');
    expect(en.facts.auditLate!.options).toBeUndefined();
    expect((await labels('zh')).values.auditStatus.mandatory).toBe('须实施强制性清洁生产审核');
    expect((await labels('en')).values.auditStatus.mandatory).toBe('Mandatory cleaner-production audit');
  });

  it('without lang, Accept-Language decides (zh by default); any other lang is a 400 problem naming the field', async () => {
    const byHeader = await get('/v1/labels', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(byHeader.json().language).toBe('en');
    expect(byHeader.headers.vary).toMatch(/accept-language/i);
    expect((await get('/v1/labels')).json().language).toBe('zh');
    expect((await get('/v1/labels?lang=zh', { 'accept-language': 'en' })).json().language).toBe('zh');
    for (const url of ['/v1/labels?lang=fr', '/v1/labels?lang=', '/v1/labels?lang=ZH', '/v1/labels?language=en']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      const problem = r.json();
      expect(problem.errors[0].path, url).toMatch(/^querystring\.(lang|language)$/);
      if (url.includes('lang=')) expect(problem.errors[0].message).toBe('须为以下值之一：zh、en');
    }
    // the problem speaks the language the header asks for
    const en = (await get('/v1/labels?lang=fr', { 'accept-language': 'en' })).json();
    expect(en).toMatchObject({ title: 'Invalid input', errors: [{ path: 'querystring.lang', message: 'must be one of: zh, en' }] });
  });

  it('is revalidated with its ETag (no-cache, 304 when unchanged), and declared in the OpenAPI document', async () => {
    const first = await get('/v1/labels?lang=en');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await get('/v1/labels?lang=en', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/v1/labels?lang=en', { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await get('/v1/labels?lang=zh', { 'if-none-match': etag })).statusCode).toBe(200);
    const doc = (await get('/openapi.json')).json();
    expect(await new Validator().validate(doc)).toEqual({ valid: true });
    const op = doc.paths['/v1/labels'].get;
    expect(op.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['query:lang', 'header:Accept-Language']);
    expect(op.responses['200'].content['application/json'].schema.properties.fields).toBeTruthy();
  });
});
