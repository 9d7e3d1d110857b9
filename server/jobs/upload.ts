import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Bilingual } from '../../engine/index.ts';
import type { ProblemSlug } from '../problems/catalog.ts';
import type { JobsConfig } from './config.ts';
import { JOB_TEXT } from './messages.ts';
import type { JobFormat } from './store.ts';

/** An upload that cannot be taken: its problem type, sentence and fields, in both languages. */
export class UploadError extends Error {
  /** the form's fields read before the problem (its `language` says in which language to answer) */
  fields: Upload['fields'] = {};
  constructor(
    readonly slug: ProblemSlug,
    readonly text: Bilingual,
    readonly errors: { path: string; text: Bilingual }[],
  ) {
    super(text.en);
    this.name = 'UploadError';
  }
}

/** The uploaded file as received: where it was saved, its own name and format, and the form's other fields. */
export interface Upload {
  path: string;
  fileName: string;
  format: JobFormat;
  bytes: number;
  /** a CSV's records (the header included), counted as it was received */
  records?: number;
  fields: { asOf?: string; language?: string };
}

/** The form's fields besides `file`. */
const FIELDS = new Set(['asOf', 'language']);

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file's name as a person gave it: no directories, no control characters, at most 255 characters. */
export function cleanName(name: string | undefined): string {
  const last = (name ?? '').split(/[/\\]/).pop() ?? '';
  const base = [...last]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return (base || 'upload').slice(0, 255);
}

/** .csv or .xlsx by the name, else by the declared type (a browser may send a CSV as text/csv or application/vnd.ms-excel). */
export function formatOf(fileName: string, mimetype: string): JobFormat | undefined {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'xlsx') return ext;
  if (ext) return undefined;
  if (mimetype === 'text/csv') return 'csv';
  if (mimetype === XLSX_TYPE) return 'xlsx';
  return undefined;
}

/**
 * Counts a CSV's records as its bytes pass (a quote toggles "inside a quoted cell", as in cli/batch/csv.ts; lines
 * with nothing on them are not records): the number of rows is known before the file is read, for the row limit and
 * the progress.
 */
class RecordCounter extends Transform {
  records = 0;
  private quoted = false;
  private bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0x22) this.quoted = !this.quoted;
      if (b === 0x0a && !this.quoted) {
        if (this.bytes > 0) this.records += 1;
        this.bytes = 0;
      } else if (b !== 0x0d && b !== 0x0a) this.bytes += 1;
    }
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    if (this.bytes > 0) this.records += 1;
    done();
  }
}

const code = (e: unknown) => (e as { code?: string }).code;

/**
 * Receives the multipart form: `file` (one CSV or XLSX, at most `maxFileBytes`, saved into `dir` as it arrives) and the
 * fields `asOf` and `language`, in any order. Anything else — another field, a second file, a file of another kind,
 * a form that cannot be read, a file too large — is an UploadError naming it.
 */
export async function receiveUpload(request: FastifyRequest, dir: string, config: JobsConfig): Promise<Upload> {
  const fields: Upload['fields'] = {};
  let upload: Omit<Upload, 'fields'> | undefined;
  const limits = { fileSize: config.maxFileBytes, files: 1, fields: FIELDS.size, fieldSize: 100, fieldNameSize: 100, parts: FIELDS.size + 1, headerPairs: 20 };
  try {
    for await (const part of request.parts({ limits })) {
      if (part.type === 'field') {
        if (!FIELDS.has(part.fieldname)) throw new UploadError('invalid-input', JOB_TEXT.unknownField(part.fieldname), [fieldError(part.fieldname)]);
        fields[part.fieldname as keyof Upload['fields']] = String(part.value).trim();
        continue;
      }
      const fileName = cleanName(part.filename);
      const format = formatOf(fileName, part.mimetype);
      if (part.fieldname !== 'file' || !format || upload) {
        part.file.resume();
        if (part.fieldname !== 'file') throw new UploadError('invalid-input', JOB_TEXT.wrongFileField(part.fieldname), [fieldError(part.fieldname)]);
        if (upload) throw new UploadError('invalid-input', JOB_TEXT.oneFile, [{ path: 'file', text: JOB_TEXT.oneFile }]);
        throw new UploadError('invalid-input', JOB_TEXT.notCsvOrXlsx(fileName), [{ path: 'file', text: JOB_TEXT.csvOrXlsx }]);
      }
      const path = join(dir, `input.${format}`);
      const counter = format === 'csv' ? new RecordCounter() : undefined;
      const out = createWriteStream(path, { mode: 0o600 });
      if (counter) await pipeline(part.file, counter, out);
      else await pipeline(part.file, out);
      if (part.file.truncated) throw tooLarge(config);
      upload = { path, fileName, format, bytes: out.bytesWritten, ...(counter ? { records: counter.records } : {}) };
    }
  } catch (e) {
    const error = uploadError(e, config);
    error.fields = fields;
    throw error;
  }
  if (!upload) throw new UploadError('invalid-input', JOB_TEXT.noFile, [{ path: 'file', text: JOB_TEXT.required }]);
  return { ...upload, fields };
}

/** What went wrong while the form was received, as an UploadError. */
function uploadError(e: unknown, config: JobsConfig): UploadError {
  if (e instanceof UploadError) return e;
  if (code(e) === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(config);
  if (code(e) === 'FST_FILES_LIMIT') return new UploadError('invalid-input', JOB_TEXT.oneFile, [{ path: 'file', text: JOB_TEXT.oneFile }]);
  // busboy's own words for a form it cannot read (no boundary, cut short, too many parts): a client error
  const reason = String((e as Error)?.message ?? e).slice(0, 200);
  return new UploadError('invalid-input', JOB_TEXT.badForm(reason), [{ path: '(body)', text: JOB_TEXT.badForm(reason) }]);
}

const fieldError = (name: string) => ({ path: name.slice(0, 100), text: JOB_TEXT.unknownField(name.slice(0, 100)) });
const tooLarge = (config: JobsConfig) =>
  new UploadError('body-too-large', JOB_TEXT.fileTooLarge(config.maxFileBytes), [{ path: 'file', text: JOB_TEXT.fileTooLargeField(config.maxFileBytes) }]);
