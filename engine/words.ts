import { DERIVED_FACT_NAMES, FIELD_OPTIONS, FIELD_TEXT } from '../schemas/index.ts';
import { nameOf, type Lang } from './explain.ts';
import type { LeafTest } from './tri.ts';

/** A fact's name in words: the profile field's label, or the derived fact's (schemas/labels). */
export function factLabel(fact: string, lang: Lang): string {
  return FIELD_TEXT[fact]?.label[lang] ?? DERIVED_FACT_NAMES[fact]?.[lang] ?? fact;
}

const SEP = { zh: '、', en: ', ' } as const;

/** A value in words: a key by its name (industries, places, titles, sectors, the field's options), yes/no, a list. */
export function valueWords(fact: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return lang === 'zh' ? '未提供' : 'not given';
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? (lang === 'zh' ? '无' : 'none') : value.map((v) => valueWords(fact, v, lang)).join(SEP[lang]);
  if (typeof value === 'string') return FIELD_OPTIONS[fact]?.[value]?.[lang] ?? nameOf(value, lang);
  return String(value);
}

type Phrase = (v: string) => string;
const EXPECT: Record<Lang, Record<string, Phrase>> = {
  zh: {
    equal: (v) => v,
    notEqual: (v) => `不是${v}`,
    in: (v) => `${v}之一`,
    notIn: (v) => `不是${v}`,
    contains: (v) => `包含${v}`,
    doesNotContain: (v) => `不含${v}`,
    containsAny: (v) => `包含${v}之一`,
    containsNone: (v) => `不含${v}`,
    lessThan: (v) => `小于${v}`,
    lessThanInclusive: (v) => `不超过${v}`,
    greaterThan: (v) => `大于${v}`,
    greaterThanInclusive: (v) => `不低于${v}`,
  },
  en: {
    equal: (v) => v,
    notEqual: (v) => `not ${v}`,
    in: (v) => `one of ${v}`,
    notIn: (v) => `none of ${v}`,
    contains: (v) => `includes ${v}`,
    doesNotContain: (v) => `excludes ${v}`,
    containsAny: (v) => `any of ${v}`,
    containsNone: (v) => `none of ${v}`,
    lessThan: (v) => `below ${v}`,
    lessThanInclusive: (v) => `at most ${v}`,
    greaterThan: (v) => `above ${v}`,
    greaterThanInclusive: (v) => `at least ${v}`,
  },
};

/**
 * What a condition asks, in words: 「超过单位产品能耗限额标准要求：是」 / "Exceeds the energy-consumption quota required: yes".
 * A test under `not` (negated) says that what follows must not hold.
 */
export function requirementWords(t: Omit<LeafTest, 'actual'>, lang: Lang): string {
  const label = factLabel(t.fact, lang);
  const value =
    t.operator === 'nonEmpty' ? (lang === 'zh' ? (t.value ? '至少一项' : '无') : t.value ? 'at least one' : 'none') : valueWords(t.fact, t.value, lang);
  const expected = (EXPECT[lang][t.operator] ?? ((v: string) => `${t.operator} ${v}`))(value);
  if (lang === 'zh') return `${label}要求：${t.negated ? '并非' : ''}${expected}`;
  return `${label} required: ${t.negated ? 'not ' : ''}${expected}`;
}

/**
 * One condition in words, as a person reads it: 「行业要求：包含宾馆、餐饮之一；企业：建材、陶瓷」 /
 * "Industries required: any of hotels, catering; the enterprise: building materials, ceramics". A test under `not`
 * (negated) says that what follows must not hold.
 */
export function testWords(t: LeafTest, lang: Lang): string {
  const actual = valueWords(t.fact, t.actual, lang);
  return `${requirementWords(t, lang)}${lang === 'zh' ? '；企业：' : '; the enterprise: '}${actual}`;
}
