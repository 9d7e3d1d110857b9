import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TSchema } from '@sinclair/typebox';
import { buildApp } from '../../server/index.ts';
import { loadCases, loadRuleBase, loadRulesDir, rolesOf, sourceMarkdown } from '../../loader/index.ts';
import { sharedAjv } from '../../schemas/index.ts';
import { changelogSections } from '../../server/routes/ruleset-docs.ts';
import { ChangelogSchema, RuleCasesSchema, RuleDetailSchema, SourceSchema } from '../../server/routes/ruleset-schemas.ts';
import { bundled } from '../support/rulebase.ts';
import { copyRules } from './rules-fixture.ts';

const app = buildApp({ base: bundled(), today: () => '2026-11-24' });
afterAll(() => app.close());

const CJK = /[\u3400-\u9fff]/;
const EN = { 'accept-language': 'en' };
const HIGH = 'cppl-2012-art27-2-2-high-energy';
const QUOTE = '超过单位产品能源消耗限额标准构成高耗能的';
/** cppl's versions, oldest first, and the newest (a release adds one: nothing here names it). */
const CPPL_VERSIONS = bundled()
  .rulesets.get('cppl')!
  .map((v) => v.version);
const NEWEST_CPPL = CPPL_VERSIONS[CPPL_VERSIONS.length - 1]!;

/** The answer must be what the route's OpenAPI response schema says. */
function conforms(schema: TSchema, body: unknown) {
  const validate = sharedAjv().compile(schema);
  expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
}

/** An unknown rule set or version is answered as GET /v1/rulesets/{id} answers it. */
async function unknownStatus() {
  return (await app.inject({ url: '/v1/rulesets/nope' })).statusCode;
}

