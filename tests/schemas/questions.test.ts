import type { TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../engine/index.ts';
import { WATERSHEDS } from '../../schemas/geography.ts';
import { profileHasPath } from '../../schemas/paths.ts';
import { type Profile, ProfileSchema } from '../../schemas/profile.ts';
import { QUESTIONS } from '../../schemas/questions.ts';
import { bundled } from '../support/rulebase.ts';

/**
 * The profile's leaves: walking `properties` recursively, an object with properties is not a leaf and everything else
 * (booleans, numbers, strings, dates, unions, arrays — also arrays of objects such as `audit.rounds`) is one.
 * `id` and `name` identify the profile and are never asked for.
 */
function leaves(schema: TSchema, prefix = ''): { path: string; schema: TSchema }[] {
  const props = (schema as { properties?: Record<string, TSchema> }).properties;
  if (!props) return [{ path: prefix, schema }];
  return Object.entries(props).flatMap(([key, s]) => leaves(s, prefix ? `${prefix}.${key}` : key));
}
const LEAVES = leaves(ProfileSchema).filter((l) => l.path !== 'id' && l.path !== 'name');

/** Paths the engine asks for itself (engine/duty.ts, engine/history.ts), which may sit inside objects. */
const ENGINE_ASKS = ['audit.mandatoryListed.listedOn', 'audit.mandatoryListed.deadline', 'audit.mandatoryListed.listed', 'audit.rounds', 'audit.lastCompleted'];

/**
 * Language rules.
 * - zh: simplified Chinese with no Latin letters, except these standard designations (the industry-code standard).
 * - en: no Han characters, except a Chinese policy term in parentheses right after the English words it glosses, as in
 *   "above designated size (规模以上)": the parentheses hold only Han characters, 、 and /, and follow a letter and a space.
 */
const ZH_LATIN_ALLOWED = ['GB/T'];
const EN_GLOSS = /(?<=[A-Za-z] )\([\p{Script=Han}、/]+\)/gu;
/** Traditional forms that have a different simplified one, among the characters this domain uses. */
const TRADITIONAL = /[審業園準時產於與經濟環報單廢區縣級標稱開國義務獲滅療團體試點規劃類資稅額費並頒佈條歷銷認證違發電節約減總種廠鋼鐵織紡據設備廣東淨汙]/u;

function zhProblems(zh: string): string[] {
  const problems: string[] = [];
  if (!zh.endsWith('？')) problems.push('does not end with ？');
  if (/[？?。！!]/.test(zh.slice(0, -1))) problems.push('is more than one sentence');
  const rest = ZH_LATIN_ALLOWED.reduce((s, token) => s.replaceAll(token, ''), zh);
  if (/[A-Za-z]/.test(rest)) problems.push('has Latin letters');
  if (!/\p{Script=Han}/u.test(zh)) problems.push('has no Chinese');
  if (TRADITIONAL.test(zh)) problems.push('has traditional characters');
  return problems;
}

function enProblems(en: string): string[] {
  const problems: string[] = [];
  if (!en.endsWith('?')) problems.push('does not end with ?');
  if (/[?？!.]\s/.test(en)) problems.push('is more than one sentence');
  const rest = en.replace(EN_GLOSS, '');
  if (/\p{Script=Han}/u.test(rest)) problems.push('has Chinese outside a gloss');
  if (/[\u3000-\u303f\uff00-\uffef]/.test(rest)) problems.push('has full-width punctuation');
  return problems;
}

describe('the question catalog', () => {
  it('walks the profile schema: nested objects are descended, arrays are single leaves', () => {
    const paths = LEAVES.map((l) => l.path);
    expect(paths).toContain('location.park.inPark');
    expect(paths).toContain('environment.keyMonitoring.energy');
    expect(paths).toContain('audit.mandatoryListed.deadline');
    expect(paths).toContain('audit.rounds');
    expect(paths).toContain('titles');
    expect(paths).not.toContain('location.park');
    expect(paths).not.toContain('audit.rounds.completedOn');
    expect(paths).not.toContain('id');
  });

  it('has a question for every leaf of the profile', () => {
    expect(LEAVES.map((l) => l.path).filter((p) => !(p in QUESTIONS))).toEqual([]);
  });

  it('has a question for every path the engine asks for itself, and for what each derived fact asks for', () => {
    const derivedAsks = bundled().derivedFacts.map((d) => d.ask);
    expect(derivedAsks.length).toBeGreaterThan(0);
    expect([...ENGINE_ASKS, ...derivedAsks].filter((p) => !(p in QUESTIONS))).toEqual([]);
  });

  it('has a question for every fact an evaluation asks about, from an empty profile to a listed enterprise', () => {
    const profiles: Profile[] = [
      {},
      { sector: 'industry', location: { city: 'foshan', district: 'nanhai' }, industry: { keys: ['ceramics'] } },
      { sector: 'industry', location: { city: 'meizhou' }, audit: { mandatoryListed: {} } },
    ];
    const asked = new Set<string>();
    for (const profile of profiles)
      for (const asOf of ['2012-03-01', '2014-06-01', '2016-06-01', '2021-06-01', '2024-06-01'])
        for (const q of evaluate(bundled(), profile, { asOf }).questions) asked.add(q.fact);
    expect(asked.size).toBeGreaterThan(10);
    expect([...asked].filter((p) => !(p in QUESTIONS))).toEqual([]);
  });

  it('asks only about profile paths (no key outside the schema, and not id or name)', () => {
    const keys = Object.keys(QUESTIONS);
    expect(keys.filter((k) => !profileHasPath(k.split('.')))).toEqual([]);
    expect(keys).not.toContain('id');
    expect(keys).not.toContain('name');
  });

  it('writes every zh question as one simplified-Chinese sentence ending with ？', () => {
    const bad = Object.entries(QUESTIONS).flatMap(([path, q]) => zhProblems(q.zh).map((p) => `${path}: ${p}`));
    expect(bad).toEqual([]);
  });

  it('writes every en question as one English sentence ending with ?, Chinese only as a parenthesised gloss', () => {
    const bad = Object.entries(QUESTIONS).flatMap(([path, q]) => enProblems(q.en).map((p) => `${path}: ${p}`));
    expect(bad).toEqual([]);
  });

  it('the language checks catch what they are meant to', () => {
    expect(zhProblems('企业是否为规模以上企业？')).toEqual([]);
    expect(zhProblems('企业的GB/T 4754-2017代码是哪些？')).toEqual([]);
    expect(zhProblems('企业年能耗是多少tce？')).toContain('has Latin letters');
    expect(zhProblems('企业是否为规模以上企业?')).toContain('does not end with ？');
    expect(zhProblems('请填写日期。企业何时完成审核？')).toContain('is more than one sentence');
    expect(zhProblems('企業是否完成審核？')).toContain('has traditional characters');
    expect(enProblems('Is the enterprise above designated size (规模以上)?')).toEqual([]);
    expect(enProblems('Did it reach a level leading in China (国内/省内领先)?')).toEqual([]);
    expect(enProblems('Is the enterprise 规模以上?')).toContain('has Chinese outside a gloss');
    expect(enProblems('(规模以上) Is it large?')).toContain('has Chinese outside a gloss');
    expect(enProblems('Is it large(规模以上)?')).toContain('has Chinese outside a gloss');
    expect(enProblems('Is it large (about 规模)?')).toContain('has Chinese outside a gloss');
    expect(enProblems('Is it large？')).toContain('does not end with ?');
    expect(enProblems('Give a date. When was the audit?')).toContain('is more than one sentence');
  });

  it('names the unit in every question about an amount (万元, tonnes of standard coal)', () => {
    const amounts = LEAVES.filter((l) => (l.schema as { type?: string }).type === 'number').map((l) => l.path);
    expect(amounts).toEqual(['size.annualRevenue', 'energy.annualConsumptionTce']);
    const bad = amounts.filter((p) => {
      const q = QUESTIONS[p]!;
      return !(/万元|吨标准煤/.test(q.zh) && /10,000 yuan \(万元\)|tonnes of standard coal/.test(q.en));
    });
    expect(bad).toEqual([]);
  });

  it('names every key watershed of the schema in the watershed question', () => {
    const zh = QUESTIONS['location.watersheds']!.zh;
    expect(Object.values(WATERSHEDS).filter((name) => !zh.includes(name))).toEqual([]);
  });
});
