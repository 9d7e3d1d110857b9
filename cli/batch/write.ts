import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { ValidationError } from '../../engine/index.ts';
import { OUTPUT_COLUMNS, csvRecord, type RowResult } from './worker.ts';
import { extensionOf, formatOfPath, type FileFormat } from './formats.ts';

export type OutputFormat = FileFormat;

export function outputFormatOf(path: string): OutputFormat {
  const format = formatOfPath(path);
  if (format) return format;
  throw new ValidationError(`-o ${path}: cannot tell the output format from '${extensionOf(path)}'`, [
    { path: '-o', message: 'expected a .csv, .xlsx or .jsonl file' },
  ]);
}

/** A streaming writer of results: `write` resolves once the sink can take more (backpressure), `close` when flushed. */
export interface BatchWriter {
  /** Writes results in order; resolves once the sink can take more (backpressure). */
  write(results: readonly RowResult[]): Promise<void>;
  /** Writes already formatted records (CSV or JSONL text); text outputs only. */
  writeText(text: string): Promise<void>;
  close(): Promise<void>;
}

function waitDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (e: Error) => {
      stream.off('drain', onDrain);
      reject(e);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

function finished(stream: Writable, end: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    if (end) stream.end(() => resolve());
    else stream.write('', () => resolve());
  });
}

/** Lines of text to a file or stdout: JSONL, or CSV records (csv-stringify), a chunk of rows per write. */
function textWriter(sink: Writable, ownsSink: boolean, format: 'csv' | 'jsonl'): BatchWriter {
  const line = (r: RowResult): string =>
    format === 'jsonl'
      ? `${r.jsonLine ?? JSON.stringify(Object.fromEntries(OUTPUT_COLUMNS.map((c, i) => [c, r.values[i]])))}\n`
      : (r.csvLine ?? csvRecord(r.values));
  let started = false;
  const writeText = async (records: string) => {
    const text = started || format === 'jsonl' ? records : csvRecord([...OUTPUT_COLUMNS]) + records;
    started = true;
    if (!sink.write(text)) await waitDrain(sink);
  };
  return {
    async write(results) {
      let text = '';
      for (const r of results) text += line(r);
      await writeText(text);
    },
    writeText,
    async close() {
      if (!started && format === 'csv') sink.write(csvRecord([...OUTPUT_COLUMNS]));
      await finished(sink, ownsSink);
    },
  };
}

/** xlsx through exceljs's streaming WorkbookWriter: each row is committed (written out) as it comes. */
async function xlsxWriter(path: string): Promise<BatchWriter> {
  // exceljs is large (about 27 MB resident): loaded only when a spreadsheet is read or written.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('results');
  sheet.addRow([...OUTPUT_COLUMNS]).commit();
  return {
    async write(results) {
      for (const r of results) sheet.addRow(r.values).commit();
    },
    writeText() {
      return Promise.reject(new Error('xlsx output takes rows, not text'));
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** Opens the output: `path` (format by extension, or `format`), else CSV/JSONL on `stdout`. */
export async function openWriter(path: string | undefined, format: OutputFormat, stdout: Writable): Promise<BatchWriter> {
  if (format === 'xlsx') {
    if (!path) throw new ValidationError('xlsx output needs a file: -o results.xlsx', [{ path: '-o', message: 'xlsx cannot go to stdout' }]);
    return xlsxWriter(path);
  }
  return path ? textWriter(createWriteStream(path), true, format) : textWriter(stdout, false, format);
}
