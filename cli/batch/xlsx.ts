import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { BatchInputError } from './errors.ts';
import { bytesText, type BatchLimits } from './limits.ts';

/** An xlsx cell value as a plain value: text, number, boolean or Date (rich text, hyperlinks, formulas unwrapped). */
export function plainCell(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('result' in o) return plainCell(o.result);
  if ('formula' in o || 'sharedFormula' in o) return undefined;
  if ('text' in o) return plainCell(o.text);
  if ('error' in o) return String(o.error);
  return String(v);
}

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const ROW_END = Buffer.from('</row>');
/** Bytes of XML that one cell's text may take: a character is at most 4 bytes of UTF-8, or 6 as an entity (&quot;). */
const XML_BYTES_PER_CHAR = 6;

/** Follows one XML part: the longest text between tags (a cell's text) and, in a sheet, the rows passed. */
class XmlScan {
  private run = 0;
  private carry: Buffer = Buffer.alloc(0);
  rows = 0;
  constructor(
    private readonly maxRun: number,
    private readonly countRows: boolean,
  ) {}

  /** false once a text run passes the limit (`rows` then counts the rows ended before it) */
  feed(chunk: Buffer): boolean {
    let last = -1;
    let over = -1;
    for (let i = chunk.indexOf(0x3c); i >= 0 && over < 0; i = chunk.indexOf(0x3c, i + 1)) {
      if (this.run + (i - last - 1) > this.maxRun) over = i;
      this.run = 0;
      last = i;
    }
    if (over < 0) {
      this.run += chunk.length - last - 1;
      if (this.run > this.maxRun) over = chunk.length;
    }
    if (this.countRows) this.countRowEnds(chunk, over < 0 ? chunk.length : over);
    return over < 0;
  }

  /** Counts `</row>` in the chunk up to `end`; one split between two chunks is found in the tail carried over. */
  private countRowEnds(chunk: Buffer, end: number): void {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk.subarray(0, end)]) : chunk.subarray(0, end);
    for (let i = data.indexOf(ROW_END); i >= 0; i = data.indexOf(ROW_END, i + ROW_END.length)) this.rows += 1;
    this.carry = Buffer.from(data.subarray(Math.max(0, data.length - (ROW_END.length - 1))));
  }
}

/**
 * Reads every part of an xlsx once, decompressing and counting, before exceljs reads it: a zip bomb (a few MB that
 * decompress to GBs of shared strings, which exceljs would hold in memory) stops at `limits.sharedStringsBytes` or
 * `limits.xlsxBytes`, a cell's text is held to `limits.cellChars`, and anything that is not an xlsx (not a zip, or a
 * zip without a workbook and a worksheet) is named as such. Counting the bytes actually decompressed, not the sizes a
 * zip declares, which a crafted file can fake. Returns how many rows the first worksheet holds (the header included;
 * exceljs reads the first worksheet of the archive, and so does this count), for a progress measure.
 */
export async function checkXlsx(file: string, limits: BatchLimits): Promise<{ firstSheetRows: number }> {
  const input = createReadStream(file);
  const zip = unzipper.Parse({ forceStream: true });
  input.on('error', (e) => zip.destroy(e));
  input.pipe(zip);
  let total = 0;
  let workbook = false;
  let sheet = false;
  let firstSheetRows: number | undefined;
  const tooLarge = (reason: string) => new BatchInputError('INPUT_TOO_LARGE', { file }, reason);
  try {
    for await (const entry of zip) {
      const name = entry.path;
      const isSheet = SHEET.test(name);
      const isStrings = name === 'xl/sharedStrings.xml';
      workbook ||= name === 'xl/workbook.xml';
      sheet ||= isSheet;
      const scan = isSheet || isStrings ? new XmlScan(limits.cellChars * XML_BYTES_PER_CHAR, isSheet) : undefined;
      let bytes = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        total += chunk.length;
        if (isStrings && bytes > limits.sharedStringsBytes)
          throw tooLarge(`its shared strings (${name}) pass ${bytesText(limits.sharedStringsBytes)} once decompressed`);
        if (total > limits.xlsxBytes) throw tooLarge(`it passes ${bytesText(limits.xlsxBytes)} once decompressed (in ${name})`);
        if (scan && !scan.feed(chunk))
          throw tooLarge(
            `a cell longer than ${limits.cellChars.toLocaleString('en')} characters in ${isStrings ? 'its shared strings' : `${name}, row ${scan.rows + 1} of the sheet`}`,
          );
      }
      if (isSheet && scan) firstSheetRows ??= scan.rows;
    }
  } catch (e) {
    if (e instanceof BatchInputError) throw e;
    throw new BatchInputError('INPUT_WRONG_FORMAT', { file }, `not an XLSX file: cannot be read as a zip archive (${(e as Error).message})`);
  } finally {
    input.destroy();
    zip.destroy();
  }
  if (!workbook || !sheet) throw new BatchInputError('INPUT_WRONG_FORMAT', { file }, 'not an XLSX file: a zip archive without a workbook and a worksheet');
  return { firstSheetRows: firstSheetRows ?? 0 };
}

/** The rows of the first worksheet (the header first) as plain cells; blank rows are skipped. */
export async function* xlsxRecords(stream: Readable, file: string, limits: BatchLimits): AsyncGenerator<unknown[]> {
  // exceljs is large (about 27 MB resident): loaded only when a spreadsheet is read or written.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let row = -1;
  try {
    // Only the first worksheet holds enterprises; the rest of the file is not read.
    for await (const sheet of workbook) {
      for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = r.values as unknown[];
        if (values.length - 1 > limits.columns)
          throw new BatchInputError('INPUT_TOO_LARGE', { file, row: row + 1 }, `more than ${limits.columns.toLocaleString('en')} columns`);
        const cells = values.slice(1).map(plainCell);
        if (cells.every((c) => c === undefined || (typeof c === 'string' && c.trim() === ''))) continue;
        row += 1;
        yield cells;
      }
      return;
    }
  } catch (e) {
    if (e instanceof BatchInputError) throw e;
    throw new BatchInputError('INPUT_INVALID', { file, row: row + 1 }, `not a readable XLSX sheet: ${(e as Error).message}`);
  } finally {
    stream.destroy();
  }
}
