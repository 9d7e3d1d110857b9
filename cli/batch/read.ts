import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import sjson from 'secure-json-parse';
import { ValidationError } from '../../engine/index.ts';
import { mapHeader } from './columns.ts';
import { csvRecords } from './csv.ts';
import { BatchInputError } from './errors.ts';
import type { RawItem } from './evaluate.ts';
import { extensionOf, formatName, formatOfPath, type InputFormat } from './formats.ts';
import { jsonlLines } from './lines.ts';
import { bytesText, type BatchLimits } from './limits.ts';
import { checkXlsx, xlsxRecords } from './xlsx.ts';

export function inputFormatOf(path: string): InputFormat {
  const format = formatOfPath(path);
  if (format) return format;
  throw new ValidationError(`${path}: cannot tell the input format from '${extensionOf(path)}'`, [
    { path: '(file)', message: 'expected a .csv, .xlsx, .jsonl or .json file' },
  ]);
}

/**
 * A streaming reader of enterprises: `header` (spreadsheets) is known and checked before the first row is handed out,
 * rows come one at a time, and `bytesRead` / `size` drive the progress bar.
 */
export interface BatchReader {
  format: InputFormat;
  /** the spreadsheet header row, checked against the profile schema (undefined for JSONL and JSON) */
  header?: unknown[];
  rows: AsyncIterable<RawItem> | Iterable<RawItem>;
  size: number;
  /** data rows the file holds as counted before reading (an xlsx's worksheet rows, less the header), where known */
  rowsEstimate?: number;
  bytesRead(): number;
  close(): void;
}

const HEAD_BYTES = 64 * 1024;

/** The file's size, or why it cannot be read: not found, not a file, not allowed. */
async function sizeOf(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new BatchInputError('INPUT_NOT_READABLE', { file }, 'not a file');
    return s.size;
  } catch (e) {
    if (e instanceof BatchInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BatchInputError('INPUT_NOT_FOUND', { file }, 'not found');
    throw new BatchInputError('INPUT_NOT_READABLE', { file }, `cannot be read (${code === 'EACCES' ? 'permission denied' : (e as Error).message})`);
  }
}

/** Checks the first bytes: an xlsx is a zip archive; CSV, JSONL and JSON are UTF-8 text (no NUL byte, valid UTF-8). */
async function sniff(file: string, format: InputFormat): Promise<void> {
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const notA = (why: string) => new BatchInputError('INPUT_WRONG_FORMAT', { file }, `not ${format === 'xlsx' ? 'an' : 'a'} ${formatName(format)} file: ${why}`);
  if (format === 'xlsx') {
    if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) throw notA('an xlsx file is a zip archive, and this one does not start as one');
    return;
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) throw notA('it is UTF-16 text; save it as UTF-8');
  const nul = head.indexOf(0);
  if (nul >= 0) throw notA(`binary content (a zero byte at offset ${nul})`);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    // Text with no zero byte that is not UTF-8 is most often a sheet saved in a legacy encoding (GBK on Chinese Windows).
    throw notA('not UTF-8 text (saved as GBK or another legacy encoding?): save it as UTF-8 ("CSV UTF-8" in Excel)');
  }
}

/** Byte offset → line and column, for a JSON parser's "at position N". */
function positionText(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `${message} (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}

/** A .json file, read whole (up to `limits.jsonBytes`): an array of rows, or one row. */
async function jsonRows(file: string, size: number, limits: BatchLimits): Promise<RawItem[]> {
  if (size > limits.jsonBytes)
    throw new BatchInputError(
      'INPUT_TOO_LARGE',
      { file },
      `larger than ${bytesText(limits.jsonBytes)}, the most a .json file is read whole: write it as JSONL (one profile a line)`,
    );
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = sjson.parse(text, null, { protoAction: 'error', constructorAction: 'error' });
  } catch (e) {
    throw new BatchInputError('INPUT_INVALID', { file }, `not valid JSON: ${positionText(text, (e as Error).message)}`);
  }
  return (Array.isArray(doc) ? doc : [doc]).map((json, i) => ({ row: i + 1, json }));
}

/** Spreadsheet records checked against the limits a parser cannot check: each cell's length. */
async function* checkedCells(records: AsyncGenerator<unknown[]>, file: string, limits: BatchLimits): AsyncGenerator<unknown[]> {
  let row = 0;
  for await (const cells of records) {
    const long = cells.findIndex((c) => typeof c === 'string' && c.length > limits.cellChars);
    if (long >= 0)
      throw new BatchInputError('INPUT_TOO_LARGE', { file, row }, `column ${long + 1}: a cell longer than ${limits.cellChars.toLocaleString('en')} characters`);
    row += 1;
    yield cells;
  }
}

/** Opens the input and checks what can be checked first: that it exists, is of its format, and (spreadsheets) its header. */
export async function openReader(file: string, limits: BatchLimits): Promise<BatchReader> {
  const format = inputFormatOf(file);
  const size = await sizeOf(file);
  await sniff(file, format);
  if (format === 'json') {
    const rows = await jsonRows(file, size, limits);
    return { format, rows, size, bytesRead: () => size, close: () => undefined };
  }
  const rowsEstimate = format === 'xlsx' ? Math.max(0, (await checkXlsx(file, limits)).firstSheetRows - 1) : undefined;
  const stream: Readable = createReadStream(file, { highWaterMark: HEAD_BYTES });
  const base = { format, size, bytesRead: () => (stream as unknown as { bytesRead: number }).bytesRead, close: () => stream.destroy() };
  if (format === 'jsonl') {
    const lines = jsonlLines(stream, file, limits.lineBytes);
    return {
      ...base,
      rows: (async function* () {
        for await (const l of lines) yield { row: l.row, line: l.text };
      })(),
    };
  }
  const records = checkedCells(format === 'csv' ? csvRecords(stream, file, limits) : xlsxRecords(stream, file, limits), file, limits);
  const first = await records.next();
  if (first.done) throw new BatchInputError('INPUT_INVALID', { file }, 'no header row: the first row must name the columns');
  const header = first.value;
  try {
    mapHeader(header);
  } catch (e) {
    stream.destroy();
    throw e instanceof ValidationError ? new ValidationError(`${file}: ${e.message}`, e.details) : e;
  }
  // A CSV row with fewer cells than the header has lost a separator or been cut short: the cells would land in the
  // wrong columns. (An xlsx row leaves out its trailing blank cells, so only CSV rows are held to the header's width.)
  const width = header.length;
  async function* rows(): AsyncGenerator<RawItem> {
    let row = 0;
    for await (const cells of records) {
      row += 1;
      const short = format === 'csv' && cells.length < width;
      yield short ? { row, cells, short: { cells: cells.length, width } } : { row, cells };
    }
  }
  return { ...base, header, rows: rows(), ...(rowsEstimate !== undefined ? { rowsEstimate } : {}) };
}
