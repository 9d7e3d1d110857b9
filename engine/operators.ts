/**
 * The named operator registry. Every operator a rule may use is here, with the same semantics as json-rules-engine's
 * built-in operator of that name (including its fact-type guards), so the reference engine and the three-valued
 * evaluator agree. Custom operators are registered into json-rules-engine from this same table.
 */
export interface OperatorDef {
  readonly name: string;
  readonly description: string;
  /** json-rules-engine built-in (true) or registered by us (false). */
  readonly builtin: boolean;
  /** Applies to a present fact value; never called with `undefined`. */
  readonly test: (fact: unknown, value: unknown) => boolean;
  /** json-rules-engine's guard on the fact value; when it fails the leaf is false. */
  readonly factGuard?: (fact: unknown) => boolean;
  /** Human reading, for reports: "energy.exceedsConsumptionQuota equal true". */
  readonly reads: string;
}

const isNumberLike = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const defs: OperatorDef[] = [
  { name: 'equal', builtin: true, reads: 'equal', description: 'fact === value', test: (f, v) => f === v },
  { name: 'notEqual', builtin: true, reads: 'not equal', description: 'fact !== value', test: (f, v) => f !== v },
  {
    name: 'in',
    builtin: true,
    reads: 'in',
    description: 'value (a list) includes fact',
    test: (f, v) => asArray(v).includes(f),
  },
  {
    name: 'notIn',
    builtin: true,
    reads: 'not in',
    description: 'value (a list) does not include fact',
    test: (f, v) => !asArray(v).includes(f),
  },
  {
    name: 'contains',
    builtin: true,
    reads: 'contains',
    description: 'fact (a list) includes value',
    test: (f, v) => asArray(f).includes(v),
    factGuard: isArray,
  },
  {
    name: 'doesNotContain',
    builtin: true,
    reads: 'does not contain',
    description: 'fact (a list) does not include value',
    test: (f, v) => !asArray(f).includes(v),
    factGuard: isArray,
  },
  { name: 'lessThan', builtin: true, reads: '<', description: 'fact < value', test: (f, v) => (f as number) < (v as number), factGuard: isNumberLike },
  {
    name: 'lessThanInclusive',
    builtin: true,
    reads: '≤',
    description: 'fact ≤ value',
    test: (f, v) => (f as number) <= (v as number),
    factGuard: isNumberLike,
  },
  { name: 'greaterThan', builtin: true, reads: '>', description: 'fact > value', test: (f, v) => (f as number) > (v as number), factGuard: isNumberLike },
  {
    name: 'greaterThanInclusive',
    builtin: true,
    reads: '≥',
    description: 'fact ≥ value',
    test: (f, v) => (f as number) >= (v as number),
    factGuard: isNumberLike,
  },
  {
    name: 'containsAny',
    builtin: false,
    reads: 'contains any of',
    description: 'fact (a list) shares at least one element with value (a list)',
    test: (f, v) => asArray(f).some((x) => asArray(v).includes(x)),
    factGuard: isArray,
  },
  {
    name: 'containsNone',
    builtin: false,
    reads: 'contains none of',
    description: 'fact (a list) shares no element with value (a list)',
    test: (f, v) => !asArray(f).some((x) => asArray(v).includes(x)),
    factGuard: isArray,
  },
  {
    name: 'nonEmpty',
    builtin: false,
    reads: 'is non-empty:',
    description: 'fact (a list) has at least one element when value is true, none when false',
    test: (f, v) => asArray(f).length > 0 === v,
    factGuard: isArray,
  },
];

export const OPERATORS: ReadonlyMap<string, OperatorDef> = new Map(defs.map((d) => [d.name, d]));
export const OPERATOR_NAMES = [...OPERATORS.keys()];

/** Applies an operator as json-rules-engine would, to a present fact value. */
export function applyOperator(def: OperatorDef, fact: unknown, value: unknown): boolean {
  if (def.factGuard && !def.factGuard(fact)) return false;
  return def.test(fact, value);
}
