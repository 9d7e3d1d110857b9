import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { TSchema } from '@sinclair/typebox';
import { factTable, leavesOf, type Facts, type Leaf, type PreparedRule } from '../engine/index.ts';
import { ProfileSchema } from '../schemas/index.ts';

export interface SemanticResult {
  verdict: 'differs' | 'same-on-all-searched';
  searched: number;
  exhaustive: boolean;
  counterexample?: { facts: Record<string, unknown>; before: string; after: string };
}

const EXHAUSTIVE_LIMIT = 20_000;
const SAMPLES = 3_000;
const OTHER = 'zz-other';

interface Slot {
  name: string;
  fact: string;
  path: readonly string[];
  candidates: unknown[];
}

function schemaEnum(segments: readonly string[]): unknown[] {
  let s: TSchema | undefined = ProfileSchema;
  for (const seg of segments) s = (s as { properties?: Record<string, TSchema> } | undefined)?.properties?.[seg];
  return ((s as { enum?: unknown[] } | undefined)?.enum ?? []).slice(0, 6);
}

/** The values worth trying for a fact: every value a leaf names, each numeric boundary ±1, an outsider, and absence. */
function slotsOf(leaves: readonly Leaf[]): Slot[] {
  const byName = new Map<string, { fact: string; path: readonly string[]; leaves: Leaf[] }>();
  for (const l of leaves) {
    const entry = byName.get(l.name) ?? { fact: l.fact, path: l.path, leaves: [] };
    entry.leaves.push(l);
    byName.set(l.name, entry);
  }
  return [...byName].map(([name, { fact, path, leaves: ls }]) => {
    const values = new Set<unknown>([undefined]);
    for (const l of ls) {
      const v = l.value;
      switch (l.operator.name) {
        case 'lessThan':
        case 'lessThanInclusive':
        case 'greaterThan':
        case 'greaterThanInclusive':
          for (const d of [-1, 0, 1]) values.add((v as number) + d);
          break;
        case 'contains':
        case 'doesNotContain':
          values.add([]).add([v]).add([OTHER]);
          break;
        case 'containsAny':
        case 'containsNone':
          values.add([]).add([OTHER]);
          for (const x of v as unknown[]) values.add([x]);
          break;
        case 'nonEmpty':
          values.add([]).add([OTHER]);
          break;
        case 'in':
        case 'notIn':
          for (const x of v as unknown[]) values.add(x);
          values.add(OTHER);
          break;
        default:
          if (typeof v === 'boolean') values.add(true).add(false);
          else {
            values.add(v);
            for (const e of schemaEnum([fact, ...path])) values.add(e);
            values.add(OTHER);
          }
      }
    }
    // Arrays compare by identity in a Set: keep one of each shape.
    const seen = new Set<string>();
    const candidates = [...values].filter((x) => {
      const k = JSON.stringify(x) ?? 'undefined';
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    return { name, fact, path, candidates };
  });
}

function factsFrom(slots: readonly Slot[], choice: readonly number[]): Facts {
  const facts: Record<string, unknown> = {};
  slots.forEach((slot, i) => {
    const value = slot.candidates[choice[i]!];
    if (value === undefined) return;
    if (slot.path.length === 0) {
      facts[slot.fact] = value;
      return;
    }
    facts[slot.fact] ??= {};
    let obj = facts[slot.fact] as Record<string, unknown>;
    for (const k of slot.path.slice(0, -1)) {
      obj[k] ??= {};
      obj = obj[k] as Record<string, unknown>;
    }
    obj[slot.path[slot.path.length - 1]!] = value;
  });
  return facts;
}

function decide(rule: PreparedRule, facts: Facts): string {
  const value = rule.effective.value(factTable(facts, rule.effective.program));
  return value === 'T' ? `${rule.json.kind}: ${rule.json.outcome}` : value === 'F' ? 'does not apply' : 'undetermined';
}

/**
 * Searches the facts two versions of a rule use — every enumerated value, each numeric threshold's boundaries, absence
 * — exhaustively when the space is small, by seeded random sampling (the same samples every run) otherwise, for a profile on which they
 * decide differently.
 */
export function semanticCheck(ra: PreparedRule, rb: PreparedRule): SemanticResult {
  // Every fact either rule's effective condition reads: its rule set's place and scope, and its own conditions.
  const leaves = [ra.effective.node, rb.effective.node].flatMap(leavesOf);
  const slots = slotsOf(leaves);
  const sizes = slots.map((s) => s.candidates.length);
  const space = sizes.reduce((n, s) => n * s, 1);
  const check = (choice: number[]) => {
    const facts = factsFrom(slots, choice);
    const before = decide(ra, facts);
    const after = decide(rb, facts);
    if (before === after) return undefined;
    const shown: Record<string, unknown> = {};
    slots.forEach((s, i) => {
      shown[s.name] = s.candidates[choice[i]!] ?? null;
    });
    return { facts: shown, before, after };
  };
  if (space <= EXHAUSTIVE_LIMIT) {
    const choice = sizes.map(() => 0);
    for (let n = 0; n < space; n++) {
      const found = check(choice);
      if (found) return { verdict: 'differs', searched: n + 1, exhaustive: true, counterexample: found };
      for (let i = 0; i < choice.length; i++) {
        choice[i]! += 1;
        if (choice[i]! < sizes[i]!) break;
        choice[i] = 0;
      }
    }
    return { verdict: 'same-on-all-searched', searched: space, exhaustive: true };
  }
  const rng = xoroshiro128plus(42);
  const samples = Array.from({ length: SAMPLES }, () => sizes.map((s) => uniformInt(rng, 0, s - 1)));
  for (let n = 0; n < samples.length; n++) {
    const found = check(samples[n]!);
    if (found) return { verdict: 'differs', searched: n + 1, exhaustive: false, counterexample: found };
  }
  return { verdict: 'same-on-all-searched', searched: samples.length, exhaustive: false };
}
