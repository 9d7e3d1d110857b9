import type { Lang } from '../../engine/index.ts';
import { ANSWER_VALUE_NAMES, DERIVED_FACT_NAMES, FIELD_TEXT } from '../../schemas/labels/index.ts';
import { OUTPUT_COLUMNS, type OutputValue } from './output.ts';

type OutputColumn = (typeof OUTPUT_COLUMNS)[number];

/** The result columns' Chinese headers (in English the headers are the column keys, as `cleanprod batch` writes them). */
export const OUTPUT_LABELS_ZH: Readonly<Record<OutputColumn, string>> = {
  row: '行号',
  id: '编号',
  name: '企业名称',
  asOf: '评估日期',
  'audit.status': '审核要求',
  'audit.dueBy': '完成期限',
  'audit.dueBasis': '期限依据',
  'audit.overdue': '是否逾期',
  'audit.metBy': '满足期限的审核',
  'audit.missed': '错过的期限',
  'audit.couldBe': '补充事实后可能变为',
  'audit.basis': '审核要求依据',
  'process.route': '审核流程',
  'process.acceptance': '验收方式',
  incentives: '激励数',
  sanctions: '处罚数',
  obligations: '其他义务数',
  'incentive.ids': '激励（规则）',
  'sanction.ids': '处罚（规则）',
  'obligation.ids': '其他义务（规则）',
  undetermined: '无法确定的规则数',
  questions: '待补充的事实',
  'rulesets.inForce': '适用的规则集',
  error: '错误',
};

/** The header row of a result file in `lang`. */
export const outputHeader = (lang: Lang): string[] => OUTPUT_COLUMNS.map((c) => (lang === 'zh' ? OUTPUT_LABELS_ZH[c] : c));

const LIST = ';';
const at = (c: OutputColumn) => OUTPUT_COLUMNS.indexOf(c);
const STATUS = at('audit.status');
const COULD_BE = at('audit.couldBe');
const OVERDUE = at('audit.overdue');
const ROUTE = at('process.route');
const ACCEPTANCE = at('process.acceptance');
const QUESTIONS = at('questions');

const named = (table: Readonly<Record<string, { zh: string }>>, v: OutputValue): OutputValue =>
  typeof v === 'string' && v !== ''
    ? v
        .split(LIST)
        .map((k) => table[k]?.zh ?? k)
        .join(LIST)
    : v;

const factName = (fact: string): string => FIELD_TEXT[fact]?.label.zh ?? DERIVED_FACT_NAMES[fact]?.zh ?? fact;

/**
 * A result row's values as a person reads them in Chinese: the audit status, route and acceptance by their names,
 * yes/no as 是/否, the facts to ask by their labels. Rule and rule-set ids stay ids (they are looked up by them).
 * In English the values stay as `cleanprod batch` writes them (the keys are English words).
 */
export function localizeValues(values: readonly OutputValue[], lang: Lang): OutputValue[] {
  if (lang !== 'zh') return [...values];
  const out = [...values];
  out[STATUS] = named(ANSWER_VALUE_NAMES.auditStatus, out[STATUS] ?? null);
  out[COULD_BE] = named(ANSWER_VALUE_NAMES.auditStatus, out[COULD_BE] ?? null);
  out[ROUTE] = named(ANSWER_VALUE_NAMES.route, out[ROUTE] ?? null);
  out[ACCEPTANCE] = named(ANSWER_VALUE_NAMES.acceptance, out[ACCEPTANCE] ?? null);
  const overdue = out[OVERDUE];
  if (typeof overdue === 'boolean') out[OVERDUE] = overdue ? '是' : '否';
  const questions = out[QUESTIONS];
  if (typeof questions === 'string' && questions !== '') out[QUESTIONS] = questions.split(LIST).map(factName).join(LIST);
  return out;
}
