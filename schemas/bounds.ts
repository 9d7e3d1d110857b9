/**
 * Every string, array and map a schema accepts has an upper bound, so no input the schemas admit is unbounded and no
 * validation of a bounded body runs away. A schema states its own bound where one is meaningful (a profile id, the
 * industry keys); everything else gets these defaults, applied once to every registered schema and route schema.
 */
export const SCHEMA_BOUNDS = {
  /** Longest string without a bound of its own (characters); the same as the request parser's MAX_STRING default. */
  maxLength: 2000,
  /** Most items of an array without a bound of its own. */
  maxItems: 1000,
  /** Most keys of a map (`Type.Record`) without a bound of its own. */
  maxProperties: 1000,
} as const;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const types = (n: Node): unknown[] => (Array.isArray(n.type) ? n.type : [n.type]);

/**
 * Adds the default bounds, in place, wherever a string (not an enum or constant), an array or a map has none; returns
 * the same schema. Idempotent, and safe on recursive and shared sub-schemas.
 */
export function bounded<T>(given: T, seen: WeakSet<object> = new WeakSet()): T {
  if (!isNode(given) || seen.has(given)) return given;
  const schema: Node = given;
  seen.add(schema);
  const t = types(schema);
  if (t.includes('string') && schema.enum === undefined && schema.const === undefined && schema.maxLength === undefined) {
    schema.maxLength = schema.format === 'date' ? 10 : SCHEMA_BOUNDS.maxLength;
  }
  if (t.includes('array') && schema.maxItems === undefined) schema.maxItems = SCHEMA_BOUNDS.maxItems;
  if (t.includes('object') && schema.maxProperties === undefined && (isNode(schema.patternProperties) || isNode(schema.additionalProperties))) {
    schema.maxProperties = SCHEMA_BOUNDS.maxProperties;
  }
  for (const value of Object.values(schema)) {
    if (Array.isArray(value)) for (const item of value) bounded(item, seen);
    else if (isNode(value)) bounded(value, seen);
  }
  return given;
}

/** Where a schema admits an unbounded string, array or map (a JSON-pointer-like path each); [] when bounded throughout. */
export function unboundedIn(schema: unknown, path = '#', seen: WeakSet<object> = new WeakSet(), out: string[] = []): string[] {
  if (!isNode(schema) || seen.has(schema)) return out;
  seen.add(schema);
  const t = types(schema);
  if (t.includes('string') && schema.enum === undefined && schema.const === undefined && schema.maxLength === undefined) out.push(`${path} (string)`);
  if (t.includes('array') && schema.maxItems === undefined) out.push(`${path} (array)`);
  if (t.includes('object') && schema.maxProperties === undefined && (isNode(schema.patternProperties) || isNode(schema.additionalProperties)))
    out.push(`${path} (map)`);
  for (const [key, value] of Object.entries(schema)) {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) unboundedIn(item, `${path}/${key}/${i}`, seen, out);
    } else if (isNode(value)) unboundedIn(value, `${path}/${key}`, seen, out);
  }
  return out;
}
