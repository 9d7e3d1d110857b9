import type { Lang } from '../engine/index.ts';

/** Every sentence and heading of the CLI's text report, in each language (the answer's language decides). */
export interface ReportText {
  heading: (profileId: string | null, asOf: string) => string;
  rulesets: string;
  audit: string;
  overdueMark: string;
  basis: string;
  couldBe: (statuses: string) => string;
  or: string;
  route: string;
  acceptance: (list: string) => string;
  counts: (c: { incentives: number; sanctions: number; obligations: number; recommendations: number }) => string;
  decisions: string;
  notInForce: string;
  rule: (id: string, version: string, section: string) => string;
  because: string;
  duty: string;
  fine: (min: number | undefined, max: number) => string;
  notEncoded: string;
  historic: string;
  whyNot: string;
  needs: string;
  whatIf: (changes: string) => string;
  undeterminedHeading: string;
  questions: string;
  warnings: string;
  receipt: (sets: string, profile: string, engine: string) => string;
  sep: string;
  due: (date: string) => string;
  noDueDate: string;
  dueUnknown: string;
  cycle: (years: number) => string;
  pastMissed: (dueBy: string, madeUpOn: string | null) => string;
  met: (deemed: boolean, metBy: string | null) => string;
  pending: string;
  overdue: string;
  missed: (madeUpOn: string | null) => string;
  undetermined: (ask: readonly string[]) => string;
  stateOverdue: string;
  stateMet: (date: string) => string;
  stateUnknown: string;
  stateOpen: string;
  dueUnder: (date: string, basis: string) => string;
  noDueDateSet: string;
  every: (years: number) => string;
  overdueUnknown: string;
  missedUnder: (dueBy: string, id: string, where: string, madeUpOn: string | null, inForce: boolean) => string;
}

