/**
 * The sentences of a batch row's error column, in the language asked for (`--lang`; English when none is asked, as
 * the column keys are). Schema errors come from schemas/validate.ts `describeErrors` in the same language.
 */
export type RowLang = 'zh' | 'en';

export const ROW_MESSAGES = {
  boolean: {
    zh: (got: string) => `应为 是/否（true/false、yes/no、1/0），实为 ${got}`,
    en: (got: string) => `expected true/false (yes/no, 是/否, 1/0), got ${got}`,
  },
  integer: { zh: (got: string) => `应为整数，实为 ${got}`, en: (got: string) => `expected a whole number, got ${got}` },
  number: { zh: (got: string) => `应为数字，实为 ${got}`, en: (got: string) => `expected a number, got ${got}` },
  text: { zh: (got: string) => `应为文本，实为 ${got}`, en: (got: string) => `expected text, got ${got}` },
  date: {
    zh: (got: string, never: string) => `应为日期 YYYY-MM-DD 或「${never}」，实为 ${got}`,
    en: (got: string, never: string) => `expected a date YYYY-MM-DD or '${never}', got ${got}`,
  },
  kind: { zh: (kind: string) => `此处无法读取 ${kind}`, en: (kind: string) => `cannot read ${kind} here` },
  tooManyParts: {
    zh: (sep: string, entry: string, fields: string) => `「${entry}」中的「${sep}」分段过多：应为 ${fields}`,
    en: (sep: string, entry: string, fields: string) => `too many '${sep}' parts in '${entry}': expected ${fields}`,
  },
  beyondLastColumn: { zh: (got: string) => `最后一个具名列之后还有值：${got}`, en: (got: string) => `a value beyond the last named column: ${got}` },
  shortRow: {
    zh: (cells: number, width: number) => `本行 ${cells} 格，而表头有 ${width} 列：缺少分隔符或本行被截断`,
    en: (cells: number, width: number) => `${cells} cells where the header has ${width}: a separator is missing or the row is cut short`,
  },
  notObject: { zh: () => '应为 JSON 对象：企业信息，或 {profile, asOf}', en: () => 'expected a JSON object: a profile or {profile, asOf}' },
  unknownField: {
    zh: (k: string) => `未知字段「${k}」：每行应为企业信息或 {profile, asOf}`,
    en: (k: string) => `unknown field '${k}': a row is a profile or {profile, asOf}`,
  },
  asOfType: { zh: () => '应为日期 YYYY-MM-DD', en: () => 'must be a date YYYY-MM-DD' },
  profileType: { zh: () => '应为对象', en: () => 'must be an object' },
  notJson: { zh: (why: string) => `不是有效的 JSON：${why}`, en: (why: string) => `not valid JSON: ${why}` },
  badDate: {
    zh: (got: string) => `应为真实存在的日期 YYYY-MM-DD，实为「${got}」`,
    en: (got: string) => `must be a real calendar date YYYY-MM-DD, got '${got}'`,
  },
  got: { zh: (shown: string) => `（实为 ${shown}）`, en: (shown: string) => ` (got ${shown})` },
} as const;
