import type { Leaf } from './conditions.ts';

/** Node kinds in a program's arrays. */
export const KIND = { leaf: 0, all: 1, any: 2, not: 3 } as const;
export type Kind = (typeof KIND)[keyof typeof KIND];

/** Leaf tests done inline; every other operator calls the registry's test bound to the rule value (`arg` holds it). */
export const OP = { equal: 1, notEqual: 2, in: 3, notIn: 4, containsAny: 5, other: 6 } as const;
export type Op = (typeof OP)[keyof typeof OP];

/** Tri-values as stored in a memo: 0 is "not computed". */
export const T = 1;
export const F = 2;
export const U = 3;

/**
 * A program's condition nodes as parallel arrays, indexed by node id; children come before their parents. A leaf reads
 * `slots[slot]`, then `[key1]` and `[key2]` when present (a longer path reads `deep` generically), and tests it with
 * `op` against `arg` (the rule's value; a Set for list operators; the bound registry test for `other`).
 */
export interface ProgramArrays {
  readonly kind: readonly Kind[];
  readonly first: readonly number[];
  readonly last: readonly number[];
  readonly kids: readonly number[];
  readonly slot: readonly number[];
  readonly key1: readonly (string | undefined)[];
  readonly key2: readonly (string | undefined)[];
  readonly deep: readonly (Leaf | undefined)[];
  readonly op: readonly Op[];
  readonly arg: readonly unknown[];
}

/** containsAny against a Set built once (json-rules-engine's guard: a fact that is not a list is false). */
export function containsAny(fact: unknown, set: Set<unknown>): boolean {
  if (!Array.isArray(fact)) return false;
  for (const x of fact) if (set.has(x)) return true;
  return false;
}
