import type { Lang } from '../../engine/index.ts';
import type { CellError } from './columns.ts';
import { columnLabels } from './headers.ts';

/**
 * A bad row's error cell: every problem of the row, `path: message`, joined. In English exactly as `cleanprod batch`
 * writes it. In Chinese each field is named by its column label (with its key, which the sheet may use), and the
 * reader's own sentences (columns.ts, read.ts, evaluate.ts: cells that cannot be read) are worded in Chinese; the
 * schema's messages come in Chinese already (describeErrors with the language).
 */
export function rowErrorText(errors: readonly CellError[], lang: Lang | undefined): string {
  if (lang !== 'zh') return errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return errors.map((e) => `${fieldName(e.path)}：${messageZh(e.message)}`).join('；');
}

/** `size.annualRevenue` → 年主营业务收入（万元）（size.annualRevenue）; `industry.keys[1]` keeps its index. */
function fieldName(path: string): string {
  const key = path.replace(/\[\d+\].*$/, '');
  const label = columnLabels()[key]?.zh;
  if (label) return `${label}（${path}）`;
  return PLACES[path] ?? path;
}

const PLACES: Readonly<Record<string, string>> = {
  '(row)': '（本行）',
  '(evaluation)': '（评估）',
};

/** English sentence → Chinese, for the reader's own messages (the first pattern that matches). */
const SENTENCES: readonly [RegExp, (...m: string[]) => string][] = [
  [/^expected true\/false \(yes\/no, 是\/否, 1\/0\), got (.*)$/s, (got) => `应填 是/否（或 true/false、yes/no、1/0），实为 ${got}`],
  [/^expected a whole number, got (.*)$/s, (got) => `应填整数，实为 ${got}`],
  [/^expected a number, got (.*)$/s, (got) => `应填数字，实为 ${got}`],
  [/^expected text, got (.*)$/s, (got) => `应填文字，实为 ${got}`],
  [/^expected a date YYYY-MM-DD or '([^']*)', got (.*)$/s, (never, got) => `应填日期 YYYY-MM-DD 或 ${never}（从未审核），实为 ${got}`],
  [/^too many '(.)' parts in '(.*)': expected (.*)$/s, (sep, item, expected) => `「${item}」中以「${sep}」分隔的部分过多：应为 ${expected}`],
  [/^a value beyond the last named column: (.*)$/s, (got) => `最后一个有列名的列之后还有值：${got}`],
  [
    /^(\d+) cells where the header has (\d+): a separator is missing or the row is cut short$/s,
    (cells, width) => `本行有 ${cells} 个单元格，而表头有 ${width} 个：缺少分隔符，或该行被截断`,
  ],
  [/^must be a real calendar date YYYY-MM-DD, got (.*)$/s, (got) => `应为真实存在的日期 YYYY-MM-DD，实为 ${got}`],
];

/** The reader's sentence in Chinese; a schema message (already Chinese) keeps its text, its `(got …)` worded too. */
export function messageZh(message: string): string {
  for (const [pattern, say] of SENTENCES) {
    const m = pattern.exec(message);
    if (m) return say(...m.slice(1));
  }
  return message.replace(/ \(got (.*)\)$/s, '（实为 $1）');
}