describe('GET /v1/rulesets/{id}/changelog', () => {
  it("the rule set's CHANGELOG.md whole and by version", async () => {
    const r = await app.inject({ url: '/v1/rulesets/cppl/changelog' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    conforms(ChangelogSchema, body);
    expect(body.markdown).toMatch(/^# cppl — changelog/);
    // One section per version, the newest first (the file is written newest first within each line of the law).
    const sections = body.sections.map((s: { version: string }) => s.version);
    expect([...sections].sort()).toEqual([...CPPL_VERSIONS].sort());
    expect(sections[0]).toBe(NEWEST_CPPL);
    expect(body.sections.find((s: { version: string }) => s.version === '2.0.0').body).toContain('超过单位产品能源消耗限额标准构成高耗能的');
    const unknown = await app.inject({ url: '/v1/rulesets/nope/changelog' });
    expect(unknown.statusCode).toBe(await unknownStatus());
    expect(unknown.json().type).toMatch(/unknown-ruleset$/);
  });

  it('splits sections at "## " headings only', () => {
    expect(changelogSections('# x\n\n## 1.2.0 (note)\nBody\n- a\n## draft\n')).toEqual([
      { version: '1.2.0', heading: '1.2.0 (note)', body: 'Body\n- a' },
      { version: null, heading: 'draft', body: '' },
    ]);
  });
});

describe('GET /v1/rulesets/{id}/versions/{version}/source', () => {
  it('each passage with the rules quoting it, the quoted range marked; unquoted passages visible as such (zh)', async () => {
    const r = await app.inject({ url: '/v1/rulesets/cppl/versions/2.0.0/source' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    conforms(SourceSchema, body);
    expect(body).toMatchObject({ id: 'cppl', version: '2.0.0', language: 'zh', file: 'source.txt' });
    const passage = body.passages.find((p: { text: string }) => p.text.includes(QUOTE));
    expect(passage.quotedBy).toContainEqual({ kind: 'rule', id: HIGH, places: 1 });
    const marked = passage.marks.map(([s, e]: [number, number]) => passage.text.slice(s, e).replace(/\s/g, ''));
    expect(marked.some((m: string) => m.includes(QUOTE))).toBe(true);
    expect(body.rules[HIGH]).toMatchObject({
      title: '超过能耗限额标准构成高耗能的企业应实施强制性清洁生产审核',
      kindText: '审核要求',
      outcomeText: '须实施强制性清洁生产审核',
    });
    const unquoted = body.passages.filter((p: { heading?: number; quotedBy: unknown[] }) => p.heading === undefined && p.quotedBy.length === 0);
    expect(unquoted.length).toBe(body.counts.passages - body.counts.quoted);
    expect(unquoted.length).toBeGreaterThan(0);
    expect(body.unlocated).toEqual([]);
    // The same passages and counts as `cleanprod source` (loader/source-text.ts).
    const loaded = loadRulesDir();
    const v = loaded.versions.find((x) => x.file.id === 'cppl' && x.file.version === '2.0.0')!;
    const md = sourceMarkdown(v.file, loaded.sources.get('cppl/source.txt')!);
    expect(body.counts).toEqual({ passages: md.passages, quoted: md.quoted, quoters: md.quoters });
  });

  it('names the rules in English when asked; the text stays as written', async () => {
    const body = (await app.inject({ url: '/v1/rulesets/cppl/versions/2.0.0/source', headers: EN })).json();
    expect(body.language).toBe('en');
    expect(body.rules[HIGH]).toMatchObject({
      title: 'Over the energy-consumption quota: mandatory audit',
      kindText: 'audit',
      outcomeText: 'Mandatory cleaner-production audit',
    });
    for (const rule of Object.values(body.rules) as { title: string; kindText: string }[]) expect(rule.title + rule.kindText).not.toMatch(CJK);
    expect(body.passages.some((p: { text: string }) => p.text.includes(QUOTE))).toBe(true);
  });

  it('an unknown version is refused like everywhere else; a version whose text is missing is a 404', async () => {
    const bad = await app.inject({ url: '/v1/rulesets/cppl/versions/9.9.9/source' });
    expect(bad.statusCode).toBe(await unknownStatus());
    expect(bad.json().errors[0].path).toBe('version');
    const { dir, cleanup } = copyRules();
    try {
      // Loaded (and linted against the text) first; the files go afterwards, as if removed from a running server's directory.
      const other = buildApp({ base: loadRuleBase(dir), today: () => '2026-11-24' });
      rmSync(join(dir, 'cppl', 'source.txt'));
      rmSync(join(dir, 'cppl', 'CHANGELOG.md'));
      const source = await other.inject({ url: '/v1/rulesets/cppl/versions/2.0.0/source' });
      expect(source.statusCode).toBe(404);
      expect(source.headers['content-type']).toMatch(/problem\+json/);
      expect(source.json().detail).toBe('cppl 2.0.0 的原文（source.txt）不可用');
      const sourceEn = await other.inject({ url: '/v1/rulesets/cppl/versions/2.0.0/source', headers: { 'accept-language': 'en' } });
      expect(sourceEn.json().detail).toBe('the source text of cppl 2.0.0 (source.txt) is not available');
      expect((await other.inject({ url: '/v1/rulesets/cppl/versions/1.0.0/source' })).statusCode).toBe(200);
      const changelog = await other.inject({ url: '/v1/rulesets/cppl/changelog' });
      expect(changelog.statusCode).toBe(404);
      expect(changelog.json().detail).toBe('规则集 cppl 没有 CHANGELOG.md');
      await other.close();
    } finally {
      cleanup();
    }
  });
});

describe('GET /v1/rulesets/{id}/versions/{version}/rules/{rule}', () => {
  it('the rule in Chinese: conditions as a tree and a sentence, outcome named, explanation with its facts named', async () => {
    const r = await app.inject({ url: `/v1/rulesets/cppl/versions/2.0.0/rules/${HIGH}` });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    conforms(RuleDetailSchema, body);
    expect(body).toMatchObject({
      ruleset: 'cppl',
      version: '2.0.0',
      language: 'zh',
      kind: 'audit',
      outcome: 'mandatory',
      outcomeText: '须实施强制性清洁生产审核',
      section: '第二十七条第二款第（二）项',
      quote: QUOTE,
      conditionText: '超过单位产品能耗限额标准要求：是',
      jurisdiction: '全国',
      scope: null,
    });
    expect(body.conditions).toEqual({
      op: 'all',
      text: '同时满足以下全部条件',
      children: [{ op: 'test', fact: 'energy.exceedsConsumptionQuota', text: '超过单位产品能耗限额标准要求：是' }],
    });
    expect(body.explanation).toMatch(/^年综合能耗 〈.+〉 吨标准煤/);
    expect(body.explanation).not.toContain('{');
  });

  it('the same rule in English, and an any-group in words', async () => {
    const r = await app.inject({ url: '/v1/rulesets/cppl/versions/2.0.0/rules/cppl-2012-art27-2-3-toxic', headers: EN });
    expect(r.headers['content-language']).toBe('en');
    expect(r.headers.vary).toMatch(/accept-language/);
    const body = r.json();
    expect(body.language).toBe('en');
    expect(body.conditions.op).toBe('any');
    expect(body.conditionText).toBe('Uses toxic raw materials required: yes; or Discharges toxic substances required: yes');
    for (const s of [body.title, body.kindText, body.outcomeText, body.conditionText, body.explanation, body.jurisdiction]) expect(s).not.toMatch(CJK);
    const foshan = (
      await app.inject({ url: '/v1/rulesets/foshan-cp-plan-2011/versions/1.0.0/rules/fs2011-t8-nonmetallic-2011-2015-ceramics-glass-sanitary', headers: EN })
    ).json();
    expect(foshan.jurisdiction).toBe('Foshan (Chancheng, Nanhai, Shunde, Gaoming, Sanshui)');
  });

  it('an unknown rule is refused naming the rule', async () => {
    const r = await app.inject({ url: '/v1/rulesets/cppl/versions/1.0.0/rules/cppl-2012-art27-2-2-high-energy' });
    expect(r.statusCode).toBe(await unknownStatus());
    expect(r.json().errors[0]).toEqual({ path: 'rule', message: "cppl 1.0.0 has no rule 'cppl-2012-art27-2-2-high-energy'" });
    expect((await app.inject({ url: '/v1/rulesets/cppl/versions/2.0.0/rules/Not_An_Id' })).statusCode).toBe(400);
  });
});

describe('GET /v1/rulesets/{id}/versions/{version}/rules/{rule}/cases', () => {
  it('every golden case naming the rule, with what it asserts and the version it runs with, this version first', async () => {
    const r = await app.inject({ url: `/v1/rulesets/cppl/versions/2.0.0/rules/${HIGH}/cases` });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    conforms(RuleCasesSchema, body);
    const expected = loadCases().cases.filter((c) => rolesOf(c.case, HIGH).length > 0);
    expect(body.total).toBe(expected.length);
    expect(body.cases.map((c: { file: string }) => c.file).sort()).toEqual(expected.map((c) => c.file).sort());
    for (const c of body.cases) {
      const file = expected.find((x) => x.file === c.file)!;
      expect(c.roles).toEqual(rolesOf(file.case, HIGH));
      expect(c.profile).toEqual(file.case.profile);
    }
    const flags = body.cases.map((c: { forThisVersion: boolean }) => c.forThisVersion);
    expect(flags.indexOf(false) === -1 || flags.lastIndexOf(true) < flags.indexOf(false)).toBe(true);
    // cppl 2.0.0 is superseded by later 2.x versions on the same days: cases not pinned to it run with the newest.
    expect(body.cases.every((c: { version: string; forThisVersion: boolean }) => c.forThisVersion === (c.version === '2.0.0'))).toBe(true);
    const newest = (await app.inject({ url: `/v1/rulesets/cppl/versions/${NEWEST_CPPL}/rules/${HIGH}/cases` })).json();
    expect(newest.cases.filter((c: { forThisVersion: boolean }) => c.forThisVersion).length).toBeGreaterThan(0);
    expect(newest.cases.some((c: { roles: string[] }) => c.roles.includes('fires'))).toBe(true);
  });

  it('a rule no case names has none; an unknown rule is refused', async () => {
    const r = await app.inject({ url: '/v1/rulesets/cppl/versions/2.0.0/rules/nope-rule/cases' });
    expect(r.statusCode).toBe(await unknownStatus());
    expect(r.json().errors[0].path).toBe('rule');
  });
});

describe('GET /rulesets', () => {
  it('serves the policy staff page under the same CSP as /', async () => {
    const r = await app.inject({ url: '/rulesets' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.headers['content-security-policy']).toBe((await app.inject({ url: '/' })).headers['content-security-policy']);
    expect(r.body).toContain('<script type="module" src="/assets/rulesets/app.js"></script>');
  });

  it('the OpenAPI document lists every new route with its 2xx schema', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    for (const [path, method] of [
      ['/v1/rulesets/{id}/changelog', 'get'],
      ['/v1/rulesets/{id}/versions/{version}/source', 'get'],
      ['/v1/rulesets/{id}/versions/{version}/rules/{rule}', 'get'],
      ['/v1/rulesets/{id}/versions/{version}/rules/{rule}/cases', 'get'],
      ['/v1/rulesets/{id}/diff/words', 'get'],
      ['/v1/rulesets/{id}/impact/detail', 'post'],
      ['/v1/rulesets/{id}/impact/file', 'post'],
    ] as const) {
      const op = doc.paths[path]?.[method];
      expect(op, path).toBeDefined();
      expect(Object.keys(op.responses), path).toEqual(expect.arrayContaining(['200', '400']));
    }
  });
});
