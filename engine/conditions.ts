import type { ConditionJson, LeafJson } from '../schemas/index.ts';
import { OPERATORS, type OperatorDef } from './operators.ts';

/** The condition tree as a discriminated union; every walk is an exhaustive switch on `type`. */
export type Node =
  | { readonly type: 'all'; readonly children: readonly Node[] }
  | { readonly type: 'any'; readonly children: readonly Node[] }
  | { readonly type: 'not'; readonly child: Node }
  | { readonly type: 'leaf'; readonly leaf: Leaf };

export interface Leaf {
  readonly fact: string;
  readonly path: readonly string[];
  /** `energy.exceedsConsumptionQuota`: the fact and path as one profile path. */
  readonly name: string;
  readonly operator: OperatorDef;
  readonly value: unknown;
  readonly json: LeafJson;
}

export class UnknownOperatorError extends Error {
  readonly code = 'UNKNOWN_OPERATOR';
  constructor(readonly operator: string) {
    super(`unknown operator '${operator}'`);
  }
}

export function parseCondition(json: ConditionJson): Node {
  if ('all' in json) return { type: 'all', children: json.all.map(parseCondition) };
  if ('any' in json) return { type: 'any', children: json.any.map(parseCondition) };
  if ('not' in json) return { type: 'not', child: parseCondition(json.not) };
  const operator = OPERATORS.get(json.operator);
  if (!operator) throw new UnknownOperatorError(json.operator);
  const path = json.path ? json.path.slice(2).split('.') : [];
  return {
    type: 'leaf',
    leaf: { fact: json.fact, path, name: [json.fact, ...path].join('.'), operator, value: json.value, json },
  };
}

export function leavesOf(node: Node): Leaf[] {
  switch (node.type) {
    case 'all':
    case 'any':
      return node.children.flatMap(leavesOf);
    case 'not':
      return leavesOf(node.child);
    case 'leaf':
      return [node.leaf];
  }
}

/** Every leaf of raw condition JSON, including unknown operators (for lint). */
export function rawLeaves(json: ConditionJson): LeafJson[] {
  if ('all' in json) return json.all.flatMap(rawLeaves);
  if ('any' in json) return json.any.flatMap(rawLeaves);
  if ('not' in json) return rawLeaves(json.not);
  return [json];
}

/** The value at `keys` below `root`; `undefined` when a step is missing or not an object. */
export function readAt(root: unknown, keys: readonly string[]): unknown {
  let v = root;
  for (const key of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Reads a leaf's fact value; `undefined` means the fact is absent. */
export function readFact(facts: Readonly<Record<string, unknown>>, leaf: Leaf): unknown {
  return readAt(facts[leaf.fact], leaf.path);
}
