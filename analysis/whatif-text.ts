import { factLabel, valueWords, type Lang } from '../engine/index.ts';
import type { ProfileChange } from './change.ts';

/** The what-if difference's sentences, in the answers' language (status and route keys stay as the answer has them). */
export interface WhatIfText {
  change: (c: ProfileChange) => string;
  and: string;
  stops: (what: string, from: string, basis: string, to: string, toBasis: string) => string;
  becomes: (what: string, to: string, basis: string, from: string) => string;
  noDue: (what: string, was: string | null, basis: string) => string;
  due: (what: string, date: string, basis: string, was: string | null) => string;
  overdue: (what: string, to: boolean | null, from: boolean | null) => string;
  missedAdded: (what: string, m: string) => string;
  missedRemoved: (what: string, m: string) => string;
  route: (what: string, from: string, to: string) => string;
  incentiveAdded: (what: string, id: string) => string;
  incentiveRemoved: (what: string, id: string) => string;
  sanctionAdded: (what: string, id: string) => string;
  sanctionRemoved: (what: string, id: string) => string;
  nothing: (what: string) => string;
}

const yesNo = {
  zh: (v: boolean | null) => (v === null ? '无法确定' : v ? '是' : '否'),
  en: (v: boolean | null) => (v === null ? 'not known' : v ? 'yes' : 'no'),
};

export const WHATIF_TEXT: Record<Lang, WhatIfText> = {
  zh: {
    change: (c) => (c.remove ? `不提供「${factLabel(c.path, 'zh')}」` : `「${factLabel(c.path, 'zh')}」为${valueWords(c.path, c.value, 'zh')}`),
    and: '且',
    stops: (w, from, basis, to, toBasis) => `假如${w}，审核不再是 ${from}（依据 ${basis}），而是 ${to}${toBasis ? `（依据 ${toBasis}）` : ''}`,
    becomes: (w, to, basis, from) => `假如${w}，审核成为 ${to}（依据 ${basis}；原为 ${from}）`,
    noDue: (w, was, basis) => `假如${w}，不再有审核期限（原为 ${was}，依据 ${basis}）`,
    due: (w, date, basis, was) => `假如${w}，审核期限为 ${date}（依据 ${basis}${was ? `；原为 ${was}` : ''}）`,
    overdue: (w, to, from) => `假如${w}，是否逾期变为${yesNo.zh(to)}（原为${yesNo.zh(from)}）`,
    missedAdded: (w, m) => `假如${w}，期限 ${m} 计为已错过`,
    missedRemoved: (w, m) => `假如${w}，期限 ${m} 不再计为已错过`,
    route: (w, from, to) => `假如${w}，审核流程由 ${from} 变为 ${to}`,
    incentiveAdded: (w, id) => `假如${w}，企业可申请 ${id}`,
    incentiveRemoved: (w, id) => `假如${w}，企业不再享有 ${id}`,
    sanctionAdded: (w, id) => `假如${w}，企业将面临 ${id}`,
    sanctionRemoved: (w, id) => `假如${w}，企业不再面临 ${id}`,
    nothing: (w) => `假如${w}，结论摘要没有变化`,
  },
  en: {
    change: (c) => (c.remove ? `“${factLabel(c.path, 'en')}” is not given` : `“${factLabel(c.path, 'en')}” is ${valueWords(c.path, c.value, 'en')}`),
    and: ' and ',
    stops: (w, from, basis, to, toBasis) => `if ${w}, the audit stops being ${from} under ${basis} and becomes ${to}${toBasis ? ` under ${toBasis}` : ''}`,
    becomes: (w, to, basis, from) => `if ${w}, the audit becomes ${to} under ${basis} (was ${from})`,
    noDue: (w, was, basis) => `if ${w}, no due date applies any more (was ${was} under ${basis})`,
    due: (w, date, basis, was) => `if ${w}, the audit is due ${date} under ${basis}${was ? ` (was ${was})` : ''}`,
    overdue: (w, to, from) => `if ${w}, overdue becomes ${yesNo.en(to)} (was ${yesNo.en(from)})`,
    missedAdded: (w, m) => `if ${w}, the due date ${m} counts as missed`,
    missedRemoved: (w, m) => `if ${w}, the due date ${m} no longer counts as missed`,
    route: (w, from, to) => `if ${w}, the audit route changes from ${from} to ${to}`,
    incentiveAdded: (w, id) => `if ${w}, the enterprise may claim ${id}`,
    incentiveRemoved: (w, id) => `if ${w}, the enterprise no longer gets ${id}`,
    sanctionAdded: (w, id) => `if ${w}, the enterprise faces ${id}`,
    sanctionRemoved: (w, id) => `if ${w}, the enterprise no longer faces ${id}`,
    nothing: (w) => `if ${w}, nothing in the summary changes`,
  },
};
