import type { ConditionJson, LeafJson } from '../schemas/index.ts';
import { FACT_REF_PATTERN, OPERATOR_ALIASES } from '../schemas/index.ts';

/** A problem in a condition as written: where (`rules[3].conditions.any[1]`) and what is wrong. */
export interface ConditionProblem {
  path: string;
  message: string;
}

const BOOLEAN_KEYS = new Set(['all', 'any', 'not', 'use']);
const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isLeaf = (c: ConditionJson): c is LeafJson => 'fact' in c;
const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;

/**
 * The named conditions of one version, compiled on first use; `use:` inside a definition may name another one (not
 * itself, directly or through others).
 */
export class Definitions {
  readonly #source: Readonly<Record<string, unknown>>;
  readonly #compiled = new Map<string, ConditionJson | undefined>();
  readonly #resolving: string[] = [];
  /** Names some condition took in (directly or through another definition). */
  readonly used = new Set<string>();

  constructor(source: Readonly<Record<string, unknown>> = {}) {
    this.#source = source;
  }

  get names(): string[] {
    return Object.keys(this.#source);
  }

  /** The compiled condition a name stands for (a copy), or undefined with a problem at `path`; `use` marks it used. */
  resolve(name: string, path: string, problems: ConditionProblem[], use = true): ConditionJson | undefined {
    if (!Object.hasOwn(this.#source, name)) {
      const known = this.names;
      problems.push({
        path,
        message: `use: '${name}' is not a definition of this version${known.length ? ` (definitions: ${known.join(', ')})` : ' (it has none)'}`,
      });
      return undefined;
    }
    if (use) this.used.add(name);
    if (this.#resolving.includes(name)) {
      problems.push({ path, message: `use: '${name}' refers to itself (${[...this.#resolving, name].join(' → ')})` });
      return undefined;
    }
    if (!this.#compiled.has(name)) {
      this.#resolving.push(name);
      this.#compiled.set(name, compileCondition(this.#source[name], `definitions.${name}`, this, problems));
      this.#resolving.pop();
    }
    const c = this.#compiled.get(name);
    return c === undefined ? undefined : structuredClone(c);
  }
}

/**
 * Compiles a condition as written to json-rules-engine JSON. A mapping's entries must all hold: one entry is that
 * condition itself, several are `all` of them in their order. An entry is `all: [...]`, `any: [...]`, `not: {...}`,
 * `use: <definition>`, or a shorthand leaf `<fact>[.<path>]: <value>` (equal) / `<fact>[.<path>]: { <operator>: <value> }`.
 * A mapping with `fact` is a json-rules-engine leaf, taken as it is (the schema and lint check it).
 */
export function compileCondition(node: unknown, path: string, defs: Definitions, problems: ConditionProblem[]): ConditionJson | undefined {
  if (!isMapping(node)) {
    problems.push({ path, message: `a condition is a mapping (fact.path: value, any, all, not, use), not ${describe(node)}` });
    return undefined;
  }
  if ('fact' in node) return structuredClone(node) as unknown as LeafJson;
  const keys = Object.keys(node);
  if (keys.length === 0) {
    problems.push({ path, message: 'an empty condition: name what must hold (a rule that always holds has conditions: { all: [] })' });
    return undefined;
  }
  const parts: (ConditionJson | undefined)[] = keys.map((key) => compileEntry(key, node[key], `${path}.${key}`, defs, problems));
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.length === 1 ? parts[0] : { all: parts as ConditionJson[] };
}

function compileEntry(key: string, value: unknown, path: string, defs: Definitions, problems: ConditionProblem[]): ConditionJson | undefined {
  if (key === 'all' || key === 'any') {
    if (!Array.isArray(value)) {
      problems.push({ path, message: `${key}: a list of conditions, not ${describe(value)}` });
      return undefined;
    }
    const items = value.map((item, i) => compileCondition(item, `${path}[${i}]`, defs, problems));
    if (items.some((c) => c === undefined)) return undefined;
    return key === 'all' ? { all: items as ConditionJson[] } : { any: items as ConditionJson[] };
  }
  if (key === 'not') {
    const inner = compileCondition(value, path, defs, problems);
    return inner === undefined ? undefined : { not: inner };
  }
  if (key === 'use') {
    if (typeof value !== 'string') {
      problems.push({ path, message: `use: the name of a definition, not ${describe(value)}` });
      return undefined;
    }
    return defs.resolve(value, path, problems);
  }
  if (!FACT_REF_PATTERN.test(key)) {
    problems.push({
      path,
      message: `'${key}' is neither a fact (fact or fact.path, e.g. energy.exceedsConsumptionQuota) nor one of ${[...BOOLEAN_KEYS].join(', ')}`,
    });
    return undefined;
  }
  return shorthandLeaf(key, value, path, problems);
}

/** `energy.exceedsConsumptionQuota: true` → `{ fact: energy, path: $.exceedsConsumptionQuota, operator: equal, value: true }`. */
function shorthandLeaf(ref: string, spec: unknown, path: string, problems: ConditionProblem[]): LeafJson | undefined {
  const dot = ref.indexOf('.');
  const fact = dot < 0 ? ref : ref.slice(0, dot);
  const at = dot < 0 ? {} : { path: `$.${ref.slice(dot + 1)}` };
  if (typeof spec === 'string' || typeof spec === 'number' || typeof spec === 'boolean') return { fact, ...at, operator: 'equal', value: spec };
  if (!isMapping(spec)) {
    const hint = Array.isArray(spec) ? ': a list needs an operator, e.g. { in: [...] } or { hasAny: [...] }' : '';
    problems.push({ path, message: `${ref}: expected a value (equal) or { <operator>: <value> }, not ${describe(spec)}${hint}` });
    return undefined;
  }
  const ops = Object.keys(spec);
  if (ops.length !== 1) {
    problems.push({
      path,
      message: `${ref}: one operator per entry, e.g. { gte: 2000 } (got ${ops.length === 0 ? 'none' : ops.join(', ')}); for two tests of one fact write all: [...]`,
    });
    return undefined;
  }
  const op = ops[0]!;
  // An unknown operator is kept as written: lint names it with the registry, as for a json-rules-engine leaf.
  return { fact, ...at, operator: OPERATOR_ALIASES[op] ?? op, value: structuredClone(spec[op]) };
}

/** A rule's (or appliesTo's, or a warning's) conditions: json-rules-engine wants all/any/not at the top. */
export function compileTopCondition(node: unknown, path: string, defs: Definitions, problems: ConditionProblem[]): ConditionJson | undefined {
  const c = compileCondition(node, path, defs, problems);
  return c !== undefined && isLeaf(c) ? { all: [c] } : c;
}
