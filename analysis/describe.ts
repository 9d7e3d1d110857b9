import type { ConditionJson, LeafJson } from '../schemas/index.ts';

/** "environment.exceedsDischargeStandard equal true": a leaf as a person reads it. */
export function describeLeaf(leaf: LeafJson): string {
  const name = [leaf.fact, ...(leaf.path ? leaf.path.slice(2).split('.') : [])].join('.');
  return `${name} ${leaf.operator} ${JSON.stringify(leaf.value)}`;
}

export interface PlacedLeaf {
  /** The boolean operators above the leaf, outermost first: "all > any". */
  under: string;
  leaf: string;
}

/** Every leaf with the chain of all/any/not above it. */
export function placedLeaves(json: ConditionJson, above: string[] = []): PlacedLeaf[] {
  if ('all' in json) return json.all.flatMap((c) => placedLeaves(c, [...above, 'all']));
  if ('any' in json) return json.any.flatMap((c) => placedLeaves(c, [...above, 'any']));
  if ('not' in json) return placedLeaves(json.not, [...above, 'not']);
  return [{ under: above.join(' > '), leaf: describeLeaf(json) }];
}
