import { Type, type TSchema } from '@sinclair/typebox';

/** ISO calendar date, YYYY-MM-DD (checked as a real date by ajv-formats). */
export const IsoDate = Type.String({ format: 'date', maxLength: 10, description: 'ISO date YYYY-MM-DD' });
export const Bilingual = Type.Object({ zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export const Strict = { additionalProperties: false } as const;
export const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
/** A closed set of strings, as a JSON Schema `enum` (one clear error, compact OpenAPI). */
export const Literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

/** A rule set's id, as in the path and in requests: `cppl`, `foshan-cp-plan-2011`. */
export const RuleSetIdSchema = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100, description: 'rule-set id, e.g. cppl' });
/** A rule-set version (semver): `2.0.0`. */
export const VersionSchema = Type.String({ pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$', maxLength: 40, description: 'a version, e.g. 2.0.0' });
