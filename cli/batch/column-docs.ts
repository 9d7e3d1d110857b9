import { FIELD_OPTIONS } from '../../schemas/labels/document.ts';
import type { Names } from '../../schemas/labels/text.ts';
import { AS_OF_COLUMN, LIST_SEPARATOR, NULL_WORD, PART_SEPARATOR, profileColumns, type Leaf } from './columns.ts';
import { columnLabels } from './header-names.ts';

/** One column of a batch sheet as the page and the template document it. */
export interface ColumnDoc {
  /** the column key (dotted profile path, or asOf): a header cell may be it or its Chinese label */
  key: string;
  label: Names;
  kind: Leaf['kind'] | 'as-of';
  /** what a cell holds, in both languages */
  cell: Names;
  /** a cell that reads well, where one helps */
  example?: string;
}

const both = (zh: string, en: string): Names => ({ zh, en });
const isDate = (leaf: Leaf) => (leaf.schema as { format?: string }).format === 'date';
const enumOf = (leaf: Leaf): unknown[] | undefined => (leaf.schema as { enum?: unknown[] }).enum;

/** What a scalar cell holds; `named`: the field's values have names (cities, industries…), listed on the page. */
function scalarCell(leaf: Leaf, named: boolean): Names {
  switch (leaf.kind) {
    case 'boolean':
      return both('是/否（也可填 true/false、yes/no、1/0）', 'yes/no (also true/false, 是/否, 1/0)');
    case 'number':
      return both('数字（金额以万元计，能耗以吨标准煤计）', 'a number (money in 10,000 yuan, energy in tonnes of standard coal)');
    case 'integer':
      return both('整数', 'a whole number');
    case 'date-or-null':
      return both(`日期 YYYY-MM-DD，或 ${NULL_WORD}（从未审核）`, `a date YYYY-MM-DD, or ${NULL_WORD} (never audited)`);
    default:
      if (isDate(leaf)) return both('日期 YYYY-MM-DD', 'a date YYYY-MM-DD');
      if (named || enumOf(leaf)) return both('下列取值之一（键或中文名称）', 'one of the values listed (key or Chinese name)');
      return both('文字', 'text');
  }
}

/** A records column (titles, audit.rounds): items separated by `;`, each `first[:second][:flag]`. */
function recordsCell(leaf: Leaf): Names {
  const fields = leaf.fields ?? [];
  const pattern = fields.map((f, i) => (i === 0 ? f.path : `[${PART_SEPARATOR}${f.path}]`)).join('');
  return both(
    `多项以「${LIST_SEPARATOR}」分隔，每项为 ${pattern}（日期为 YYYY-MM-DD）`,
    `items separated by '${LIST_SEPARATOR}', each ${pattern} (dates YYYY-MM-DD)`,
  );
}

const EXAMPLES: Readonly<Record<string, string>> = {
  'industry.keys': 'ceramics;glass',
  'audit.rounds': '2011-06-01;2013-09-15:2014-01-10',
  titles: 'foshan-cp-enterprise:2012-10-01;guangdong-cp-enterprise:2011-06-01:revoked',
  'audit.lastCompleted': '2013-03-01',
  'location.city': 'foshan',
};

/**
 * Every column a batch sheet may have, in the order of the profile schema with `asOf` last: its key, its label in
 * both languages (headers.ts) and what a cell holds (columns.ts decides how each kind of cell is read).
 */
export function columnDocs(): ColumnDoc[] {
  const labels = columnLabels();
  const docs: ColumnDoc[] = [];
  for (const [key, leaf] of profileColumns()) {
    const named = FIELD_OPTIONS[key] !== undefined;
    const item = leaf.kind === 'list' ? scalarCell(leaf.item as Leaf, named) : undefined;
    const cell =
      leaf.kind === 'records'
        ? recordsCell(leaf)
        : item
          ? both(`多个值以「${LIST_SEPARATOR}」分隔；每个值：${item.zh}`, `several values separated by '${LIST_SEPARATOR}'; each ${item.en}`)
          : scalarCell(leaf, named);
    docs.push({ key, label: labels[key] as Names, kind: leaf.kind, cell, ...(EXAMPLES[key] ? { example: EXAMPLES[key] } : {}) });
  }
  docs.push({
    key: AS_OF_COLUMN,
    label: labels[AS_OF_COLUMN] as Names,
    kind: 'as-of',
    cell: both('本行的评估日期 YYYY-MM-DD；留空则用所选的评估日期', "this row's evaluation date YYYY-MM-DD; blank = the evaluation date chosen"),
  });
  return docs;
}
