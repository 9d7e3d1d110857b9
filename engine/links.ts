import type { Profile } from '../schemas/index.ts';
import type { Leaf } from './conditions.ts';
import type { LeafTest } from './tri.ts';

export interface SuggestedChange {
  path: string;
  value: unknown;
}

/** A copy of the profile with one dotted path set: only the objects along the path are copied (no validation: the
 * caller re-checks the rule). */
export function withValue(profile: Profile, path: string, value: unknown): Profile {
  const segments = path.split('.');
  const out: Record<string, unknown> = { ...profile };
  let src: unknown = profile;
  let dst = out;
  for (const seg of segments.slice(0, -1)) {
    const next = src !== null && typeof src === 'object' ? (src as Record<string, unknown>)[seg] : undefined;
    const copy: Record<string, unknown> = next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
    dst[seg] = copy;
    dst = copy;
    src = next;
  }
  dst[segments[segments.length - 1]!] = value;
  return out;
}

const append = (current: unknown, item: unknown) => [...new Set([...(Array.isArray(current) ? current : []), item])];

/** The one profile change that would make a failed leaf hold, where there is an obvious one. */
export function changeFor(leaf: Leaf, test: LeafTest, profile: Profile): SuggestedChange | undefined {
  const v = leaf.value;
  const first = Array.isArray(v) ? v[0] : undefined;
  switch (leaf.fact) {
    case 'aboveDesignatedSize':
      return leaf.operator.name === 'equal' ? { path: 'size.aboveDesignatedSize', value: v } : undefined;
    case 'industryKeys':
      if (leaf.operator.name === 'containsAny' && first !== undefined) return { path: 'industry.keys', value: append(profile.industry?.keys, first) };
      if (leaf.operator.name === 'contains') return { path: 'industry.keys', value: append(profile.industry?.keys, v) };
      return undefined;
    case 'titlesHeld':
      if (leaf.operator.name === 'containsAny' && first !== undefined)
        return { path: 'titles', value: [...(profile.titles ?? []).filter((t) => t.kind !== first), { kind: first }] };
      return undefined;
  }
  if (leaf.path.length === 0 && !(leaf.fact in (profile as object)) && typeof v === 'object') return undefined;
  const path = leaf.name;
  switch (leaf.operator.name) {
    case 'equal':
    case 'greaterThanInclusive':
    case 'lessThanInclusive':
      return { path, value: v };
    case 'notEqual':
      return typeof v === 'boolean' ? { path, value: !v } : undefined;
    case 'greaterThan':
      return typeof v === 'number' ? { path, value: v + 1 } : undefined;
    case 'lessThan':
      return typeof v === 'number' ? { path, value: v - 1 } : undefined;
    case 'in':
      return first !== undefined ? { path, value: first } : undefined;
    case 'contains':
      return { path, value: append(test.actual, v) };
    case 'containsAny':
      return first !== undefined ? { path, value: append(test.actual, first) } : undefined;
    default:
      return undefined;
  }
}
