import { conditionSentence, conditionWords, type ConditionWords, type Lang, valueWords } from '../engine/index.ts';
import type { RuleJson } from '../schemas/index.ts';
import { ANSWER_VALUE_NAMES } from '../schemas/labels/index.ts';

/** The six kinds of decision, named. */
const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  audit: { zh: '审核要求', en: 'audit' },
  process: { zh: '审核流程', en: 'process' },
  incentive: { zh: '激励', en: 'incentive' },
  sanction: { zh: '处罚', en: 'sanction' },
  obligation: { zh: '义务', en: 'obligation' },
  recommendation: { zh: '推荐措施', en: 'recommendation' },
};

export const kindName = (kind: string, lang: Lang): string => KIND_NAMES[kind]?.[lang] ?? kind;

/**
 * An outcome's name where the answer names it (audit statuses, routes, acceptance); null for the outcomes a rule's
 * title states (an incentive's, a sanction's, an obligation's).
 */
export function outcomeName(kind: string, outcome: string, lang: Lang): string | null {
  const tables = kind === 'audit' ? [ANSWER_VALUE_NAMES.auditStatus] : kind === 'process' ? [ANSWER_VALUE_NAMES.route, ANSWER_VALUE_NAMES.acceptance] : [];
  for (const t of tables) {
    const names = (t as Record<string, { zh: string; en: string }>)[outcome];
    if (names) return names[lang];
  }
  return null;
}

/** A rule as a person reads it: its title, kind and outcome named, its citation, and its conditions in words (tree and sentence). */
export interface RuleWords {
  id: string;
  kind: string;
  kindText: string;
  outcome: string;
  outcomeText: string | null;
  title: string;
  section: string;
  document: string;
  /** Verbatim, as the source has it (fragments joined by …). */
  quote: string;
  conditions: ConditionWords;
  conditionText: string;
  validFrom: string | null;
  validTo: string | null;
}

export const quoteText = (quote: string | string[]): string => (Array.isArray(quote) ? quote.join('…') : quote);

export function ruleWords(r: RuleJson, lang: Lang): RuleWords {
  const conditions = conditionWords(r.conditions, lang);
  return {
    id: r.id,
    kind: r.kind,
    kindText: kindName(r.kind, lang),
    outcome: r.outcome,
    outcomeText: outcomeName(r.kind, r.outcome, lang),
    title: r.title[lang],
    section: r.citation.section,
    document: r.citation.document,
    quote: quoteText(r.citation.quote),
    conditions,
    conditionText: conditionSentence(conditions, lang),
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
  };
}

/** The sentinel the semantic search uses for "some other value". */
const OTHER = 'zz-other';

/** A value the semantic search tried, in words: absent, "another value", or the value named. */
export function searchedValueWords(fact: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return lang === 'zh' ? '未提供' : 'not given';
  const other = lang === 'zh' ? '其他值' : 'another value';
  if (value === OTHER) return other;
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'zh' ? '无' : 'none';
    return value.map((v) => (v === OTHER ? other : valueWords(fact, v, lang))).join(lang === 'zh' ? '、' : ', ');
  }
  return valueWords(fact, value, lang);
}

/** A version's jurisdiction in words: 全国 / China, 广东省 / Guangdong, 佛山市 / Foshan (with its districts, where it names some). */
export function jurisdictionWords(j: { level: string; province?: string; city?: string; districts?: string[] }, lang: Lang): string {
  const zh = lang === 'zh';
  if (j.level === 'country') return zh ? '全国' : 'China (national)';
  if (j.level === 'province') return j.province === 'guangdong' ? (zh ? '广东省' : 'Guangdong province') : (j.province ?? '');
  const city = valueWords('location.city', j.city ?? '', lang);
  const districts = (j.districts ?? []).map((d) => valueWords('location.district', d, lang));
  return districts.length ? `${city}${zh ? '（' : ' ('}${districts.join(zh ? '、' : ', ')}${zh ? '）' : ')'}` : city;
}
