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
  const spare = program?.spare.pop();
  const slots = spare && spare.slots.length === SLOT_NAMES.length ? spare.slots : new Array<unknown>(SLOT_NAMES.length);
  for (let i = 0; i < SLOT_NAMES.length; i++) slots[i] = obj[SLOT_NAMES[i]!];
  if (!program) return { obj, slots, program, memo: NO_MEMO };
  // decideAll writes every node, so a released memo needs no clearing.
  const memo = spare && spare.memo.length === program.size ? spare.memo : new Uint8Array(program.size);
  program.decideAll(obj, slots, memo);
  return { obj, slots, program, memo };
}

/**
 * Hands a table's arrays back for the next evaluation once nothing will read the table again (evaluate does this as
 * it returns): an evaluation then allocates neither its slots nor its memo.
 */
export function releaseTable(table: FactTable): void {
  const spare = table.program?.spare;
  if (spare && spare.length < 4) spare.push({ slots: table.slots, memo: table.memo });
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

/** containsAny against a Set built once (json-rules-engine's guard: a fact that is not a list is false). */
function containsAny(fact: unknown, set: Set<unknown>): boolean {
  if (!Array.isArray(fact)) return false;
  for (const x of fact) if (set.has(x)) return true;
  return false;
}

type Straight = (obj: Facts, slots: unknown[], memo: Uint8Array, args: unknown[], anyIn: typeof containsAny, read: typeof readFact, deep: (Leaf | undefined)[]) => void;

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
  /** Arrays of released tables, reused by the next `factTable` (see `releaseTable`). */
  readonly spare: { slots: unknown[]; memo: Uint8Array }[] = [];
  /** Every node decided in one straight-line function, generated from the arrays on first use (see `generate`). */
  private straight: Straight | undefined;

  get size(): number {
    return this.kind.length;
  }

  /** Adds a tree (children first) and returns its id; an equal tree already added keeps its id. */
  add(node: Node): number {
    this.straight = undefined;
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

  /** The node's value on these facts (read from the memo when the table was laid out for this program). */
  value(id: number, facts: FactTable): Tri {
    if (facts.program === this && id < facts.memo.length) return TRI[facts.memo[id]!]!;
    return TRI[this.run(id, facts.slots, facts.obj, NO_MEMO)]!;
  }

  /**
   * Decides every node into `memo` at once. A rule base's program is evaluated as a whole on every evaluation, so it is
   * turned into one straight-line function — each fact read by a constant property name, each node a local — which V8
   * compiles to far less work per node than any interpreter. The source holds only JSON literals of the rule data.
   */
  decideAll(obj: Facts, slots: unknown[], memo: Uint8Array): void {
    this.straight ??= this.generate();
    this.straight(obj, slots, memo, this.arg, containsAny, readFact, this.deep);
  }

  private generate(): Straight {
    const lines: string[] = ['"use strict";', 'let x;'];
    const lit = (v: unknown): string | undefined =>
      typeof v === 'string' || typeof v === 'boolean' || v === null || (typeof v === 'number' && Number.isFinite(v)) ? JSON.stringify(v) : undefined;
    const read = (o: string, key: string) => `(${o} !== null && typeof ${o} === "object" ? ${o}[${JSON.stringify(key)}] : undefined)`;
    for (let i = 0; i < this.kind.length; i++) {
      const v = `v${i}`;
      switch (this.kind[i]!) {
        case Kind.Leaf: {
          if (this.deep[i]) lines.push(`x = readFact(obj, deep[${i}]);`);
          else {
            lines.push(`x = slots[${this.slot[i]}];`);
            const k1 = this.key1[i];
            const k2 = this.key2[i];
            if (k1 !== undefined) lines.push(`x = ${read('x', k1)};`);
            if (k2 !== undefined) lines.push(`x = ${read('x', k2)};`);
          }
          const value = this.arg[i];
          const l = lit(value);
          const op = this.op[i]!;
          const test =
            op === Op.Equal
              ? `x === ${l ?? `A[${i}]`}`
              : op === Op.NotEqual
                ? `x !== ${l ?? `A[${i}]`}`
                : op === Op.In
                  ? `A[${i}].has(x)`
                  : op === Op.NotIn
                    ? `!A[${i}].has(x)`
                    : op === Op.ContainsAny
                      ? `anyIn(x, A[${i}])`
                      : `A[${i}](x)`;
          lines.push(`const ${v} = x === undefined ? ${U} : (${test}) ? ${T} : ${F};`);
          break;
        }
        case Kind.All:
        case Kind.Any: {
          const kids = this.kids.slice(this.first[i], this.last[i]).map((k) => `v${k}`);
          const [stop, otherwise] = this.kind[i] === Kind.All ? [F, T] : [T, F];
          lines.push(
            kids.length === 0
              ? `const ${v} = ${otherwise};`
              : `const ${v} = (${kids.map((k) => `${k} === ${stop}`).join(' || ')}) ? ${stop} : (${kids.map((k) => `${k} === ${U}`).join(' || ')}) ? ${U} : ${otherwise};`,
          );
          break;
        }
        case Kind.Not: {
          const c = `v${this.kids[this.first[i]!]}`;
          lines.push(`const ${v} = ${c} === ${T} ? ${F} : ${c} === ${F} ? ${T} : ${U};`);
          break;
        }
      }
      lines.push(`memo[${i}] = ${v};`);
    }
    return new Function('obj', 'slots', 'memo', 'A', 'anyIn', 'readFact', 'deep', lines.join('\n')) as Straight;
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
