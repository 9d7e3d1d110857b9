import { ProfileSchema } from '../../schemas/profile.ts';
import { ValidationError } from '../../engine/index.ts';
import { columnForLabel } from './header-names.ts';
import { nearest } from './nearest.ts';
import { ROW_MESSAGES, type RowLang } from './row-messages.ts';

/**
 * Spreadsheet columns ↔ profile fields, derived from the profile JSON Schema (never a hand-written list): every leaf
 * of ProfileSchema's nested objects is a column named by its dotted path (`location.city`, `audit.lastCompleted`), and
 * the leaf's schema type decides how a cell is read. A field added to the schema is a column at once.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  description?: string;
};

export type LeafKind = 'boolean' | 'number' | 'integer' | 'string' | 'date-or-null' | 'list' | 'records';

export interface Leaf {
  /** dotted profile path, also the column name */
  path: string;
  kind: LeafKind;
  schema: JsonSchema;
  /** for lists: how one item is read; for records: each property in schema order */
  item?: Leaf;
  fields?: Leaf[];
}

/** The column holding a row's own evaluation date (overrides --as-of); not a profile field. */
export const AS_OF_COLUMN = 'asOf';
/** Separator of list items (`industry.keys`) and of title items. */
export const LIST_SEPARATOR = ';';
/** Separator of the parts of one record item (`kind:awardedOn:revoked`). */
export const PART_SEPARATOR = ':';
/** The cell text that means null (`audit.lastCompleted` = never audited). */
export const NULL_WORD = 'never';

const TRUE_WORDS = new Set(['true', 'yes', 'y', '是', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '否', '0']);

function leafOf(path: string, schema: JsonSchema): Leaf {
  if (schema.anyOf) {
    const nonNull = schema.anyOf.filter((s) => s.type !== 'null');
    const first = nonNull[0];
    if (nonNull.length === 1 && first && schema.anyOf.length === 2) {
      const inner = leafOf(path, first);
      if (inner.kind === 'string') return { path, kind: 'date-or-null', schema };
    }
    throw new Error(`columns: unsupported union at ${path}`);
  }
  switch (schema.type) {
    case 'boolean':
      return { path, kind: 'boolean', schema };
    case 'number':
      return { path, kind: 'number', schema };
    case 'integer':
      return { path, kind: 'integer', schema };
    case 'string':
      return { path, kind: 'string', schema };
    case 'array': {
      const items = schema.items ?? {};
      if (items.type === 'object' && items.properties) {
        return { path, kind: 'records', schema, fields: Object.entries(items.properties).map(([k, s]) => leafOf(k, s)) };
      }
      return { path, kind: 'list', schema, item: leafOf(path, items) };
    }
    default:
      throw new Error(`columns: unsupported schema type ${String(schema.type)} at ${path}`);
  }
}

function collect(schema: JsonSchema, prefix: string, out: Map<string, Leaf>): void {
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (sub.type === 'object' && sub.properties) collect(sub, path, out);
    else out.set(path, leafOf(path, sub));
  }
}

let cached: Map<string, Leaf> | undefined;
/** Every profile column, by dotted path, in schema order. */
export function profileColumns(): ReadonlyMap<string, Leaf> {
  if (!cached) {
    cached = new Map();
    collect(ProfileSchema as unknown as JsonSchema, '', cached);
  }
  return cached;
}

export interface ColumnMap {
  /** per input column (by position): its leaf, the asOf column, or null for an ignored unnamed column */
  columns: (Leaf | typeof AS_OF_COLUMN | null)[];
  names: string[];
}

/**
 * Checks a header row: every named column must be a profile field (or `asOf`); an unknown or repeated name is an
 * error for the whole file, naming the column. Unnamed columns are ignored.
 */
export function mapHeader(header: readonly unknown[]): ColumnMap {
  const known = profileColumns();
  const names = header.map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const columns = names.map((name, i): Leaf | typeof AS_OF_COLUMN | null => {
    if (name === '') return null;
    // A column is named by its key or by its documented label, in Chinese or English (header-names.ts).
    const key = known.has(name) || name === AS_OF_COLUMN ? name : (columnForLabel(name) ?? name);
    if (seen.has(key)) problems.push({ path: name, message: `column ${i + 1} '${name}' appears twice${key !== name ? ` (as ${key})` : ''}` });
    seen.add(key);
    if (key === AS_OF_COLUMN) return AS_OF_COLUMN;
    const leaf = known.get(key);
    if (leaf) return leaf;
    const near = nearest(name, [...known.keys()]);
    const isGroup = [...known.keys()].some((k) => k.startsWith(`${name}.`));
    problems.push({
      path: name,
      message: `unknown column '${name}' (column ${i + 1}): not a profile field${near ? `; did you mean '${near}'?` : isGroup ? `; name a field inside it, e.g. '${[...known.keys()].find((k) => k.startsWith(`${name}.`))}'` : ''}`,
    });
    return null;
  });
  if (problems.length > 0) throw new ValidationError(`unknown or repeated column(s): ${problems.map((p) => p.path).join(', ')}`, problems);
  return { columns, names };
}

export interface CellError {
  path: string;
  message: string;
}

type Converted = { value: unknown } | { error: string };

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const show = (v: unknown): string => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? `'${v}'` : String(v));

