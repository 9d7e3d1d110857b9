import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { evaluate, isIsoDate, prepareRuleBase, type RuleBase, type RuleSetVersionInput } from '../../engine/index.ts';
import type { Answer, DerivedFactDef, Profile } from '../../schemas/index.ts';
import { describeErrors, validatorFor } from '../../schemas/index.ts';
import { mapHeader, rowToProfile, type CellError, type ColumnMap } from './columns.ts';
import { forEachLine, isRowLine } from './lines.ts';

/** One input row as read: spreadsheet cells (with the header they belong to) or a parsed JSONL line. */
export type RawItem = { row: number; cells: unknown[] } | { row: number; json: unknown } | { row: number; line: string } | { row: number; readError: string };

/** The summary columns of the output, in order. */
export const OUTPUT_COLUMNS = [
  'row',
  'id',
  'name',
  'asOf',
  'audit.status',
  'audit.dueBy',
  'audit.dueBasis',
  'audit.overdue',
  'audit.metBy',
  'audit.missed',
  'audit.couldBe',
  'audit.basis',
  'process.route',
  'process.acceptance',
  'incentives',
  'sanctions',
  'obligations',
  'incentive.ids',
  'sanction.ids',
  'obligation.ids',
  'undetermined',
  'questions',
  'rulesets.inForce',
  'error',
] as const;

export type OutputValue = string | number | boolean | null;
/** One result: the summary row (values in OUTPUT_COLUMNS order) and, for JSONL output, the full line. */
export interface RowResult {
  values: OutputValue[];
  jsonLine?: string;
  /** The row already formatted as a CSV record (with its line end), when the output is CSV. */
  csvLine?: string;
  failed: boolean;
}

/** How many question facts the `questions` column lists (most decisive first). */
export const TOP_QUESTIONS = 5;
const LIST = ';';

export interface EvaluatorOptions {
  /** --as-of: the date for rows that give none */
  asOf: string;
  /** the spreadsheet's header (absent for JSONL input) */
  header?: readonly unknown[];
  /** produce the full JSONL line */
  jsonl: boolean;
  /** format the CSV record here (in the worker), so the writing thread only writes text */
  csv?: boolean;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const formatErrors = (errors: readonly CellError[]): string => errors.map((e) => `${e.path}: ${e.message}`).join('; ');

/** Adds the offending value to a schema error (`… (got '2014-02-30')`), so a row's error shows what was found. */
function withActual(e: CellError, profile: Record<string, unknown>): CellError {
  let node: unknown = profile;
  for (const key of e.path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '')) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (node === undefined || (node !== null && typeof node === 'object') || e.message.startsWith('unknown field')) return e;
  const shown = JSON.stringify(node);
  return shown.length > 60 ? e : { ...e, message: `${e.message} (got ${typeof node === 'string' ? `'${node}'` : shown})` };
}

function ids(list: readonly { id: string }[]): string {
  return list.map((d) => d.id).join(LIST);
}

function summaryValues(row: number, profile: Profile, asOf: string, a: Answer): OutputValue[] {
  const s = a.summary;
  return [
    row,
    profile.id ?? null,
    profile.name ?? null,
    asOf,
    s.audit.status,
    s.audit.dueBy,
    s.audit.dueBasis.join(LIST),
    s.audit.overdue,
    s.audit.metBy,
    s.audit.missed.map((m) => `${m.id}@${m.dueBy}${m.madeUpOn ? `>${m.madeUpOn}` : ''}`).join(LIST),
    s.audit.couldBe.join(LIST),
    s.audit.basis.join(LIST),
    s.process.route,
    s.process.acceptance.join(LIST),
    s.incentives.length,
    s.sanctions.length,
    s.obligations.length,
    ids(s.incentives),
    ids(s.sanctions),
    ids(s.obligations),
    a.undetermined.length,
    a.questions
      .slice(0, TOP_QUESTIONS)
      .map((q) => q.fact)
      .join(LIST),
    a.rulesets
      .filter((r) => r.status === 'in-force')
      .map((r) => `${r.id}@${r.version}`)
      .join(LIST),
    null,
  ];
}

