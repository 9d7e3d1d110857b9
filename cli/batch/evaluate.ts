import { CleanprodError, evaluate, isIsoDate, messageIn, type RuleBase } from '../../engine/index.ts';
import type { Answer, Profile } from '../../schemas/index.ts';
import { describeErrors, normalizeProfile, validatorFor } from '../../schemas/index.ts';
import { mapHeader, rowToProfile, type CellError, type ColumnMap } from './columns.ts';
import { csvRecords, errorValues, summaryValues, type OutputValue } from './output.ts';
import type { FileFormat } from './formats.ts';
import { ROW_MESSAGES, type RowLang } from './row-messages.ts';
import { countFailed, countRow, emptyStats, type BatchStats } from './stats.ts';

/**
 * One input row as read: spreadsheet cells (with a problem the reader saw, such as fewer cells than the header), a
 * parsed JSON value (.json input), or a JSONL line (parsed where it is evaluated).
 */
export type RawItem =
  | { row: number; cells: unknown[]; short?: { cells: number; width: number } }
  | { row: number; json: unknown }
  | { row: number; line: string };

export interface EvaluatorOptions {
  /** --as-of: the date for rows that give none */
  asOf: string;
  /** the spreadsheet's header (absent for JSONL and JSON input) */
  header?: readonly unknown[];
  /** what the results become: CSV records or JSONL lines (text), or rows of values (xlsx) */
  output: FileFormat;
  /** the language of answers and row errors (default zh) */
  lang?: 'zh' | 'en';
  /** Also count what the chunk came to (stats.ts) and list its failed rows: the server's summary of a run. */
  tally?: boolean;
}

/** A row that could not be evaluated, as the summary of a run lists it. */
export interface RowFailure {
  row: number;
  id: string | null;
  name: string | null;
  error: string;
}

/** A chunk of rows evaluated: the output text (CSV, JSONL) or rows of values (xlsx), with its row and failure counts. */
export interface ChunkResult {
  text?: string;
  values?: OutputValue[][];
  rows: number;
  failed: number;
  /** with `tally`: what the rows came to, and the failed rows */
  stats?: BatchStats;
  failures?: RowFailure[];
}

interface RowResult {
  values: OutputValue[];
  /** the JSONL output line: the full answer */
  json?: string;
  failed: boolean;
  /** the row's profile and answer, for the tally */
  evaluated?: { profile: Profile; answer: Answer };
}

const formatErrors = (errors: readonly CellError[]): string => errors.map((e) => `${e.path}: ${e.message}`).join('; ');

/** Adds the offending value to a schema error (`… (got '2014-02-30')`), so a row's error shows what was found. */
function withActual(e: CellError, profile: Record<string, unknown>, lang: RowLang): CellError {
  let node: unknown = profile;
  for (const key of e.path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '')) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (node === undefined || (node !== null && typeof node === 'object') || e.message.startsWith('unknown field')) return e;
  const shown = JSON.stringify(node);
  return shown.length > 60 ? e : { ...e, message: `${e.message}${ROW_MESSAGES.got[lang](typeof node === 'string' ? `'${node}'` : shown)}` };
}

/** A JSON value of a JSONL line or .json array: a profile, or {profile, asOf}. */
function fromJson(doc: unknown, errors: CellError[], lang: RowLang): { profile: Record<string, unknown>; asOf?: string } {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    errors.push({ path: '(row)', message: ROW_MESSAGES.notObject[lang]() });
    return { profile: {} };
  }
  if (!('profile' in doc)) return { profile: doc as Record<string, unknown> };
  const { profile, asOf, ...rest } = doc as Record<string, unknown>;
  for (const k of Object.keys(rest)) errors.push({ path: k, message: ROW_MESSAGES.unknownField[lang](k) });
  if (asOf !== undefined && typeof asOf !== 'string') errors.push({ path: 'asOf', message: ROW_MESSAGES.asOfType[lang]() });
  if (profile !== null && typeof profile === 'object' && !Array.isArray(profile))
    return { profile: profile as Record<string, unknown>, ...(typeof asOf === 'string' ? { asOf } : {}) };
  errors.push({ path: 'profile', message: ROW_MESSAGES.profileType[lang]() });
  return { profile: {} };
}

/**
 * Makes the per-row step shared by this thread and the workers: read the row into a profile, validate it against the
 * profile schema, evaluate it. A bad row becomes a result with its `error`; it never stops the batch.
 */
