import { Type, type TSchema } from '@sinclair/typebox';

/** ISO calendar date, YYYY-MM-DD (checked as a real date by ajv-formats). */
export const IsoDate = Type.String({ format: 'date', maxLength: 10, description: 'ISO date YYYY-MM-DD' });
export const Bilingual = Type.Object({ zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export const Strict = { additionalProperties: false } as const;
export const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
/** A closed set of strings, as a JSON Schema `enum` (one clear error, compact OpenAPI). */
export const Literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
