import { type Bilingual, CleanprodError } from '../../engine/index.ts';
import { BatchInputError } from '../../cli/batch/errors.ts';

/** Why an uploaded file cannot be read, as a problem says it: its sentence and fields, in both languages. */
export interface InputFailure {
  text: Bilingual;
  errors: { path: string; text: Bilingual }[];
}

/** The reader's reasons (cli/batch: read.ts, csv.ts, xlsx.ts, columns.ts) in Chinese; the first pattern that matches. */
const REASONS: readonly [RegExp, (...m: string[]) => string][] = [
  [/^not a CSV file: binary content \(a zero byte at offset (\d+)\)$/s, (at) => `不是 CSV 文件：含有二进制内容（偏移 ${at} 处有零字节）`],
  [/^not a CSV file: it is UTF-16 text; save it as UTF-8$/s, () => '不是 CSV 文件：这是 UTF-16 文本，请另存为 UTF-8'],
  [/^not a CSV file: not UTF-8 text/s, () => '不是 CSV 文件：不是 UTF-8 文本（可能以 GBK 等旧编码保存）：请另存为 UTF-8（Excel 中选择“CSV UTF-8”）'],
  [/^not an XLSX file: an xlsx file is a zip archive/s, () => '不是 XLSX 文件：xlsx 文件是 zip 压缩包，而该文件的开头不是'],
  [/^not an XLSX file: cannot be read as a zip archive \((.*)\)$/s, (why) => `不是 XLSX 文件：无法作为 zip 压缩包读取（${why}）`],
  [/^not an XLSX file: a zip archive without a workbook and a worksheet$/s, () => '不是 XLSX 文件：该 zip 压缩包中没有工作簿和工作表'],
  [/^not a readable XLSX sheet: (.*)$/s, (why) => `无法读取该 XLSX 工作表：${why}`],
  [/^no header row: the first row must name the columns$/s, () => '没有表头行：第一行须写明各列的名称'],
  [/^not valid CSV: a quoted cell is never closed/s, () => '不是有效的 CSV：某个带引号的单元格没有闭合（有 " 而无结尾的 "）'],
  [/^not valid CSV: a closing quote followed by/s, () => '不是有效的 CSV：结尾引号之后不是逗号或行尾'],
  [/^not valid CSV: (.*)$/s, (why) => `不是有效的 CSV：${why}`],
  [/^more than ([\d,]+) columns$/s, (max) => `超过 ${max} 列`],
  [/^a (line|row) longer than (.*)$/s, (_, max) => `某行超过 ${max}`],
  [/^column (\d+): a cell longer than ([\d,]+) characters$/s, (col, max) => `第 ${col} 列：某个单元格超过 ${max} 个字符`],
  [/^its shared strings \((.*)\) pass (.*) once decompressed$/s, (part, max) => `其共享字符串（${part}）解压后超过 ${max}`],
  [/^it passes (.*) once decompressed \(in (.*)\)$/s, (max, part) => `解压后超过 ${max}（在 ${part} 中）`],
  [/^a cell longer than ([\d,]+) characters in (.*)$/s, (max, where) => `${where} 中有单元格超过 ${max} 个字符`],
  [
    /^unknown column '(.*)' \(column (\d+)\): not a profile field; did you mean '(.*)'\?$/s,
    (name, col, near) => `未知的列「${name}」（第 ${col} 列）：不是企业信息字段；是否想写「${near}」？`,
  ],
  [
    /^unknown column '(.*)' \(column (\d+)\): not a profile field; name a field inside it, e\.g\. '(.*)'$/s,
    (name, col, e) => `未知的列「${name}」（第 ${col} 列）：这是一组字段，请写出其中的字段，例如「${e}」`,
  ],
  [/^unknown column '(.*)' \(column (\d+)\): not a profile field$/s, (name, col) => `未知的列「${name}」（第 ${col} 列）：不是企业信息字段`],
  [/^column (\d+) '(.*)' appears twice$/s, (col, name) => `第 ${col} 列「${name}」重复出现`],
];

const zh = (reason: string): string => {
  for (const [pattern, say] of REASONS) {
    const m = pattern.exec(reason);
    if (m) return say(...m.slice(1));
  }
  return reason;
};

const both = (reason: string): Bilingual => ({ en: reason, zh: zh(reason) });

/**
 * A reader's error about an uploaded file, named by the file's own name (not where the server keeps it), in both
 * languages: where (file, row, line) and why. Undefined for an error that is not about the file (a fault of the server).
 */
export function inputFailure(e: unknown, fileName: string): InputFailure | undefined {
  if (e instanceof BatchInputError) {
    const { row, line } = e.place;
    const reason = e.details[0]?.message ?? e.message;
    const where: Bilingual = {
      en: [fileName, row === 0 ? 'header' : row !== undefined ? `row ${row}` : undefined, line !== undefined ? `line ${line}` : undefined]
        .filter(Boolean)
        .join(', '),
      zh: `「${fileName}」${row === 0 ? '表头' : row !== undefined ? `第 ${row} 行` : ''}${line !== undefined ? `（第 ${line} 物理行）` : ''}`,
    };
    const r = both(reason);
    return { text: { en: `${where.en}: ${r.en}`, zh: `${where.zh}：${r.zh}` }, errors: [{ path: e.details[0]?.path ?? '(file)', text: r }] };
  }
  if (e instanceof CleanprodError && e.code === 'INVALID_INPUT') {
    // The header names unknown or repeated columns (columns.ts): each is a field error.
    const errors = e.details.map((d) => ({ path: d.path, text: both(d.message) }));
    const names = e.details.map((d) => d.path);
    return {
      text: { en: `${fileName}: unknown or repeated column(s): ${names.join(', ')}`, zh: `「${fileName}」：列名未知或重复：${names.join('、')}` },
      errors,
    };
  }
  return undefined;
}
