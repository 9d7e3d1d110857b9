import { FIELD_TEXT, type Names } from '../../schemas/index.ts';
import { AS_OF_COLUMN, profileColumns } from './columns.ts';
import { OUTPUT_COLUMNS } from './output.ts';

/** The row's own evaluation date and the result columns, named in both languages (profile columns: schemas/labels). */
const OWN_LABELS: Readonly<Record<string, Names>> = {
  asOf: { zh: '评估日期', en: 'Evaluation date' }, // AS_OF_COLUMN (named here: this table is built before columns.ts has run)
  row: { zh: '行号', en: 'Row' },
  'audit.status': { zh: '审核结论', en: 'Audit status' },
  'audit.dueBy': { zh: '审核期限', en: 'Audit due by' },
  'audit.dueBasis': { zh: '期限依据', en: 'Due date basis' },
  'audit.overdue': { zh: '是否逾期', en: 'Overdue' },
  'audit.metBy': { zh: '满足期限的审核日期', en: 'Met by the audit of' },
  'audit.missed': { zh: '错过的期限', en: 'Missed due dates' },
  'audit.couldBe': { zh: '视缺失信息可能的结论', en: 'Could be, depending on facts not given' },
  'audit.basis': { zh: '审核依据', en: 'Audit basis' },
  'process.route': { zh: '审核流程', en: 'Audit route' },
  'process.acceptance': { zh: '验收方式', en: 'Acceptance' },
  incentives: { zh: '激励项数', en: 'Incentives' },
  sanctions: { zh: '处罚项数', en: 'Sanctions' },
  obligations: { zh: '义务项数', en: 'Obligations' },
  'incentive.ids': { zh: '激励规则', en: 'Incentive rules' },
  'sanction.ids': { zh: '处罚规则', en: 'Sanction rules' },
  'obligation.ids': { zh: '义务规则', en: 'Obligation rules' },
  undetermined: { zh: '尚不能确定的规则数', en: 'Undetermined rules' },
  questions: { zh: '待回答的问题', en: 'Questions' },
  'rulesets.inForce': { zh: '有效规则集', en: 'Rule sets in force' },
  normalized: { zh: '按键名读取的名称', en: 'Names read as keys' },
  error: { zh: '错误', en: 'Error' },
};

/**
 * Every column a sheet may have — the profile's columns and `asOf` going in, the result columns coming out — with its
 * documented names in Chinese and English (the profile's from schemas/labels, the same labels the page shows).
 */
export function columnLabels(): Readonly<Record<string, Names>> {
  const out: Record<string, Names> = {};
  for (const path of profileColumns().keys()) {
    const label = FIELD_TEXT[path]?.label;
    if (label) out[path] = label;
  }
  for (const key of [AS_OF_COLUMN, ...OUTPUT_COLUMNS]) {
    const own = OWN_LABELS[key] ?? (FIELD_TEXT[key]?.label as Names | undefined);
    if (own) out[key] = own;
  }
  return out;
}

let byName: Map<string, string> | undefined;

/**
 * The column a header cell names when it is not the key itself: its Chinese or English label (case and surrounding
 * spaces ignored). A label two columns share names neither.
 */
export function columnForLabel(name: string): string | undefined {
  if (!byName) {
    byName = new Map();
    const shared = new Set<string>();
    const inputs = new Set([AS_OF_COLUMN, ...profileColumns().keys()]);
    for (const [key, names] of Object.entries(columnLabels())) {
      if (!inputs.has(key)) continue;
      for (const label of [names.zh, names.en.toLowerCase()]) {
        if (byName.has(label) && byName.get(label) !== key) shared.add(label);
        else byName.set(label, key);
      }
    }
    for (const label of shared) byName.delete(label);
  }
  const trimmed = name.trim();
  return byName.get(trimmed) ?? byName.get(trimmed.toLowerCase());
}

/** The result sheet's header: keys, or the labels in the language asked for. */
export function outputHeader(lang: 'zh' | 'en' | undefined): string[] {
  if (!lang) return [...OUTPUT_COLUMNS];
  const labels = columnLabels();
  return OUTPUT_COLUMNS.map((key) => labels[key]?.[lang] ?? key);
}
