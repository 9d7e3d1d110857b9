import {
  auditHistory,
  auditOnDate,
  deriveFacts,
  factTable,
  leavesOf,
  releaseTable,
  type Facts,
  type Leaf,
  type LeafTest,
  type PreparedRule,
  type RuleBase,
} from '../engine/index.ts';
import type { Answer, Profile } from '../schemas/index.ts';

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

/**
 * Links each whyNot of an answer to the single profile change that would make its rule hold, where there is one (POST
 * /v1/whatif shows the whole answer after it): each failed leaf's obvious fix is tried in turn and kept when the rule's
 * effective condition (its rule set's place and scope with its own) then holds. A post-process of the engine's answer.
 */
export function linkWhyNot(base: RuleBase, profile: Profile, answer: Answer): Answer {
  if (answer.whyNot.length === 0) return answer;
  const onDate = auditOnDate(profile, auditHistory(profile, answer.asOf), answer.asOf);
  // The facts the engine decided with: the profile on the date, with the derived and lateness facts it reports.
  const facts: Facts = { ...onDate, ...answer.facts };
  const versionOf = new Map(answer.rulesets.map((r) => [r.id, r.version]));
  for (const entry of answer.whyNot) {
    const rule = base.rulesets
      .get(entry.ruleset)
      ?.find((v) => v.version === versionOf.get(entry.ruleset))
      ?.rules.find((r) => r.json.id === entry.id);
    const change = rule && singleChangeFor(base, rule, onDate, facts, answer.asOf, entry.missing);
    if (change) entry.whatIf = { changes: [change] };
  }
  return answer;
}

function singleChangeFor(
  base: RuleBase,
  rule: PreparedRule,
  profile: Profile,
  facts: Facts,
  asOf: string,
  missing: readonly LeafTest[],
): SuggestedChange | undefined {
  const leaves = leavesOf(rule.effective.node);
  for (const test of missing) {
    const leaf = leaves.find((l) => l.name === test.fact && l.json.operator === test.operator && l.value === test.value);
    if (!leaf) continue;
    const change = changeFor(leaf, test, profile);
    if (!change) continue;
    const changed = withValue(profile, change.path, change.value);
    const root = change.path.split('.')[0]!;
    // Derived facts are recomputed only when the change touches one of their inputs.
    const after: Facts = base.derivedRoots.has(root)
      ? { ...facts, ...changed, ...deriveFacts(base.derivedFacts, { profile: changed, asOf }).facts }
      : { ...facts, [root]: changed[root as keyof Profile] };
    const table = factTable(after, rule.effective.program);
    const holds = rule.effective.value(table) === 'T';
    releaseTable(table);
    if (holds) return change;
  }
  return undefined;
}
