import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { ValidationError } from '../../engine/index.ts';
import type { ChunkResult } from './evaluate.ts';
import { extensionOf, formatOfPath, type FileFormat } from './formats.ts';
import { csvRecords } from './output.ts';
import { outputHeader } from './header-names.ts';

export type OutputFormat = FileFormat;

export function outputFormatOf(path: string): OutputFormat {
  const format = formatOfPath(path);
  if (format && format !== 'json') return format;
  throw new ValidationError(`-o ${path}: cannot tell the output format from '${extensionOf(path)}'`, [
    { path: '-o', message: 'expected a .csv, .xlsx or .jsonl file' },
  ]);
}

/**
 * A streaming writer of results. A file is written beside its target under a temporary name and renamed onto the
 * target by `commit`, so the target holds a complete result or nothing new: a run that fails, is interrupted or is
 * killed (kill -9) never leaves a partial file there. `abort` removes the temporary file.
 */
export interface BatchWriter {
  /** Writes a chunk's results in order; resolves once the sink can take more (backpressure). */
  write(chunk: ChunkResult): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** The temporary file beside `target`: same directory (so the rename is atomic), hidden, named by this process. */
export const partialPath = (target: string): string => join(dirname(target), `.${basename(target)}.${process.pid}.partial`);

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

function ended(stream: Writable, end: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    if (end) stream.once('close', () => resolve()).end();
    else stream.write('', () => resolve());
  });
}

/** Opens a temporary file beside `target`; `settle` renames it onto the target or removes it. */
async function partialFile(target: string): Promise<{ stream: WriteStream; settle: (keep: boolean) => Promise<void> }> {
  const temp = partialPath(target);
  const stream = createWriteStream(temp);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(new ValidationError(`-o ${target}: cannot write there: ${e.message}`, [{ path: '-o', message: e.message }])));
  });
  return {
    stream,
    settle: async (keep) => {
      if (keep) await rename(temp, target);
      else {
        stream.destroy();
        await rm(temp, { force: true });
      }
    },
  };
}

/** How a results file starts besides its header: for CSV, a byte-order mark. */
export interface WriterOptions {
  /** start a CSV with U+FEFF, so that Excel reads it as UTF-8 (the server's downloads; `cleanprod batch` writes none) */
  bom?: boolean;
}

/** CSV or JSONL text to a file or stdout, a chunk of rows per write. */
function textWriter(
  sink: Writable,
  format: 'csv' | 'jsonl',
  header: readonly string[],
  settle?: (keep: boolean) => Promise<void>,
  options: WriterOptions = {},
): BatchWriter {
  let started = false;
  const start = () => {
    if (!started && format === 'csv') sink.write(`${options.bom ? '\uFEFF' : ''}${csvRecords([[...header]])}`);
    started = true;
  };
  return {
    async write(chunk) {
      start();
      if (!sink.write(chunk.text ?? '')) await waitDrain(sink);
    },
    async commit() {
      start();
      await ended(sink, settle !== undefined);
      await settle?.(true);
    },
    async abort() {
      await settle?.(false);
    },
  };
}

/** xlsx through exceljs's streaming WorkbookWriter: each row is committed (written out) as it comes. */
async function xlsxWriter(target: string, header: readonly string[]): Promise<BatchWriter> {
  // exceljs is large (about 27 MB resident): loaded only when a spreadsheet is read or written.
  const { default: ExcelJS } = await import('exceljs');
  const file = await partialFile(target);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file.stream, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('results');
  sheet.addRow([...header]).commit();
  return {
    async write(chunk) {
      for (const values of chunk.values ?? []) sheet.addRow(values).commit();
    },
    async commit() {
      sheet.commit();
      const closed = new Promise<void>((resolve, reject) => file.stream.once('close', resolve).once('error', reject));
      await workbook.commit();
      await closed;
      await file.settle(true);
    },
    abort: () => file.settle(false),
  };
}

/** Opens the output: `path` (format by extension, or `format`), else CSV/JSONL on `stdout`. */
export async function openWriter(
  path: string | undefined,
  format: OutputFormat,
  stdout: Writable,
  lang?: 'zh' | 'en',
  options: WriterOptions = {},
): Promise<BatchWriter> {
  // The result columns are named by key, or by their labels in the language asked for (--lang).
  const header = outputHeader(lang);
  if (format === 'xlsx') {
    if (!path) throw new ValidationError('xlsx output needs a file: -o results.xlsx', [{ path: '-o', message: 'xlsx cannot go to stdout' }]);
    return xlsxWriter(path, header);
  }
  if (!path) return textWriter(stdout, format, header, undefined, options);
  const file = await partialFile(path);
  return textWriter(file.stream, format, header, file.settle, options);
}