/** A spreadsheet date cell (exceljs gives a UTC Date) as YYYY-MM-DD. */
export function dateCellToIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function convertScalar(leaf: Leaf, raw: unknown, lang: RowLang): Converted {
  const m = ROW_MESSAGES;
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (leaf.kind) {
    case 'boolean': {
      if (typeof text === 'boolean') return { value: text };
      const word = typeof text === 'number' ? String(text) : typeof text === 'string' ? text.toLowerCase() : '';
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { error: m.boolean[lang](show(raw)) };
    }
    case 'number':
    case 'integer': {
      if (typeof text === 'number' && Number.isFinite(text)) return { value: text };
      if (typeof text === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { value: Number(text) };
      return { error: (leaf.kind === 'integer' ? m.integer : m.number)[lang](show(raw)) };
    }
    case 'string':
      if (text instanceof Date) return { value: dateCellToIso(text) };
      if (typeof text === 'string' || typeof text === 'number' || typeof text === 'boolean') return { value: String(text) };
      return { error: m.text[lang](show(raw)) };
    case 'date-or-null':
      if (typeof text === 'string' && text.toLowerCase() === NULL_WORD) return { value: null };
      if (text instanceof Date) return { value: dateCellToIso(text) };
      if (typeof text === 'string') return { value: text };
      return { error: m.date[lang](show(raw), NULL_WORD) };
    default:
      return { error: m.kind[lang](leaf.kind) };
  }
}

/** Splits a list cell; a number or date cell is a one-item list. */
function items(raw: unknown, separator: string): unknown[] {
  if (typeof raw !== 'string') return [raw];
  return raw
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Reads one cell for a leaf. Lists are `;`-separated; a record list (titles) is `;`-separated items whose parts,
 * separated by `:`, fill the record's fields in schema order (`kind:awardedOn:revoked`), where a part equal to a
 * boolean field's name sets that field true (`foshan-cp-enterprise:revoked`). Returns the value or cell errors.
 */
export function convertCell(leaf: Leaf, raw: unknown, lang: RowLang = 'en'): { value?: unknown; errors: CellError[] } {
  if (isBlank(raw)) return { errors: [] };
  if (leaf.kind === 'list') {
    const item = leaf.item as Leaf;
    const out: unknown[] = [];
    const errors: CellError[] = [];
    items(raw, LIST_SEPARATOR).forEach((part, i) => {
      const c = convertScalar(item, part, lang);
      if ('error' in c) errors.push({ path: `${leaf.path}[${i}]`, message: c.error });
      else out.push(c.value);
    });
    return errors.length ? { errors } : { value: out, errors };
  }
  if (leaf.kind === 'records') {
    const fields = leaf.fields as Leaf[];
    const out: Record<string, unknown>[] = [];
    const errors: CellError[] = [];
    items(raw, LIST_SEPARATOR).forEach((entry, i) => {
      const record: Record<string, unknown> = {};
      const parts = String(entry instanceof Date ? dateCellToIso(entry) : entry)
        .split(PART_SEPARATOR)
        .map((s) => s.trim());
      let position = 0;
      for (const part of parts) {
        const flag = fields.find((f) => f.kind === 'boolean' && f.path === part);
        if (flag) {
          record[flag.path] = true;
          continue;
        }
        while (fields[position] && fields[position]!.path in record) position += 1;
        const field = fields[position++];
        if (!field) {
          errors.push({
            path: `${leaf.path}[${i}]`,
            message: ROW_MESSAGES.tooManyParts[lang](PART_SEPARATOR, String(entry), fields.map((f) => f.path).join(PART_SEPARATOR)),
          });
          break;
        }
        if (part === '') continue;
        const c = convertScalar(field, part, lang);
        if ('error' in c) errors.push({ path: `${leaf.path}[${i}].${field.path}`, message: c.error });
        else record[field.path] = c.value;
      }
      out.push(record);
    });
    return errors.length ? { errors } : { value: out, errors };
  }
  const c = convertScalar(leaf, raw, lang);
  return 'error' in c ? { errors: [{ path: leaf.path, message: c.error }] } : { value: c.value, errors: [] };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

export interface RowProfile {
  profile: Record<string, unknown>;
  /** the row's asOf cell (unchecked), if given */
  asOf?: string;
  errors: CellError[];
}

/** Builds a (not yet schema-validated) profile from a row's cells; blank cells are facts not given. */
export function rowToProfile(map: ColumnMap, cells: readonly unknown[], lang: RowLang = 'en'): RowProfile {
  const profile: Record<string, unknown> = {};
  const errors: CellError[] = [];
  let asOf: string | undefined;
  map.columns.forEach((column, i) => {
    const raw = cells[i];
    if (column === null) return;
    if (column === AS_OF_COLUMN) {
      if (!isBlank(raw)) asOf = raw instanceof Date ? dateCellToIso(raw) : String(raw).trim();
      return;
    }
    const c = convertCell(column, raw, lang);
    errors.push(...c.errors);
    if (c.value !== undefined) setPath(profile, column.path, c.value);
  });
  for (let i = map.columns.length; i < cells.length; i++) {
    if (!isBlank(cells[i])) errors.push({ path: `(column ${i + 1})`, message: ROW_MESSAGES.beyondLastColumn[lang](show(cells[i])) });
  }
  return { profile, ...(asOf !== undefined ? { asOf } : {}), errors };
}
