import type { RuleSetFile } from '../schemas/index.ts';
import { nameOf, type Lang } from './explain.ts';
import type { Facts, Tri } from './tri.ts';

/**
 * The engine's own sentences (rule-set reasons and warnings), one function per sentence and language, so that an
 * answer speaks the language it was asked in. Rule texts (titles, explanations, rule-set warnings) come from the rule
 * files in both languages; quotes stay verbatim.
 */
type Jurisdiction = RuleSetFile['jurisdiction'];
type Status = 'in-force' | 'expired' | 'not-yet-in-force';

const STATUS: Record<Lang, Record<Status, string>> = {
  zh: { 'in-force': '有效', expired: '已失效', 'not-yet-in-force': '尚未生效' },
  en: { 'in-force': 'in force', expired: 'expired', 'not-yet-in-force': 'not yet in force' },
};

const period = (from: string, to: string | null, lang: Lang) => `${from} – ${to ?? (lang === 'zh' ? '长期' : 'open')}`;

/** Why a rule set does or does not cover the enterprise, given its place condition's value. */
export function placeReason(j: Jurisdiction, value: Tri, facts: Facts, lang: Lang): string {
  const location = (facts.location ?? {}) as { city?: string; province?: string };
  const zh = lang === 'zh';
  switch (j.level) {
    case 'country':
      return zh ? '全国性规定' : 'national rule set';
    case 'province': {
      const province = j.province ?? '';
      const name = province === 'guangdong' ? (zh ? '广东省' : 'Guangdong') : province;
      if (value === 'U') return zh ? `未提供所在地，无法判断企业是否位于${name}` : `location not given: cannot tell whether the enterprise is in ${name}`;
      if (value === 'T') return zh ? `企业位于${name}` : `the enterprise is in ${name}`;
      return zh ? `企业不在${name}（所在省份：${location.province ?? '未填'}）` : `the enterprise is not in ${name} (province ${location.province})`;
    }
    case 'city': {
      const city = nameOf(j.city ?? '', lang);
      if (value === 'U')
        return zh ? `未提供所在地市，无法判断企业是否位于${city}` : `location.city not given: cannot tell whether the enterprise is in ${city}`;
      if (value === 'T') return zh ? `企业位于${city}` : `the enterprise is in ${city}`;
      const actual = nameOf(location.city ?? '', lang);
      return zh ? `企业位于${actual}，不在${city}` : `the enterprise is in ${actual}, outside ${city}`;
    }
  }
}

export interface VersionStatus {
  readonly version: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly pinned: boolean;
}

/** The rule set's standing on the date: status, the version used and its period (and the place when unknown). */
export function statusReason(status: Status, asOf: string, v: VersionStatus, lang: Lang, placeUnknown: string | null): string {
  const p = period(v.validFrom, v.validTo, lang);
  if (lang === 'zh') {
    return `${asOf} ${STATUS.zh[status]}（版本 ${v.version}：${p}${v.pinned ? '，指定版本' : ''}）${placeUnknown ? `；${placeUnknown}` : ''}`;
  }
  return `${STATUS.en[status]} on ${asOf} (version ${v.version}: ${p}${v.pinned ? ', pinned' : ''})${placeUnknown ? `; ${placeUnknown}` : ''}`;
}

export function notInForceWarning(id: string, status: Status, asOf: string, v: VersionStatus, lang: Lang): string {
  const p = period(v.validFrom, v.validTo, lang);
  return lang === 'zh'
    ? `规则集 ${id} 适用于本企业，但在 ${asOf} ${STATUS.zh[status]}（${p}）`
    : `${id} covers this enterprise but is ${STATUS.en[status]} on ${asOf} (${p})`;
}

export const MESSAGES = {
  derivedConflict: {
    zh: (override: string, given: unknown, input: string, value: unknown, computed: unknown) =>
      `${override} 填写为 ${String(given)}，但按 ${input} = ${String(value)} 推算为 ${String(computed)}；采用填写的值。`,
    en: (override: string, given: unknown, input: string, value: unknown, computed: unknown) =>
      `${override} is ${String(given)}, but ${input} = ${String(value)} gives ${String(computed)}; the value given is used.`,
  },
  codeUnmapped: {
    zh: (code: string) => `国民经济行业分类代码 ${code} 不对应文件提及的任何行业。`,
    en: (code: string) => `GB/T 4754-2017 code ${code} maps to no industry the documents name.`,
  },
  normalized: {
    zh: (path: string, given: string, key: string) => `${path}：「${given}」按「${key}」处理。`,
    en: (path: string, given: string, key: string) => `${path}: "${given}" read as "${key}".`,
  },
  rulesetWarning: {
    zh: (id: string, text: string) => `${id}：${text}`,
    en: (id: string, text: string) => `${id}: ${text}`,
  },
} as const;
