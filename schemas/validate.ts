import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { ProfileSchema } from './profile.ts';
import { ConditionSchema } from './condition.ts';
import { DerivedFactsFileSchema, RuleSetFileSchema } from './ruleset.ts';
import { RuleSetAuthorFileSchema, RuleSetDeltaSchema } from './ruleset-author.ts';
import { GoldenCaseSchema } from './case.ts';
import { AnswerSchema, EvaluateRequestSchema } from './answer.ts';
import { BatchItemSchema, ProblemSchema } from './api.ts';
import { bounded } from './bounds.ts';

const addFormats = addFormatsImport as unknown as (ajv: Ajv2019) => Ajv2019;

/**
 * Every schema with an $id, in dependency order: the API registers the same list for OpenAPI and serialisation. Each
 * is bounded (bounds.ts): no string, array or map without an upper bound.
 */
export const SHARED_SCHEMAS = [
  ProfileSchema,
  ConditionSchema,
  RuleSetFileSchema,
  RuleSetAuthorFileSchema,
  RuleSetDeltaSchema,
  DerivedFactsFileSchema,
  GoldenCaseSchema,
  EvaluateRequestSchema,
  AnswerSchema,
  ProblemSchema,
  BatchItemSchema,
].map((schema) => bounded(schema));

/** One place that knows every schema: strict, all errors, real dates. */
export function createAjv(): Ajv2019 {
  const ajv = new Ajv2019({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const schema of SHARED_SCHEMAS) ajv.addSchema(schema);
  return ajv;
}

export interface FieldError {
  path: string;
  message: string;
}

/** Turns ajv's errors into `{path, message}` with a dotted path and a message that says what was expected. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined, root = ''): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const base = pointerToPath(e.instancePath, root);
    let path = base;
    let message: string;
    switch (e.keyword) {
      case 'additionalProperties': {
        const extra = String((e.params as { additionalProperty: string }).additionalProperty);
        path = base ? `${base}.${extra}` : extra;
        message = `unknown field '${extra}'${base ? ` in ${base}` : ''}: not part of the schema`;
        break;
      }
      case 'required': {
        const missing = String((e.params as { missingProperty: string }).missingProperty);
        path = base ? `${base}.${missing}` : missing;
        message = `'${missing}' is required`;
        break;
      }
      case 'enum':
        message = oneOf((e.params as { allowedValues: unknown[] }).allowedValues ?? []);
        break;
      case 'const':
        message = `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
        break;
      case 'format':
        message =
          (e.params as { format: string }).format === 'date'
            ? 'must be a real calendar date YYYY-MM-DD'
            : `must match format ${(e.params as { format: string }).format}`;
        break;
      case 'type':
        message = `must be ${(e.params as { type: string }).type}`;
        break;
      default:
        message = e.message ?? 'is invalid';
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: path || '(root)', message });
  }
  return collapseUnionNoise(out);
}

/** Longest list of allowed values an error message spells out (the 21 cities are; the 72 industry keys are not): a longer one is named by its size and first few values. */
export const MAX_LISTED_VALUES = 24;

/** "must be one of: a, b, c" — for a long list the first few and how many more (the schema lists them all), never all. */
function oneOf(values: readonly unknown[]): string {
  if (values.length <= MAX_LISTED_VALUES) return `must be one of: ${values.join(', ')}`;
  return `must be one of ${values.length} allowed values (${values.slice(0, 5).join(', ')}, …; the schema lists them all)`;
}

/** A value that fails a union of literals reports one error per literal; keep one "must be one of" per path. */
function collapseUnionNoise(errors: FieldError[]): FieldError[] {
  const byPath = new Map<string, FieldError[]>();
  for (const e of errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  const out: FieldError[] = [];
  for (const [path, list] of byPath) {
    const consts = list.filter((e) => e.message.startsWith('must be "'));
    if (consts.length > 1) {
      out.push({ path, message: oneOf(consts.map((e) => e.message.slice('must be '.length).replaceAll('"', ''))) });
      out.push(...list.filter((e) => !consts.includes(e)));
    } else if (list.length > 1 && list.some((e) => e.message === 'must be null')) {
      // `date | null` fields: the date error says what is wrong; "must be null" only adds noise.
      out.push(...list.filter((e) => e.message !== 'must be null'));
    } else out.push(...list);
  }
  return out;
}

function pointerToPath(pointer: string, root: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  const joined = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return root ? (joined ? `${root}.${joined}`.replace('.[', '[') : root) : joined;
}

export type Validator<T> = ((value: unknown) => value is T) & { errors?: ErrorObject[] | null };

let shared: Ajv2019 | undefined;
export function sharedAjv(): Ajv2019 {
  shared ??= createAjv();
  return shared;
}

export function validatorFor<T>(id: string): ValidateFunction<T> {
  const fn = sharedAjv().getSchema<T>(id);
  if (!fn) throw new Error(`schema ${id} is not registered`);
  return fn;
}
