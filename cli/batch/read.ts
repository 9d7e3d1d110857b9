import { createReadStream, type ReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { ValidationError } from '../../engine/index.ts';
import { mapHeader } from './columns.ts';
import type { RawItem } from './worker.ts';
import { forEachLine, isRowLine } from './lines.ts';
import { extensionOf, formatOfPath, type FileFormat } from './formats.ts';

export type InputFormat = FileFormat;

export function inputFormatOf(path: string): InputFormat {
  const format = formatOfPath(path);
  if (format) return format;
  throw new ValidationError(`${path}: cannot tell the input format from '${extensionOf(path)}'`, [
    { path: '(file)', message: 'expected a .csv, .xlsx or .jsonl file' },
  ]);
}

/**
 * A streaming reader of enterprises: `header` (spreadsheets) is known and checked before the first row is handed out,
 * rows come one at a time, and `bytesRead` / `size` drive the progress bar.
 */
export interface BatchReader {
  format: InputFormat;
  /** the spreadsheet header row, checked against the profile schema (undefined for JSONL) */
  header?: unknown[];
  rows: AsyncIterator<RawItem>;
  /** JSONL only: the input as blocks of whole lines, for evaluation without per-row work in the reading thread */
  blocks?: () => AsyncGenerator<TextBlock>;
  bytesRead(): number;
  close(): void;
}

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

async function* csvRows(stream: ReadStream): AsyncGenerator<unknown[]> {
  const parser = stream.pipe(parseCsv({ bom: true, skip_empty_lines: true, relax_column_count: true }));
  stream.on('error', (e) => parser.destroy(e));
  for await (const record of parser) yield record as unknown[];
}

async function* xlsxRows(stream: ReadStream): AsyncGenerator<unknown[]> {
  // exceljs is large (about 27 MB resident): loaded only when a spreadsheet is read or written.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // Only the first worksheet holds enterprises; the rest of the file is not read.
  for await (const sheet of workbook) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      const cells = values.slice(1).map(plainCell);
      if (cells.every((c) => c === undefined || (typeof c === 'string' && c.trim() === ''))) continue;
      yield cells;
    }
    return;
  }
}

/** Whole JSONL lines (about `BLOCK_BYTES` of them, UTF-8, undecoded) and the row number of the first. */
export interface TextBlock {
  bytes: Uint8Array;
  firstRow: number;
}
const BLOCK_BYTES = 128 * 1024;
const NL = 0x0a;

/** Rows in a block of whole lines: lines with something other than whitespace (as the line reader counts them). */
function countRows(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let n = 0;
  forEachLine(buf, (start, end) => {
    // Nearly every line starts with '{'; only a line starting with whitespace needs decoding to tell.
    if (end > start && (buf[start]! > 0x20 || isRowLine(buf.toString('utf8', start, end)))) n += 1;
  });
  return n;
}

/** The file as blocks of whole lines, left undecoded: decoding and splitting happen where the rows are evaluated. */
async function* jsonlBlocks(stream: ReadStream): AsyncGenerator<TextBlock> {
  let rest: Buffer = Buffer.alloc(0);
  let firstRow = 1;
  for await (const chunk of stream) {
    const bytes = rest.length === 0 ? (chunk as Buffer) : Buffer.concat([rest, chunk as Buffer]);
    const cut = bytes.lastIndexOf(NL);
    if (cut < 0) {
      rest = bytes;
      continue;
    }
    rest = Buffer.from(bytes.subarray(cut + 1));
    const block = bytes.subarray(0, cut + 1);
    yield { bytes: block, firstRow };
    firstRow += countRows(block);
  }
  if (rest.length > 0) yield { bytes: rest, firstRow };
}

async function* jsonlRows(stream: ReadStream): AsyncGenerator<RawItem> {
  let row = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (!isRowLine(line)) continue;
    row += 1;
    // Parsed where it is evaluated (a worker, when there are workers): the reading thread only splits lines.
    yield { row, line };
  }
}

/** Opens the input; for a spreadsheet, reads and checks its header (unknown columns fail here, before any row). */
export async function openReader(path: string): Promise<BatchReader> {
  const format = inputFormatOf(path);
  const stream = createReadStream(path, format === 'jsonl' ? { highWaterMark: BLOCK_BYTES } : {});
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(new ValidationError(`${path}: cannot read: ${e.message}`, [{ path: '(file)', message: e.message }])));
  });
  const base = { format, bytesRead: () => stream.bytesRead, close: () => stream.destroy() };
  if (format === 'jsonl') return { ...base, rows: jsonlRows(stream), blocks: () => jsonlBlocks(stream) };
  const sheet = format === 'csv' ? csvRows(stream) : xlsxRows(stream);
  const first = await sheet.next();
  if (first.done) throw new ValidationError(`${path}: no header row`, [{ path: '(file)', message: 'the first row must name the columns' }]);
  const header = first.value;
  try {
    mapHeader(header);
  } catch (e) {
    stream.destroy();
    throw e instanceof ValidationError ? new ValidationError(`${path}: ${e.message}`, e.details) : e;
  }
  async function* rows(): AsyncGenerator<RawItem> {
    let row = 0;
    for await (const cells of { [Symbol.asyncIterator]: () => sheet }) yield { row: ++row, cells };
  }
  return { ...base, header, rows: rows() };
}
