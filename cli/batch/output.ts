import { stringify as stringifySync } from 'csv-stringify/sync';
import type { Answer, Normalization, Profile } from '../../schemas/index.ts';

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
  'normalized',
  'error',
] as const;

export type OutputValue = string | number | boolean | null;

/** How many question facts the `questions` column lists (most decisive first). */
export const TOP_QUESTIONS = 5;
const LIST = ';';

const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const ids = (list: readonly { id: string }[]): string => list.map((d) => d.id).join(LIST);

/** A row's summary values, in OUTPUT_COLUMNS order. */
export function summaryValues(row: number, profile: Profile, asOf: string, a: Answer, normalized: readonly Normalization[] = []): OutputValue[] {
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
    normalizedText(normalized),
    null,
  ];
}

/** The names a row gave that were read as keys: `location.city: 佛山市→foshan`. */
const normalizedText = (notes: readonly Normalization[]): string | null =>
  notes.length === 0 ? null : notes.map((n) => `${n.path}: ${n.given}→${n.key}`).join(LIST);

/** A failed row's values: what is known of it (row, id, name, date) and its error. */
export function errorValues(
  row: number,
  id: unknown,
  name: unknown,
  asOf: string | null,
  error: string,
  normalized: readonly Normalization[] = [],
): OutputValue[] {
  const values: OutputValue[] = OUTPUT_COLUMNS.map(() => null);
  values[0] = row;
  values[1] = text(id);
  values[2] = text(name);
  values[3] = asOf;
  values[OUTPUT_COLUMNS.length - 2] = normalizedText(normalized);
  values[OUTPUT_COLUMNS.length - 1] = error;
  return values;
}

export const csvText = (v: OutputValue): string => (v === null ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));

/** CSV records (with their line ends), quoted by csv-stringify. */
export const csvRecords = (rows: readonly (readonly OutputValue[])[]): string => stringifySync(rows.map((values) => values.map(csvText)));
