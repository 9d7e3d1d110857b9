import { specialised } from './operators.ts';
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

/**
 * The facts of one evaluation laid out by slot: every fact name a compiled condition reads gets a slot number when it
 * is compiled, so the hot path reads `slots[i]` instead of a property looked up by a varying name.
 */
export interface FactTable {
  readonly obj: Facts;
  readonly slots: unknown[];
}
const SLOT_OF = new Map<string, number>();
const SLOT_NAMES: string[] = [];
function slotOf(name: string): number {
  let i = SLOT_OF.get(name);
  if (i === undefined) {
    i = SLOT_NAMES.length;
    SLOT_NAMES.push(name);
    SLOT_OF.set(name, i);
  }
  return i;
}

/** Lays out an evaluation's facts for the compiled conditions (once per evaluation). */
export function factTable(obj: Facts): FactTable {
  const slots = new Array<unknown>(SLOT_NAMES.length);
  for (let i = 0; i < SLOT_NAMES.length; i++) slots[i] = obj[SLOT_NAMES[i]!];
  return { obj, slots };
}

/** A condition node compiled once to a plain synchronous function; children kept for explanations. */
export interface Compiled {
  readonly node: Node;
  readonly value: (facts: FactTable) => Tri;
  readonly children: readonly Compiled[];
}

const cache = new WeakMap<Node, Compiled>();

/** Reads `fact.a.b` with closures specialised for the path length (no per-call splitting or looping). */
const obj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

function getter(leaf: Leaf): (facts: FactTable) => unknown {
  const { path } = leaf;
  const slot = slotOf(leaf.fact);
  switch (path.length) {
    case 0:
      return (f) => f.slots[slot];
    case 1: {
      const [a] = path as [string];
      return (f) => {
        const v = f.slots[slot];
        return obj(v) ? v[a] : undefined;
      };
    }
    case 2: {
      const [a, b] = path as [string, string];
      return (f) => {
        const v = f.slots[slot];
        if (!obj(v)) return undefined;
        const w = v[a];
        return obj(w) ? w[b] : undefined;
      };
    }
    default:
      return (f) => readFact(f.obj, leaf);
  }
}

function compileNode(node: Node): Compiled {
  switch (node.type) {
    case 'all':
    case 'any': {
      // all stops at the first false, any at the first true; an unknown child makes the rest unknown.
      const stop: Tri = node.type === 'all' ? 'F' : 'T';
      const otherwise: Tri = node.type === 'all' ? 'T' : 'F';
      const children = node.children.map(compiled);
      const fns = children.map((c) => c.value);
      return {
        node,
        children,
        value: (facts) => {
          let unknown = false;
          for (const fn of fns) {
            const v = fn(facts);
            if (v === stop) return stop;
            if (v === 'U') unknown = true;
          }
          return unknown ? 'U' : otherwise;
        },
      };
    }
    case 'not': {
      const child = compiled(node.child);
      const fn = child.value;
      return {
        node,
        children: [child],
        value: (facts) => {
          const v = fn(facts);
          return v === 'T' ? 'F' : v === 'F' ? 'T' : 'U';
        },
      };
    }
    case 'leaf': {
      const get = getter(node.leaf);
      const test = specialised(node.leaf.operator, node.leaf.value);
      return {
        node,
        children: [],
        value: (facts) => {
          const actual = get(facts);
          if (actual === undefined) return 'U';
          return test(actual) ? 'T' : 'F';
        },
      };
    }
  }
}

/** The compiled form of a node, built on first use and cached for the node's lifetime. */
export function compiled(node: Node): Compiled {
  let c = cache.get(node);
  if (!c) {
    c = compileNode(node);
    cache.set(node, c);
  }
  return c;
}

/** The truth value alone. */
export function valueOf(node: Node, facts: Facts): Tri {
  const c = compiled(node);
  return c.value(factTable(facts));
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
function support(c: Compiled, facts: FactTable, want: Tri, negated: boolean, out: LeafTest[], unknown: Set<string>): void {
  const node = c.node;
  switch (node.type) {
    case 'all':
    case 'any': {
      // all: true needs every child; false needs the false children. any: the mirror image.
      const everyChild = (node.type === 'all') === (want === 'T');
      for (const child of c.children) {
        const v = child.value(facts);
        if (want === 'U' ? v === 'U' : everyChild || v === want) support(child, facts, want === 'U' ? 'U' : v, negated, out, unknown);
      }
      return;
    }
    case 'not':
      support(c.children[0]!, facts, want === 'T' ? 'F' : want === 'F' ? 'T' : 'U', !negated, out, unknown);
      return;
    case 'leaf': {
      if (c.value(facts) === 'U') unknown.add(node.leaf.name);
      else out.push(test(node.leaf, facts.obj, negated));
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
  return judgeCompiled(c, factTable(facts), explainFalse);
}

/** `judge` for an already compiled node (prepared rules keep theirs: no lookup on the hot path). */
export function judgeCompiled(c: Compiled, facts: FactTable, explainFalse = true, explainTrue = true): Judgment {
  const value = c.value(facts);
  if (value === 'F' && !explainFalse) return FALSE_UNEXPLAINED;
  if (value === 'T' && !explainTrue) return TRUE_UNEXPLAINED;
  const leaves: LeafTest[] = [];
  const unknown = new Set<string>();
  support(c, facts, value, false, leaves, unknown);
  return {
    value,
    because: value === 'T' ? leaves : [],
    missing: value === 'F' ? leaves : [],
    unknownFacts: value === 'U' ? [...unknown] : [],
  };
}

export const and3 = (a: Tri, b: Tri): Tri => (a === 'F' || b === 'F' ? 'F' : a === 'U' || b === 'U' ? 'U' : 'T');
