import { applyOperator } from './operators.ts';
import { readFact, type Leaf, type Node } from './conditions.ts';

/** Kleene three-valued logic: a leaf whose fact is absent is unknown, and stays so only where it decides. */
export type Tri = 'T' | 'F' | 'U';

export interface LeafTest {
  fact: string;
  operator: string;
  value: unknown;
  actual: unknown;
  negated?: boolean;
}

export interface Judgment {
  value: Tri;
  /** Leaves that make a true result true (under `not`, the false leaves, marked negated). */
  because: LeafTest[];
  /** Leaves that make a false result false: what would have to change. */
  missing: LeafTest[];
  /** Absent facts an unknown result depends on. */
  unknownFacts: string[];
}

export type Facts = Readonly<Record<string, unknown>>;

function leafValue(leaf: Leaf, facts: Facts): Tri {
  const actual = readFact(facts, leaf);
  if (actual === undefined) return 'U';
  return applyOperator(leaf.operator, actual, leaf.value) ? 'T' : 'F';
}

/** The truth value alone: the hot path. */
export function valueOf(node: Node, facts: Facts): Tri {
  switch (node.type) {
    case 'all': {
      let unknown = false;
      for (const c of node.children) {
        const v = valueOf(c, facts);
        if (v === 'F') return 'F';
        if (v === 'U') unknown = true;
      }
      return unknown ? 'U' : 'T';
    }
    case 'any': {
      let unknown = false;
      for (const c of node.children) {
        const v = valueOf(c, facts);
        if (v === 'T') return 'T';
        if (v === 'U') unknown = true;
      }
      return unknown ? 'U' : 'F';
    }
    case 'not': {
      const v = valueOf(node.child, facts);
      return v === 'T' ? 'F' : v === 'F' ? 'T' : 'U';
    }
    case 'leaf':
      return leafValue(node.leaf, facts);
  }
}

const test = (leaf: Leaf, facts: Facts, negated: boolean): LeafTest => {
  const t: LeafTest = { fact: leaf.name, operator: leaf.json.operator, value: leaf.value, actual: readFact(facts, leaf) ?? null };
  if (negated) t.negated = true;
  return t;
};

/**
 * The leaves behind a node's value. `want` is the value whose support is asked for: for T the leaves that make it
 * true, for F those that make it false, for U the unknown leaves it hangs on. `negated` flips under `not`.
 */
function support(node: Node, facts: Facts, want: Tri, negated: boolean, out: LeafTest[], unknown: Set<string>): void {
  switch (node.type) {
    case 'all':
    case 'any': {
      // all: true needs every child; false needs the false children. any: the mirror image.
      const everyChild = (node.type === 'all') === (want === 'T');
      for (const c of node.children) {
        const v = valueOf(c, facts);
        if (want === 'U' ? v === 'U' : everyChild || v === want) support(c, facts, want === 'U' ? 'U' : v, negated, out, unknown);
      }
      return;
    }
    case 'not':
      support(node.child, facts, want === 'T' ? 'F' : want === 'F' ? 'T' : 'U', !negated, out, unknown);
      return;
    case 'leaf': {
      const v = leafValue(node.leaf, facts);
      if (v === 'U') unknown.add(node.leaf.name);
      else out.push(test(node.leaf, facts, negated));
      return;
    }
  }
}

export function judge(node: Node, facts: Facts): Judgment {
  const value = valueOf(node, facts);
  const leaves: LeafTest[] = [];
  const unknown = new Set<string>();
  support(node, facts, value, false, leaves, unknown);
  return {
    value,
    because: value === 'T' ? leaves : [],
    missing: value === 'F' ? leaves : [],
    unknownFacts: value === 'U' ? [...unknown] : [],
  };
}

export const and3 = (a: Tri, b: Tri): Tri => (a === 'F' || b === 'F' ? 'F' : a === 'U' || b === 'U' ? 'U' : 'T');