function errorValues(row: number, id: unknown, name: unknown, asOf: string | null, error: string): OutputValue[] {
  const values: OutputValue[] = OUTPUT_COLUMNS.map(() => null);
  values[0] = row;
  values[1] = text(id);
  values[2] = text(name);
  values[3] = asOf;
  values[OUTPUT_COLUMNS.length - 1] = error;
  return values;
}

/**
 * Makes the per-row step shared by the single-threaded run and the workers: read the row into a profile, validate it
 * against the profile schema, evaluate it. A bad row becomes a result with its `error`; it never stops the batch.
 */
export function createRowEvaluator(base: RuleBase, options: EvaluatorOptions): (item: RawItem) => RowResult {
  const evaluateRow = rowEvaluator(base, options);
  if (!options.csv) return evaluateRow;
  return (item) => {
    const r = evaluateRow(item);
    r.csvLine = csvRecord(r.values);
    return r;
  };
}

/** One CSV record, quoted by csv-stringify exactly as the streaming writer would. */
export function csvRecord(values: readonly OutputValue[]): string {
  return stringifySync([values.map(csvText)]);
}

export const csvText = (v: OutputValue): string => (v === null ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));

function rowEvaluator(base: RuleBase, options: EvaluatorOptions): (item: RawItem) => RowResult {
  const validate = validatorFor<Profile>('Profile');
  const map: ColumnMap | undefined = options.header ? mapHeader(options.header) : undefined;
  return (raw) => {
    let item: RawItem = raw;
    if ('line' in raw) {
      try {
        // A byte-order mark opens some files' first line; it is not part of the JSON.
        item = { row: raw.row, json: JSON.parse(raw.line.charCodeAt(0) === 0xfeff ? raw.line.slice(1) : raw.line) as unknown };
      } catch (e) {
        item = { row: raw.row, readError: `not valid JSON: ${(e as Error).message}` };
      }
    }
    let profile: Record<string, unknown> = {};
    let rowAsOf: string | undefined;
    const errors: CellError[] = [];
    if ('readError' in item) {
      errors.push({ path: '(row)', message: item.readError });
    } else if ('cells' in item) {
      if (!map) throw new Error('batch: a spreadsheet row without a header');
      const r = rowToProfile(map, item.cells);
      profile = r.profile;
      rowAsOf = r.asOf;
      errors.push(...r.errors);
    } else if ('json' in item) {
      const doc = item.json;
      if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        errors.push({ path: '(line)', message: 'expected a JSON object: a profile or {profile, asOf}' });
      } else if ('profile' in doc) {
        const { profile: p, asOf, ...rest } = doc as Record<string, unknown>;
        for (const k of Object.keys(rest)) errors.push({ path: k, message: `unknown field '${k}': a line is a profile or {profile, asOf}` });
        if (asOf !== undefined && typeof asOf !== 'string') errors.push({ path: 'asOf', message: 'must be a date YYYY-MM-DD' });
        else if (asOf !== undefined) rowAsOf = asOf;
        if (p !== null && typeof p === 'object' && !Array.isArray(p)) profile = p as Record<string, unknown>;
        else errors.push({ path: 'profile', message: 'must be an object' });
      } else {
        profile = doc as Record<string, unknown>;
      }
    }
    const asOf = rowAsOf ?? options.asOf;
    if (rowAsOf !== undefined && !isIsoDate(rowAsOf)) errors.push({ path: 'asOf', message: `must be a real calendar date YYYY-MM-DD, got '${rowAsOf}'` });
    if (!validate(profile)) errors.push(...describeErrors(validate.errors).map((e) => withActual(e, profile)));
    if (errors.length > 0) {
      const error = formatErrors(errors);
      const values = errorValues(item.row, profile.id, profile.name, asOf, error);
      return {
        values,
        failed: true,
        ...(options.jsonl ? { jsonLine: JSON.stringify({ row: item.row, id: text(profile.id), asOf, error, errors, answer: null }) } : {}),
      };
    }
    const valid = profile as Profile;
    let answer: Answer;
    try {
      // Summary rows need only the verdict; JSONL lines carry the whole answer.
      answer = evaluate(base, valid, { asOf, detail: options.jsonl ? 'full' : 'summary' });
    } catch (e) {
      const error = `(evaluation): ${(e as Error).message}`;
      return {
        values: errorValues(item.row, valid.id, valid.name, asOf, error),
        failed: true,
        ...(options.jsonl ? { jsonLine: JSON.stringify({ row: item.row, id: valid.id ?? null, asOf, error, answer: null }) } : {}),
      };
    }
    return {
      values: summaryValues(item.row, valid, asOf, answer),
      failed: false,
      ...(options.jsonl ? { jsonLine: JSON.stringify({ row: item.row, id: valid.id ?? null, asOf, error: null, answer }) } : {}),
    };
  };
}

