import { Type, type Static } from '@sinclair/typebox';

/** A json-rules-engine fact path, restricted to plain property access: `$.a.b`. */
export const FACT_PATH_PATTERN = '^\\$(\\.[A-Za-z][A-Za-z0-9]*)+$';

export const LeafSchema = Type.Object(
  {
    fact: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]*$', description: 'a top-level profile field or a declared derived fact' }),
    path: Type.Optional(Type.String({ pattern: FACT_PATH_PATTERN, description: 'JSONPath into the fact, e.g. $.exceedsConsumptionQuota' })),
    operator: Type.String({ minLength: 1, description: 'an operator from the registry (engine/operators.ts)' }),
    value: Type.Unknown({ description: 'the value the fact is compared with' }),
  },
  { additionalProperties: false, required: ['fact', 'operator', 'value'] },
);
export type LeafJson = Static<typeof LeafSchema>;

/** json-rules-engine condition JSON: all / any / not / leaf. */
export const ConditionSchema = Type.Recursive(
  (This) =>
    Type.Union([
      Type.Object({ all: Type.Array(This, { minItems: 1 }) }, { additionalProperties: false }),
      Type.Object({ any: Type.Array(This, { minItems: 1 }) }, { additionalProperties: false }),
      Type.Object({ not: This }, { additionalProperties: false }),
      LeafSchema,
    ]),
  { $id: 'Condition' },
);
export type ConditionJson = { all: ConditionJson[] } | { any: ConditionJson[] } | { not: ConditionJson } | LeafJson;

/** json-rules-engine requires a boolean operator at the top of a rule's conditions. */
/** `all: []` at the top is allowed and always holds: a provision addressed to every enterprise in scope. */
export const TopConditionSchema = Type.Unsafe<ConditionJson>(
  Type.Union([
    Type.Object({ all: Type.Array(Type.Ref('Condition')) }, { additionalProperties: false }),
    Type.Object({ any: Type.Array(Type.Ref('Condition'), { minItems: 1 }) }, { additionalProperties: false }),
    Type.Object({ not: Type.Ref('Condition') }, { additionalProperties: false }),
  ]),
);

/**
 * The author form of a condition (rules/README.md, "Conditions"), compiled by the loader to the JSON above: a mapping
 * whose entries must all hold — `<fact>[.<path>]: <value>` (equal) or `<fact>[.<path>]: { <operator>: <value> }`,
 * `all: […]`, `any: […]`, `not: {…}`, `use: <definition>` — or a json-rules-engine leaf as above. The loader checks
 * the entries itself, naming the one that is wrong.
 */
export const AuthorConditionSchema = Type.Unsafe<AuthorCondition>(
  Type.Object(
    {},
    {
      additionalProperties: true,
      description:
        'a condition as written: entries that must all hold (fact.path: value, fact.path: { operator: value }, all, any, not, use) or a json-rules-engine leaf',
    },
  ),
);
export type AuthorCondition = Record<string, unknown>;

/** A shorthand leaf's key: a top-level fact, or a fact and the path into it (`energy.exceedsConsumptionQuota`). */
export const FACT_REF_PATTERN = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/**
 * Short operator names an author may write instead of the registry's (engine/operators.ts); the registry names are
 * accepted too, and the compiled form always has the registry name.
 */
export const OPERATOR_ALIASES: Readonly<Record<string, string>> = {
  eq: 'equal',
  ne: 'notEqual',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  has: 'contains',
  lacks: 'doesNotContain',
  hasAny: 'containsAny',
  hasNone: 'containsNone',
};
