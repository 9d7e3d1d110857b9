import type { ConditionJson } from '../schemas/index.ts';
import type { Lang } from './explain.ts';
import { requirementWords } from './words.ts';

/**
 * A rule's conditions in words, as a tree a page can show: `all` / `any` with their parts, `not` with what must not
 * hold, and each test as 「超过单位产品能耗限额标准要求：是」 / "Exceeds the energy-consumption quota required: yes".
 * A `not` over a single test is folded into the test (「要求：并非…」 / "required: not …"; a yes/no test flips its value).
 */
export type ConditionWords =
  | { op: 'all' | 'any'; text: string; children: ConditionWords[] }
  | { op: 'not'; text: string; children: ConditionWords[] }
  | { op: 'test'; text: string; fact: string };

const HEAD = {
  zh: { all: '同时满足以下全部条件', any: '满足以下任一条件', not: '以下条件不成立', none: '无其他条件：适用于范围内的每个企业' },
  en: { all: 'all of the following', any: 'any of the following', not: 'not the following', none: 'no further condition: every enterprise in scope' },
} as const;

const factOf = (leaf: { fact: string; path?: string }) => [leaf.fact, ...(leaf.path ? leaf.path.slice(2).split('.') : [])].join('.');

/** The condition tree in words, in one language. */
export function conditionWords(json: ConditionJson, lang: Lang, negated = false): ConditionWords {
  const h = HEAD[lang];
  if ('all' in json || 'any' in json) {
    const op = 'all' in json ? 'all' : 'any';
    const parts = 'all' in json ? json.all : (json as { any: ConditionJson[] }).any;
    const node: ConditionWords =
      op === 'all' && parts.length === 0 ? { op: 'all', text: h.none, children: [] } : { op, text: h[op], children: parts.map((c) => conditionWords(c, lang)) };
    return negated ? { op: 'not', text: h.not, children: [node] } : node;
  }
  if ('not' in json) {
    const inner = json.not;
    if (!('all' in inner) && !('any' in inner) && !('not' in inner)) return conditionWords(inner, lang, !negated);
    return negated ? conditionWords(inner, lang) : { op: 'not', text: h.not, children: [conditionWords(inner, lang)] };
  }
  const fact = factOf(json);
  // "not (… is yes)" reads as "… is no": the same test on a yes/no fact.
  const flip = negated && json.operator === 'equal' && typeof json.value === 'boolean';
  const test = { fact, operator: json.operator, value: flip ? !json.value : json.value, negated: negated && !flip };
  return { op: 'test', fact, text: requirementWords(test, lang) };
}

const JOIN = { zh: { all: '；并且', any: '；或者' }, en: { all: '; and ', any: '; or ' } } as const;

/** The same tree as one sentence: parts joined by 「并且」/「或者」 ("and"/"or"), nested groups in brackets. */
export function conditionSentence(words: ConditionWords, lang: Lang): string {
  const [open, close] = lang === 'zh' ? ['（', '）'] : ['(', ')'];
  const inner = (w: ConditionWords): string =>
    w.op === 'test' || w.children.length <= 1 ? conditionSentence(w, lang) : `${open}${conditionSentence(w, lang)}${close}`;
  if (words.op === 'test') return words.text;
  if (words.op === 'not') return `${lang === 'zh' ? '并非' : 'not '}${inner(words.children[0]!)}`;
  if (words.children.length === 0) return words.text;
  return words.children.map(inner).join(JOIN[lang][words.op]);
}