/** A block of JSONL text evaluated in one go: its output text (CSV records or JSONL lines), rows and failures. */
export interface BlockResult {
  text: string;
  rows: number;
  failed: number;
}

/**
 * Evaluates a block of whole JSONL lines (UTF-8) whose first row is `firstRow`, returning the output as text: the
 * reading thread hands over the bytes it read and gets one string back, with nothing per row to do or copy.
 */
export function createBlockEvaluator(base: RuleBase, options: EvaluatorOptions): (bytes: Uint8Array, firstRow: number) => BlockResult {
  const run = rowEvaluator(base, options);
  return (bytes, firstRow) => {
    // Each line is decoded on its own: an ASCII line stays a one-byte string (faster to parse and read) even when
    // another line of the block has Chinese text.
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    let out = '';
    const records: string[][] = [];
    let row = firstRow;
    let failed = 0;
    forEachLine(buf, (start, end) => {
      const line = buf.toString('utf8', start, end);
      if (!isRowLine(line)) return;
      const r = run({ row: row++, line });
      if (r.failed) failed += 1;
      if (options.jsonl) out += `${r.jsonLine}\n`;
      else records.push(r.values.map(csvText));
    });
    // One csv-stringify call per block: the same text as per record, without a stringifier per row.
    if (records.length > 0) out = stringifySync(records);
    return { text: out, rows: row - firstRow, failed };
  };
}

/** Messages between the run and a worker. */
export interface WorkerInit {
  cleanprodBatchWorker: true;
  /** The rule files as loaded and linted by the main thread: the worker only prepares them. */
  rules: { versions: RuleSetVersionInput[]; derivedFacts: DerivedFactDef[] };
  options: EvaluatorOptions;
}
export type ToWorker =
  | { type: 'chunk'; seq: number; items: RawItem[] }
  | { type: 'block'; seq: number; firstRow: number; bytes: Uint8Array }
  | { type: 'stop' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'results'; seq: number; results: RowResult[] }
  | { type: 'block'; seq: number; result: BlockResult }
  | { type: 'fatal'; message: string };

// As a worker thread: prepare the rule base once from the files the main thread linted, then evaluate chunks and
// blocks as they come, answering with the job's seq.
if (!isMainThread && parentPort && (workerData as WorkerInit | undefined)?.cleanprodBatchWorker) {
  const port = parentPort;
  const init = workerData as WorkerInit;
  try {
    const base = prepareRuleBase(init.rules.versions, init.rules.derivedFacts);
    const run = createRowEvaluator(base, init.options);
    const block = createBlockEvaluator(base, init.options);
    port.on('message', (msg: ToWorker) => {
      if (msg.type === 'stop') {
        port.close();
        return;
      }
      try {
        if (msg.type === 'block') {
          port.postMessage({ type: 'block', seq: msg.seq, result: block(msg.bytes, msg.firstRow) } satisfies FromWorker);
          return;
        }
        // A CSV record already carries the row: send it alone (less to copy between threads than the values too).
        const results = msg.items.map(run).map((r) => (r.csvLine === undefined ? r : { values: [], csvLine: r.csvLine, failed: r.failed }));
        port.postMessage({ type: 'results', seq: msg.seq, results } satisfies FromWorker);
      } catch (e) {
        port.postMessage({ type: 'fatal', message: (e as Error).message } satisfies FromWorker);
      }
    });
    port.postMessage({ type: 'ready' } satisfies FromWorker);
  } catch (e) {
    port.postMessage({ type: 'fatal', message: (e as Error).message } satisfies FromWorker);
  }
}