function rowEvaluator(base: RuleBase, options: EvaluatorOptions): (item: RawItem) => RowResult {
  const validate = validatorFor<Profile>('Profile');
  const map: ColumnMap | undefined = options.header ? mapHeader(options.header) : undefined;
  const full = options.output === 'jsonl';
  // Row errors in the language asked for; English when none is (as the column keys).
  const lang: RowLang = options.lang ?? 'en';
  return (item) => {
    const errors: CellError[] = [];
    let read: { profile: Record<string, unknown>; asOf?: string } = { profile: {} };
    if ('cells' in item) {
      if (!map) throw new Error('batch: a spreadsheet row without a header');
      if (item.short) errors.push({ path: '(row)', message: ROW_MESSAGES.shortRow[lang](item.short.cells, item.short.width) });
      const r = rowToProfile(map, item.cells, lang);
      read = r;
      errors.push(...r.errors);
    } else if ('json' in item) {
      read = fromJson(item.json, errors, lang);
    } else {
      let doc: unknown;
      try {
        doc = JSON.parse(item.line);
      } catch (e) {
        errors.push({ path: '(row)', message: ROW_MESSAGES.notJson[lang]((e as Error).message) });
      }
      if (errors.length === 0) read = fromJson(doc, errors, lang);
    }
    // Place and industry names in Chinese (佛山市, 陶瓷) are read as their keys, and the row says so.
    const { profile: normal, notes: normalized } = normalizeProfile(read.profile);
    const profile = normal as Record<string, unknown>;
    const asOf = read.asOf ?? options.asOf;
    if (read.asOf !== undefined && !isIsoDate(read.asOf)) errors.push({ path: 'asOf', message: ROW_MESSAGES.badDate[lang](read.asOf) });
    if (!validate(profile)) errors.push(...describeErrors(validate.errors, '', lang).map((e) => withActual(e, profile, lang)));
    let answer: Answer | undefined;
    if (errors.length === 0) {
      try {
        // Summary rows need only the verdict; JSONL lines carry the whole answer.
        answer = evaluate(base, profile as Profile, {
          asOf,
          detail: full ? 'full' : 'summary',
          lang: options.lang ?? 'zh',
          ...(normalized.length > 0 ? { normalized } : {}),
        });
      } catch (e) {
        // an engine error (audit facts that contradict each other) in the row's language
        errors.push({ path: '(evaluation)', message: e instanceof CleanprodError ? messageIn(e, lang) : (e as Error).message });
      }
    }
    if (!answer) {
      const error = formatErrors(errors);
      const values = errorValues(item.row, profile.id, profile.name, asOf, error, normalized);
      return { values, failed: true, ...(full ? { json: JSON.stringify({ row: item.row, id: values[1], asOf, error, errors, answer: null }) } : {}) };
    }
    const valid = profile as Profile;
    return {
      values: summaryValues(item.row, valid, asOf, answer, normalized),
      failed: false,
      ...(full ? { json: JSON.stringify({ row: item.row, id: valid.id ?? null, asOf, error: null, answer }) } : {}),
      ...(options.tally ? { evaluated: { profile: valid, answer } } : {}),
    };
  };
}

/** Evaluates a chunk of rows into its output: one csv-stringify call or one string of JSONL lines per chunk. */
export function chunkEvaluator(base: RuleBase, options: EvaluatorOptions): (items: readonly RawItem[]) => ChunkResult {
  const run = rowEvaluator(base, options);
  return (items) => {
    const results = items.map(run);
    const failed = results.reduce((n, r) => n + (r.failed ? 1 : 0), 0);
    const rows = results.length;
    const tally = options.tally ? tallied(results) : {};
    if (options.output === 'xlsx') return { values: results.map((r) => r.values), rows, failed, ...tally };
    if (options.output === 'jsonl') return { text: results.map((r) => `${r.json}\n`).join(''), rows, failed, ...tally };
    return { text: csvRecords(results.map((r) => r.values)), rows, failed, ...tally };
  };
}

/** A chunk's counts and failed rows (row, id, name and error are the first, second, third and last columns). */
function tallied(results: readonly RowResult[]): { stats: BatchStats; failures: RowFailure[] } {
  const stats = emptyStats();
  const failures: RowFailure[] = [];
  for (const r of results) {
    if (r.evaluated) countRow(stats, r.evaluated.profile, r.evaluated.answer);
    else {
      countFailed(stats);
      const v = r.values;
      const text = (x: OutputValue | undefined) => (typeof x === 'string' ? x : null);
      failures.push({ row: Number(v[0]), id: text(v[1]), name: text(v[2]), error: String(v[v.length - 1] ?? '') });
    }
  }
  return { stats, failures };
}
