import { readFact, type Leaf, type Node } from './conditions.ts';
import { factTable, Program, type Facts, type FactTable, type Tri } from './program.ts';

export { factTable, Program, releaseTable, type Facts, type FactTable, type Tri } from './program.ts';

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

/** A condition node compiled once into its rule base's program; children kept for explanations. */
export interface Compiled {
  readonly node: Node;
  readonly children: readonly Compiled[];
  /** The node's id in `program`. */
  readonly id: number;
  readonly program: Program;
  readonly value: (facts: FactTable) => Tri;
}

const cache = new WeakMap<Node, Compiled>();

function compileNode(node: Node, program: Program): Compiled {
  const children = node.type === 'leaf' ? [] : node.type === 'not' ? [compiled(node.child, program)] : node.children.map((c) => compiled(c, program));
  const id = program.add(node);
  return { node, children, id, program, value: (facts) => program.value(id, facts) };
}

/**
 * The compiled form of a node, built on first use and cached for the node's lifetime. At preparation the rule base's
 * `program` is given, so that its nodes share one memo; otherwise the tree gets a program of its own.
 */
export function compiled(node: Node, program?: Program): Compiled {
  let c = cache.get(node);
  if (!c) {
    c = compileNode(node, program ?? new Program());
    cache.set(node, c);
  }
  return c;
}

/** The truth value alone. */
export function truthOf(node: Node, facts: Facts): Tri {
  const c = compiled(node);
  return c.value(factTable(facts, c.program));
}

/** A compiled node's value (from the evaluation's memo when the table was laid out for its program), without the closure. */
export const valueIn = (c: Compiled, facts: FactTable): Tri => c.program.value(c.id, facts);

const test = (leaf: Leaf, facts: Facts, negated: boolean): LeafTest => {
  const t: LeafTest = { fact: leaf.name, operator: leaf.json.operator, value: leaf.value, actual: readFact(facts, leaf) ?? null };
  if (negated) t.negated = true;
  return t;
};

/**
 * The leaves behind a node's value. `want` is the value whose support is asked for: for T the leaves that make it
 * true, for F those that make it false, for U the unknown leaves it hangs on. `negated` flips under `not`.
 */
function support(c: Compiled, facts: FactTable, want: Tri, negated: boolean, out: LeafTest[], unknown: string[]): void {
  const node = c.node;
  switch (node.type) {
    case 'all':
    case 'any': {
      // all: true needs every child; false needs the false children. any: the mirror image.
      const everyChild = (node.type === 'all') === (want === 'T');
      for (const child of c.children) {
        const v = valueIn(child, facts);
        if (want === 'U' ? v === 'U' : everyChild || v === want) support(child, facts, want === 'U' ? 'U' : v, negated, out, unknown);
      }
      return;
    }
    case 'not':
      support(c.children[0]!, facts, want === 'T' ? 'F' : want === 'F' ? 'T' : 'U', !negated, out, unknown);
      return;
    case 'leaf': {
      if (valueIn(c, facts) === 'U') {
        if (!unknown.includes(node.leaf.name)) unknown.push(node.leaf.name);
      } else out.push(test(node.leaf, facts.obj, negated));
      return;
    }
  }
}

const NONE: never[] = [];
/** Shared by every false rule that needs no explanation: nothing to allocate on the hot path. */
const FALSE_UNEXPLAINED: Judgment = Object.freeze({ value: 'F', because: NONE, missing: NONE, unknownFacts: NONE }) as Judgment;
const TRUE_UNEXPLAINED: Judgment = Object.freeze({ value: 'T', because: NONE, missing: NONE, unknownFacts: NONE }) as Judgment;

/**
 * The value and what explains it: `because` when true, `unknownFacts` when unknown, and `missing` when false — the
 * last only when asked for (`explainFalse`), since most false rules need no explanation.
 */
export function judge(node: Node, facts: Facts, explainFalse = true): Judgment {
  const c = compiled(node);
  return judgeCompiled(c, factTable(facts, c.program), explainFalse);
}

/** `judge` for an already compiled node (prepared rules keep theirs: no lookup on the hot path). */
export function judgeCompiled(c: Compiled, facts: FactTable, explainFalse = true, explainTrue = true): Judgment {
  const value = valueIn(c, facts);
  if (value === 'F' && !explainFalse) return FALSE_UNEXPLAINED;
  if (value === 'T' && !explainTrue) return TRUE_UNEXPLAINED;
  const leaves: LeafTest[] = [];
  const unknown: string[] = [];
  support(c, facts, value, false, leaves, unknown);
  return {
    value,
    because: value === 'T' ? leaves : NONE,
    missing: value === 'F' ? leaves : NONE,
    unknownFacts: unknown,
  };
}

export const and3 = (a: Tri, b: Tri): Tri => (a === 'F' || b === 'F' ? 'F' : a === 'U' || b === 'U' ? 'U' : 'T');
