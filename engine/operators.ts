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
  /** A test specialised for one rule value (e.g. a list turned into a Set), same semantics as `test` + `factGuard`. */
  readonly specialise?: (value: unknown) => (fact: unknown) => boolean;
}

const isNumberLike = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const defs: OperatorDef[] = [
  { name: 'equal', builtin: true, reads: 'equal', description: 'fact === value', test: (f, v) => f === v, specialise: (v) => (f) => f === v },
  { name: 'notEqual', builtin: true, reads: 'not equal', description: 'fact !== value', test: (f, v) => f !== v, specialise: (v) => (f) => f !== v },
  {
    name: 'in',
    builtin: true,
    reads: 'in',
    description: 'value (a list) includes fact',
    test: (f, v) => asArray(v).includes(f),
    specialise: (v) => setTest(v, true),
  },
  {
    name: 'notIn',
    builtin: true,
    reads: 'not in',
    description: 'value (a list) does not include fact',
    test: (f, v) => !asArray(v).includes(f),
    specialise: (v) => setTest(v, false),
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
    specialise: (v) => {
      const set = new Set(asArray(v));
      return (f) => {
        if (!Array.isArray(f)) return false;
        for (const x of f) if (set.has(x)) return true;
        return false;
      };
    },
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

/** `in` / `notIn` against a Set built once (SameValueZero, as Array.prototype.includes). */
function setTest(v: unknown, member: boolean): (f: unknown) => boolean {
  const set = new Set(asArray(v));
  return (f) => set.has(f) === member;
}

export const OPERATORS: ReadonlyMap<string, OperatorDef> = new Map(defs.map((d) => [d.name, d]));
export const OPERATOR_NAMES = [...OPERATORS.keys()];

/** The operator specialised to one rule value; guards included. */
export function specialised(def: OperatorDef, value: unknown): (fact: unknown) => boolean {
  if (def.specialise) {
    const test = def.specialise(value);
    const guard = def.factGuard;
    return guard ? (f) => guard(f) && test(f) : test;
  }
  return (f) => applyOperator(def, f, value);
}

/** Applies an operator as json-rules-engine would, to a present fact value. */
export function applyOperator(def: OperatorDef, fact: unknown, value: unknown): boolean {
  if (def.factGuard && !def.factGuard(fact)) return false;
  return def.test(fact, value);
}
