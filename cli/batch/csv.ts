import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { CsvError, parse as parseCsv } from 'csv-parse';
import { BatchInputError } from './errors.ts';
import { bytesText, type BatchLimits } from './limits.ts';

/**
 * Watches CSV bytes on their way to the parser and stops at the first line longer than `limits.lineBytes` or record
 * with more than `limits.columns` fields, before the parser holds it: a 2 GB line or a header of a million columns
 * costs a pass over the bytes, not the memory. A quote toggles "inside a quoted field" (an escaped quote `""` toggles
 * twice), which is exact for every CSV the parser accepts.
 */
class CsvGuard extends Transform {
  private quoted = false;
  private lineBytes = 0;
  private fields = 1;
  private recordBytes = 0;
  /** physical line (1-based) and non-empty records completed (the header is the first) */
  private line = 1;
  private records = 0;

  constructor(
    private readonly file: string,
    private readonly limits: BatchLimits,
  ) {
    super();
  }

  private fail(reason: string): Error {
    return new BatchInputError('INPUT_TOO_LARGE', { file: this.file, row: this.records, line: this.line }, reason);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const { lineBytes: maxLine, columns: maxColumns } = this.limits;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0x0a) {
        this.line += 1;
        this.lineBytes = 0;
        if (!this.quoted) {
          if (this.recordBytes > 0) this.records += 1;
          this.recordBytes = 0;
          this.fields = 1;
        }
        continue;
      }
      if (b === 0x22) this.quoted = !this.quoted;
      else if (b === 0x2c && !this.quoted && ++this.fields > maxColumns) {
        done(this.fail(`more than ${maxColumns.toLocaleString('en')} columns`));
        return;
      }
      if (b !== 0x0d) this.recordBytes += 1;
      if (++this.lineBytes > maxLine) {
        done(this.fail(`a line longer than ${bytesText(maxLine)}`));
        return;
      }
    }
    done(null, chunk);
  }
}

/** A CSV parser's error as the reason a person reads, with the row it was in. */
function csvProblem(file: string, e: CsvError & { records?: number; lines?: number }, limits: BatchLimits): BatchInputError {
  if (e.code === 'CSV_MAX_RECORD_SIZE')
    return new BatchInputError('INPUT_TOO_LARGE', { file, row: e.records ?? 0 }, `a row longer than ${bytesText(limits.lineBytes)}`);
  const reason: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed (a " without its closing ")',
    CSV_INVALID_CLOSING_QUOTE: 'a closing quote followed by something other than a comma or the line end',
  };
  return new BatchInputError(
    'INPUT_INVALID',
    { file, row: e.records ?? 0, ...(e.lines !== undefined ? { line: e.lines } : {}) },
    `not valid CSV: ${reason[e.code] ?? e.message}`,
  );
}

/** The records of a CSV stream (the header first), each cell text; every limit and parse error names its row. */
export async function* csvRecords(stream: Readable, file: string, limits: BatchLimits): AsyncGenerator<string[]> {
  const guard = new CsvGuard(file, limits);
  const parser = parseCsv({ bom: true, skip_empty_lines: true, relax_column_count: true, max_record_size: limits.lineBytes });
  stream.on('error', (e) => guard.destroy(e));
  guard.on('error', (e) => parser.destroy(e));
  stream.pipe(guard).pipe(parser);
  try {
    for await (const record of parser) yield record as string[];
  } catch (e) {
    if (e instanceof CsvError) throw csvProblem(file, e as CsvError & { records?: number; lines?: number }, limits);
    throw e;
  } finally {
    stream.destroy();
  }
}