export const REPORT_TEXT: Record<Lang, ReportText> = {
  zh: {
    heading: (id, asOf) => `清洁生产评估${id ? `（${id}）` : ''}，评估日 ${asOf}`,
    rulesets: '规则集：',
    audit: '审核：',
    overdueMark: ' — 已逾期',
    basis: '依据：',
    couldBe: (s) => `视未提供的信息，可能为 ${s}`,
    or: ' 或 ',
    route: '审核流程：',
    acceptance: (l) => `；验收方式：${l}`,
    counts: (c) => `激励 ${c.incentives} 项  处罚 ${c.sanctions} 项  义务 ${c.obligations} 项  倡导 ${c.recommendations} 项`,
    decisions: '结论：',
    notInForce: '（不在有效期内）',
    rule: (id, v, s) => `规则 ${id}（${v}），${s}`,
    because: '因为：',
    duty: '审核义务：',
    fine: (min, max) => `罚款：${min !== undefined ? `${min}–` : '最高 '}${max} 元`,
    notEncoded: '未编码：',
    historic: '仅作历史记录：',
    whyNot: '为何不适用：',
    needs: '需要：',
    whatIf: (c) => `假如：${c}，即可满足`,
    undeterminedHeading: '尚不能确定（缺少信息）：',
    questions: '可改变结论的问题：',
    warnings: '提示：',
    receipt: (s, p, e) => `凭据：${s} 企业信息#${p} 引擎 ${e}`,
    sep: '；',
    due: (d) => `期限 ${d}`,
    noDueDate: '未规定期限',
    dueUnknown: '期限未知',
    cycle: (y) => `（每 ${y} 年一轮）`,
    pastMissed: (d, m) => `；曾错过 ${d}${m ? `，${m} 补做` : ''}`,
    met: (deemed, by) => `：已完成${deemed ? '（视同：认证等同于审核）' : by ? `（${by} 完成的审核）` : ''}`,
    pending: '：尚未完成',
    overdue: '：已逾期，此后未审核',
    missed: (m) => `：已错过${m ? `，${m} 补做` : '，未补做'}`,
    undetermined: (ask) => `：无法确定是否已完成${ask.length ? `（请提供 ${ask.join('、')}）` : ''}`,
    stateOverdue: '：未完成 — 已逾期',
    stateMet: (d) => `：已由 ${d} 完成的审核满足`,
    stateUnknown: '：无法确定是否已完成',
    stateOpen: '：尚未完成',
    dueUnder: (d, b) => `期限 ${d}，依据 ${b}`,
    noDueDateSet: '无期限：有效规则均未对本企业规定期限',
    every: (y) => `每 ${y} 年一轮`,
    overdueUnknown: '是否逾期：无法确定 — 未提供审核日期（audit.lastCompleted、audit.rounds）或某项义务所需的信息',
    missedUnder: (d, id, w, m, f) => `已错过 ${d}，依据 ${id}（${w}）${m ? `，${m} 补做` : '，未补做'}${f ? '' : ' — 该义务已不在有效期内'}`,
  },
  en: {
    heading: (id, asOf) => `Cleaner-production assessment${id ? ` for ${id}` : ''} as of ${asOf}`,
    rulesets: 'Rule sets:',
    audit: 'AUDIT: ',
    overdueMark: ' — OVERDUE',
    basis: 'basis: ',
    couldBe: (s) => `could be ${s} depending on facts not given`,
    or: ' or ',
    route: 'ROUTE: ',
    acceptance: (l) => `; acceptance: ${l}`,
    counts: (c) => `INCENTIVES: ${c.incentives}  SANCTIONS: ${c.sanctions}  OBLIGATIONS: ${c.obligations}  RECOMMENDATIONS: ${c.recommendations}`,
    decisions: 'Decisions:',
    notInForce: ' (not in force)',
    rule: (id, v, s) => `rule ${id} (${v}), ${s}`,
    because: 'because: ',
    duty: 'duty: ',
    fine: (min, max) => `fine: ${min !== undefined ? `${min}–` : 'up to '}${max} yuan`,
    notEncoded: 'not encoded: ',
    historic: 'history only: ',
    whyNot: 'Why not:',
    needs: 'needs ',
    whatIf: (c) => `what if: ${c} would satisfy it`,
    undeterminedHeading: 'Undetermined (facts not given):',
    questions: 'Questions that could change the answer:',
    warnings: 'Warnings:',
    receipt: (s, p, e) => `Receipt: ${s} profile#${p} engine ${e}`,
    sep: '; ',
    due: (d) => `due ${d}`,
    noDueDate: 'no due date stated',
    dueUnknown: 'due date not known',
    cycle: (y) => ` (a round every ${y} years)`,
    pastMissed: (d, m) => `; missed ${d}${m ? `, made up ${m}` : ''}`,
    met: (deemed, by) => `: met${deemed ? ' (deemed: a certification counts as the audit)' : by ? ` by the audit of ${by}` : ''}`,
    pending: ': not yet met',
    overdue: ': OVERDUE — no audit since',
    missed: (m) => `: missed${m ? `, made up by the audit of ${m}` : ', not made up'}`,
    undetermined: (ask) => `: not known whether met${ask.length ? ` (give ${ask.join(', ')})` : ''}`,
    stateOverdue: ': not met — OVERDUE',
    stateMet: (d) => `: met by the audit of ${d}`,
    stateUnknown: ': not known whether met',
    stateOpen: ': not yet met',
    dueUnder: (d, b) => `due ${d} under ${b}`,
    noDueDateSet: 'no due date: no rule in force sets one for this enterprise',
    every: (y) => `every ${y} years`,
    overdueUnknown: 'overdue: not known — the audit dates (audit.lastCompleted, audit.rounds) or a fact a duty needs are not given',
    missedUnder: (d, id, w, m, f) => `missed ${d} under ${id} (${w})${m ? `, made up ${m}` : ', not made up'}${f ? '' : ' — that duty is no longer in force'}`,
  },
};
