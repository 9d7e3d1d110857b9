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
import { failureMessage, type Failure, type MessageLang } from './validation-messages.ts';

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

/** One ajv error as a structured failure (validation-messages.ts words it), or undefined for the union keywords. */
function failureOf(e: ErrorObject): Failure | undefined {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if':
    case 'anyOf':
    case 'oneOf':
      return undefined;
    case 'additionalProperties':
      return { kind: 'unknownField', field: String(p.additionalProperty), parent: '' };
    case 'unevaluatedProperties':
      return { kind: 'unknownField', field: String(p.unevaluatedProperty), parent: '' };
    case 'required':
      return { kind: 'required', field: String(p.missingProperty) };
    case 'enum':
      return { kind: 'oneOf', values: (p.allowedValues as unknown[] | undefined) ?? [] };
    case 'const':
      return { kind: 'const', value: p.allowedValue };
    case 'format':
      return p.format === 'date' ? { kind: 'date' } : { kind: 'format', format: String(p.format) };
    case 'type':
      return { kind: 'type', types: String(p.type).split(',') };
    case 'pattern':
      return { kind: 'pattern', pattern: String(p.pattern) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { kind: 'limit', comparison: p.comparison as '>=' | '<=' | '>' | '<', limit: Number(p.limit) };
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
    case 'maxProperties': {
      const what = e.keyword.endsWith('Items') ? 'items' : e.keyword.endsWith('Length') ? 'characters' : 'fields';
      return { kind: 'count', what, bound: e.keyword.startsWith('min') ? 'min' : 'max', limit: Number(p.limit) };
    }
    case 'uniqueItems':
      return { kind: 'unique', i: Number(p.i), j: Number(p.j) };
    case 'multipleOf':
      return { kind: 'multipleOf', of: Number(p.multipleOf) };
    case 'dependentRequired':
    case 'dependencies':
      return { kind: 'dependentRequired', property: String(p.property), missing: String(p.missingProperty) };
    case 'propertyNames':
      return { kind: 'propertyName', name: String(p.propertyName) };
    case 'not':
      return { kind: 'not' };
    case 'false schema':
      return { kind: 'nothingAllowed' };
    default:
      return { kind: 'other', keyword: e.keyword, message: e.message ?? 'is invalid' };
  }
}

/**
 * Turns ajv's errors into `{path, message}` with a dotted path and a message that says what was expected, in `lang`
 * (English by default; the API answers in the request's language).
 */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined, root = '', lang: MessageLang = 'en'): FieldError[] {
  const out: { path: string; failure: Failure }[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    let failure = failureOf(e);
    if (!failure) continue;
    const base = pointerToPath(e.instancePath, root);
    let path = base;
    if (failure.kind === 'unknownField') {
      path = base ? `${base}.${failure.field}` : failure.field;
      failure = { ...failure, parent: base };
    } else if (failure.kind === 'required') path = base ? `${base}.${failure.field}` : failure.field;
    const key = `${path}\u0000${JSON.stringify(failure)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: path || '(root)', failure });
  }
  return collapseUnionNoise(out).map(({ path, failure }) => ({ path, message: failureMessage(failure, lang) }));
}

/** A value that fails a union of literals reports one error per literal; keep one "must be one of" per path. */
function collapseUnionNoise(errors: { path: string; failure: Failure }[]): { path: string; failure: Failure }[] {
  const byPath = new Map<string, { path: string; failure: Failure }[]>();
  for (const e of errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  const out: { path: string; failure: Failure }[] = [];
  const isNull = (f: Failure) => f.kind === 'type' && f.types.length === 1 && f.types[0] === 'null';
  for (const [path, list] of byPath) {
    const consts = list.filter((e) => e.failure.kind === 'const');
    if (consts.length > 1) {
      out.push({ path, failure: { kind: 'oneOf', values: consts.map((e) => (e.failure as { value: unknown }).value) } });
      out.push(...list.filter((e) => !consts.includes(e)));
    } else if (list.length > 1 && list.some((e) => isNull(e.failure))) {
      // `date | null` fields: the date error says what is wrong; "must be null" only adds noise.
      out.push(...list.filter((e) => !isNull(e.failure)));
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
