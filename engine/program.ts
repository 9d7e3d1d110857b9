import { readFact, type Leaf, type Node } from './conditions.ts';
import { specialised } from './operators.ts';

/** Kleene three-valued logic: a leaf whose fact is absent is unknown, and stays so only where it decides. */
export type Tri = 'T' | 'F' | 'U';

export type Facts = Readonly<Record<string, unknown>>;

/**
 * The facts of one evaluation laid out by slot (every fact a condition reads gets a slot number when it is compiled, so
 * the hot path reads `slots[i]`), with the memo of the program it is evaluated against.
 */
export interface FactTable {
  readonly obj: Facts;
  readonly slots: unknown[];
  /** The program whose node values `memo` holds (0 not yet computed, then 1 T, 2 F, 3 U). */
  readonly program: Program | null;
  readonly memo: Uint8Array;
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

const NO_MEMO = new Uint8Array(0);

/**
 * Lays out an evaluation's facts (once per evaluation). With the rule base's `program`, every node's value is computed
 * at most once in this evaluation: a condition several rules share is decided once, and explanations re-read values.
 */
export function factTable(obj: Facts, program: Program | null = null): FactTable {
  const slots = new Array<unknown>(SLOT_NAMES.length);
  for (let i = 0; i < SLOT_NAMES.length; i++) slots[i] = obj[SLOT_NAMES[i]!];
  return { obj, slots, program, memo: program ? new Uint8Array(program.size) : NO_MEMO };
}

const enum Kind {
  Leaf = 0,
  All = 1,
  Any = 2,
  Not = 3,
}
/** Leaf tests the interpreter does inline; every other operator calls its specialised test. */
const enum Op {
  Equal = 1,
  NotEqual = 2,
  In = 3,
  NotIn = 4,
  ContainsAny = 5,
  Other = 6,
}
const OP_OF: Readonly<Record<string, Op>> = { equal: Op.Equal, notEqual: Op.NotEqual, in: Op.In, notIn: Op.NotIn, containsAny: Op.ContainsAny };
const T = 1;
const F = 2;
const U = 3;
const TRI: readonly Tri[] = ['U', 'T', 'F', 'U'];

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

/**
 * Condition trees flattened into parallel arrays and decided by one small interpreter: a single monomorphic function
 * instead of a closure per node, which V8 runs several times faster. Structurally equal nodes get one id, so a
 * rule base's program decides each distinct condition once per evaluation. Same semantics as json-rules-engine's
 * operators (the registry's), checked by the differential tests.
 */
export class Program {
  private readonly kind: Kind[] = [];
  private readonly first: number[] = [];
  private readonly last: number[] = [];
  private readonly kids: number[] = [];
  private readonly slot: number[] = [];
  private readonly key1: (string | undefined)[] = [];
  private readonly key2: (string | undefined)[] = [];
  /** Leaves whose path is longer than two keys read the fact generically. */
  private readonly deep: (Leaf | undefined)[] = [];
  private readonly op: Op[] = [];
  private readonly arg: unknown[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly keyOf: string[] = [];

  get size(): number {
    return this.kind.length;
  }

  /** Adds a tree (children first) and returns its id; an equal tree already added keeps its id. */
  add(node: Node): number {
    const children = node.type === 'leaf' ? [] : node.type === 'not' ? [this.add(node.child)] : node.children.map((c) => this.add(c));
    const key =
      node.type === 'leaf'
        ? JSON.stringify([node.leaf.fact, node.leaf.path, node.leaf.operator.name, node.leaf.value])
        : `${node.type}(${children.join(',')})`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const id = this.kind.length;
    this.byKey.set(key, id);
    this.keyOf.push(key);
    this.first.push(this.kids.length);
    this.kids.push(...children);
    this.last.push(this.kids.length);
    if (node.type === 'leaf') {
      const { leaf } = node;
      const op = OP_OF[leaf.operator.name] ?? Op.Other;
      this.kind.push(Kind.Leaf);
      this.slot.push(slotOf(leaf.fact));
      this.key1.push(leaf.path[0]);
      this.key2.push(leaf.path[1]);
      this.deep.push(leaf.path.length > 2 ? leaf : undefined);
      this.op.push(op);
      this.arg.push(
        op === Op.Equal || op === Op.NotEqual
          ? leaf.value
          : op === Op.In || op === Op.NotIn || op === Op.ContainsAny
            ? new Set(Array.isArray(leaf.value) ? leaf.value : [])
            : specialised(leaf.operator, leaf.value),
      );
    } else {
      this.kind.push(node.type === 'all' ? Kind.All : node.type === 'any' ? Kind.Any : Kind.Not);
      this.slot.push(-1);
      this.key1.push(undefined);
      this.key2.push(undefined);
      this.deep.push(undefined);
      this.op.push(Op.Other);
      this.arg.push(undefined);
    }
    return id;
  }

  /** The node's value on these facts (memoised when the table was laid out for this program). */
  value(id: number, facts: FactTable): Tri {
    return TRI[this.run(id, facts.slots, facts.obj, facts.program === this ? facts.memo : NO_MEMO)]!;
  }

  private run(i: number, slots: unknown[], obj: Facts, memo: Uint8Array): number {
    const memoised = i < memo.length;
    if (memoised && memo[i] !== 0) return memo[i]!;
    let r: number;
    switch (this.kind[i]!) {
      case Kind.Leaf:
        r = this.leaf(i, slots, obj);
        break;
      case Kind.All: {
        // all stops at the first false, any at the first true; an unknown child makes the rest unknown.
        r = T;
        for (let k = this.first[i]!, end = this.last[i]!; k < end; k++) {
          const c = this.run(this.kids[k]!, slots, obj, memo);
          if (c === F) {
            r = F;
            break;
          }
          if (c === U) r = U;
        }
        break;
      }
      case Kind.Any: {
        r = F;
        for (let k = this.first[i]!, end = this.last[i]!; k < end; k++) {
          const c = this.run(this.kids[k]!, slots, obj, memo);
          if (c === T) {
            r = T;
            break;
          }
          if (c === U) r = U;
        }
        break;
      }
      case Kind.Not: {
        const c = this.run(this.kids[this.first[i]!]!, slots, obj, memo);
        r = c === T ? F : c === F ? T : U;
        break;
      }
    }
    if (memoised) memo[i] = r;
    return r;
  }

  private leaf(i: number, slots: unknown[], obj: Facts): number {
    let a: unknown;
    const deep = this.deep[i];
    if (deep) a = readFact(obj, deep);
    else {
      a = slots[this.slot[i]!];
      const k1 = this.key1[i];
      if (k1 !== undefined) {
        a = isObj(a) ? a[k1] : undefined;
        const k2 = this.key2[i];
        if (k2 !== undefined) a = isObj(a) ? a[k2] : undefined;
      }
    }
    if (a === undefined) return U;
    const arg = this.arg[i];
    let holds: boolean;
    switch (this.op[i]!) {
      case Op.Equal:
        holds = a === arg;
        break;
      case Op.NotEqual:
        holds = a !== arg;
        break;
      case Op.In:
        holds = (arg as Set<unknown>).has(a);
        break;
      case Op.NotIn:
        holds = !(arg as Set<unknown>).has(a);
        break;
      case Op.ContainsAny:
        holds = false;
        if (Array.isArray(a)) {
          for (const x of a) {
            if ((arg as Set<unknown>).has(x)) {
              holds = true;
              break;
            }
          }
        }
        break;
      case Op.Other:
        holds = (arg as (fact: unknown) => boolean)(a);
        break;
    }
    return holds ? T : F;
  }
}
