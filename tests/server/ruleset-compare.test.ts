import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { TSchema } from '@sinclair/typebox';
import { buildApp } from '../../server/index.ts';
import { sharedAjv } from '../../schemas/index.ts';
import { DiffWordsSchema, ImpactDetailSchema } from '../../server/routes/ruleset-schemas.ts';
import { bundled } from '../support/rulebase.ts';

const app = buildApp({ base: bundled(), today: () => '2026-11-24', populationLimit: 500 });
afterAll(() => app.close());

const CJK = /[\u3400-\u9fff]/;
const HIGH = 'cppl-2012-art27-2-2-high-energy';
const CSV = readFileSync(new URL('../../examples/enterprises.csv', import.meta.url), 'utf8');

function conforms(schema: TSchema, body: unknown) {
  const validate = sharedAjv().compile(schema);
  expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
}

describe('GET /v1/rulesets/{id}/diff/words', () => {
  it('cppl 1.0.0 → 2.0.0 in Chinese: the new 高耗能 ground in words, and the changed rules with counterexamples', async () => {
    const r = await app.inject({ url: '/v1/rulesets/cppl/diff/words?from=1.0.0&to=2.0.0' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-language']).toBe('zh-CN');
    const body = r.json();
    conforms(DiffWordsSchema, body);
    expect(body.summary).toBe('新增 12 条、删除 0 条、修改 6 条、未变 0 条规则。');
    expect(body.added.find((x: { id: string }) => x.id === HIGH)).toMatchObject({
      title: '超过能耗限额标准构成高耗能的企业应实施强制性清洁生产审核',
      outcomeText: '须实施强制性清洁生产审核',
      conditionText: '超过单位产品能耗限额标准要求：是',
    });
    const differs = body.changed.filter((c: { verdict: string }) => c.verdict === 'differs');
    expect(differs.length).toBeGreaterThan(0);
    for (const c of differs) expect(c.counterexample.facts.length).toBeGreaterThan(0);
    // The structural diff behind it is the one GET /v1/rulesets/{id}/diff gives.
    const raw = (await app.inject({ url: '/v1/rulesets/cppl/diff?from=1.0.0&to=2.0.0' })).json();
    expect(body.changed.map((c: { id: string }) => c.id)).toEqual(raw.changed.map((c: { id: string }) => c.id));
    expect(body.added.map((c: { id: string }) => c.id)).toEqual(raw.added.map((c: { id: string }) => c.id));
  });

  it('in English every sentence is English (quotes and cited section numbers stay as written)', async () => {
    const body = (await app.inject({ url: '/v1/rulesets/cppl/diff/words?from=1.0.0&to=2.0.0', headers: { 'accept-language': 'en-GB,en;q=0.9' } })).json();
    expect(body.language).toBe('en');
    const high = body.added.find((x: { id: string }) => x.id === HIGH);
    expect(high.conditionText).toBe('Exceeds the energy-consumption quota required: yes');
    const texts = [
      body.summary,
      body.differentTexts,
      ...body.metadata,
      ...body.added.flatMap((x: { title: string; conditionText: string }) => [x.title, x.conditionText]),
    ];
    for (const c of body.changed) texts.push(c.title, c.semantic, ...c.changes, ...(c.counterexample ? [c.counterexample.before, c.counterexample.after] : []));
    for (const t of texts) expect(t.replace(/第[\u3400-\u9fff（）0-9]+/g, ''), t).not.toMatch(CJK);
  });

  it('refuses an unknown version or a missing parameter, naming it', async () => {
    const r = await app.inject({ url: '/v1/rulesets/cppl/diff/words?from=1.0.0&to=9.0.0' });
    expect(r.json().errors[0].path).toBe('to');
    expect((await app.inject({ url: '/v1/rulesets/cppl/diff/words?from=1.0.0' })).statusCode).toBe(400);
  });
});

describe('POST /v1/rulesets/{id}/impact/detail', () => {
  it('synthetic: the audit-status transitions with example profiles, by city and by industry, as /impact counts them', async () => {
    const payload = { from: '1.0.0', to: '2.0.0', synthetic: { n: 300, seed: 42 } };
    const r = await app.inject({ method: 'POST', url: '/v1/rulesets/cppl/impact/detail', payload });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    conforms(ImpactDetailSchema, body);
    expect(body).toMatchObject({ population: 300, asOf: '2012-07-01', source: { kind: 'synthetic', n: 300, seed: 42 }, skipped: [], skippedRows: 0 });
    const plain = (await app.inject({ method: 'POST', url: '/v1/rulesets/cppl/impact', payload })).json();
    expect(body.groups).toEqual(plain.groups);
    const audit = plain.groups.filter((g: { change: string }) => g.change.startsWith('audit '));
    expect(body.transitions.map((t: { from: string; to: string; count: number }) => `audit ${t.from} → ${t.to}: ${t.count}`)).toEqual(
      audit.map((g: { change: string; count: number }) => `${g.change}: ${g.count}`),
    );
    const up = body.transitions.find((t: { from: string; to: string }) => t.from === 'encouraged' && t.to === 'mandatory');
    expect(up.examples[0].id).toMatch(/^synth-/);
    expect(body.byCity.reduce((n: number, c: { population: number }) => n + c.population, 0)).toBe(300);
    expect(body.byIndustry.length).toBeGreaterThan(5);
  });

  it('given profiles, and the same limits as /impact', async () => {
    const profiles = [
      { id: 'a', sector: 'industry', location: { city: 'foshan' }, energy: { exceedsConsumptionQuota: true } },
      { id: 'b', sector: 'industry', location: { city: 'foshan' }, energy: { exceedsConsumptionQuota: false } },
    ];
    const body = (await app.inject({ method: 'POST', url: '/v1/rulesets/cppl/impact/detail', payload: { from: '1.0.0', to: '2.0.0', profiles } })).json();
    expect(body.source).toEqual({ kind: 'profiles' });
    expect(body.byCity).toEqual([expect.objectContaining({ key: 'foshan', population: 2 })]);
    expect(body.transitions.map((t: { examples: { id: string }[] }) => t.examples.map((p) => p.id))).toContainEqual(['a']);
    const tooMany = await app.inject({
      method: 'POST',
      url: '/v1/rulesets/cppl/impact/detail',
      payload: { from: '1.0.0', to: '2.0.0', synthetic: { n: 501, seed: 1 } },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].path).toMatch(/synthetic/);
  });
});

describe('POST /v1/rulesets/{id}/impact/file', () => {
  const post = (body: string, type: string, query = 'from=1.0.0&to=2.0.0&name=enterprises.csv') =>
    app.inject({ method: 'POST', url: `/v1/rulesets/cppl/impact/file?${query}`, payload: body, headers: { 'content-type': type } });

  it('the 60-row example CSV: 57 profiles evaluated, the three bad rows left out with their reasons', async () => {
    const r = await post(CSV, 'text/csv; charset=utf-8');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    conforms(ImpactDetailSchema, body);
    expect(body).toMatchObject({ population: 57, skippedRows: 3, source: { kind: 'file', name: 'enterprises.csv' } });
    expect(body.skipped.map((s: { row: number }) => s.row)).toEqual([11, 26, 41]);
    expect(body.skipped[0].message).toMatch(/location\.city/);
    expect(body.transitions.length).toBeGreaterThan(0);
  });

  it('JSONL: a profile or {profile} per line; Chinese place names read as keys', async () => {
    const lines = [
      JSON.stringify({ id: 'x1', sector: 'industry', location: { city: '佛山市' }, energy: { exceedsConsumptionQuota: true } }),
      '',
      JSON.stringify({ profile: { id: 'x2', sector: 'industry', location: { city: 'foshan' }, environment: { exceedsDischargeStandard: true } } }),
      '{"broken":',
    ].join('\n');
    const body = (await post(lines, 'application/x-ndjson', 'from=1.0.0&to=2.0.0')).json();
    expect(body).toMatchObject({ population: 2, skippedRows: 1, source: { kind: 'file', name: 'upload.jsonl' } });
    expect(body.skipped[0]).toMatchObject({ row: 3 });
    expect(body.skipped[0].message).toMatch(/^not valid JSON/);
    expect(body.byCity[0]).toMatchObject({ key: 'foshan', population: 2 });
  });

  it('refuses what it cannot read: too many rows (413), another media type (415), an unknown column or no valid row (400)', async () => {
    const header = CSV.split('\n')[0]!;
    const row = CSV.split('\n')[1]!;
    const big = await post([header, ...Array.from({ length: 501 }, () => row)].join('\n'), 'text/csv');
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toBe('enterprises.csv：超过 500 家企业；一次影响分析最多评估 500 家');
    const plain = await post(CSV, 'text/plain');
    expect(plain.statusCode).toBe(415);
    expect(plain.json().detail).toBe('请以 text/csv 或 application/x-ndjson（JSONL）发送文件，而不是 text/plain');
    const plainEn = await app.inject({
      method: 'POST',
      url: '/v1/rulesets/cppl/impact/file?from=1.0.0&to=2.0.0',
      payload: CSV,
      headers: { 'content-type': 'text/plain', 'accept-language': 'en' },
    });
    expect(plainEn.json().detail).toBe('send the file as text/csv or application/x-ndjson (JSONL), not text/plain');
    const unknown = await post('id,colour\nx,red\n', 'text/csv');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'colour' });
    const none = await post([header, ...CSV.split('\n').filter((l) => l.startsWith('B00'))].join('\n'), 'text/csv');
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toMatch(/no row holds a valid profile \(3 rows\)/);
    const noVersion = await post(CSV, 'text/csv', 'from=1.0.0&to=7.0.0');
    expect(noVersion.json().errors[0].path).toBe('to');
  });
});
