import type { Leaf, Node } from './conditions.ts';
import { EngineInconsistencyError } from './errors.ts';
import { applyOperator } from './operators.ts';
import { KIND, OP, type Kind, type Op, type ProgramArrays } from './program-layout.ts';
import { generateStraight, type Straight } from './straight.ts';

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
  /** The program whose every node value `memo` holds (1 T, 2 F, 3 U), decided as the table was laid out. */
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

const TRI: readonly Tri[] = ['U', 'T', 'F', 'U'];
const OP_OF: Readonly<Record<string, Op>> = { equal: OP.equal, notEqual: OP.notEqual, in: OP.in, notIn: OP.notIn, containsAny: OP.containsAny };

/**
 * Condition trees flattened into parallel arrays (`ProgramArrays`). Structurally equal nodes get one id, so a rule
 * base's program decides each distinct condition once per evaluation. `decideAll` decides every node at once through
 * the generated straight-line function, and `value` reads the memo. Same semantics as json-rules-engine's operators
 * (the registry's), checked by the differential tests.
 */
export class Program {
  private readonly a = {
    kind: [] as Kind[],
    first: [] as number[],
    last: [] as number[],
    kids: [] as number[],
    slot: [] as number[],
    key1: [] as (string | undefined)[],
    key2: [] as (string | undefined)[],
    deep: [] as (Leaf | undefined)[],
    op: [] as Op[],
    arg: [] as unknown[],
  };
  private readonly byKey = new Map<string, number>();
  /** Arrays of released tables, reused by the next `factTable` (see `releaseTable`). */
  readonly spare: { slots: unknown[]; memo: Uint8Array }[] = [];
  /** Generated on first use, and again after the program grows. */
  private straight: Straight | undefined;

  get size(): number {
    return this.a.kind.length;
  }

  /** The arrays, read-only (for the generator and for tests). */
  get arrays(): ProgramArrays {
    return this.a;
  }

  /** Adds a tree (children first) and returns its id; an equal tree already added keeps its id. */
  add(node: Node): number {
    const children = node.type === 'leaf' ? [] : node.type === 'not' ? [this.add(node.child)] : node.children.map((c) => this.add(c));
    const key =
      node.type === 'leaf' ? JSON.stringify([node.leaf.fact, node.leaf.path, node.leaf.operator.name, node.leaf.value]) : `${node.type}(${children.join(',')})`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.straight = undefined;
    const a = this.a;
    const id = a.kind.length;
    this.byKey.set(key, id);
    a.first.push(a.kids.length);
    a.kids.push(...children);
    a.last.push(a.kids.length);
    if (node.type === 'leaf') {
      const { leaf } = node;
      const op = OP_OF[leaf.operator.name] ?? OP.other;
      a.kind.push(KIND.leaf);
      a.slot.push(slotOf(leaf.fact));
      a.key1.push(leaf.path[0]);
      a.key2.push(leaf.path[1]);
      a.deep.push(leaf.path.length > 2 ? leaf : undefined);
      a.op.push(op);
      a.arg.push(
        op === OP.equal || op === OP.notEqual
          ? leaf.value
          : op === OP.in || op === OP.notIn || op === OP.containsAny
            ? new Set(Array.isArray(leaf.value) ? leaf.value : [])
            : (fact: unknown) => applyOperator(leaf.operator, fact, leaf.value),
      );
    } else {
      a.kind.push(node.type === 'all' ? KIND.all : node.type === 'any' ? KIND.any : KIND.not);
      a.slot.push(-1);
      a.key1.push(undefined);
      a.key2.push(undefined);
      a.deep.push(undefined);
      a.op.push(OP.other);
      a.arg.push(undefined);
    }
    return id;
  }

  /** The node's value, from the memo of a table laid out for this program (`factTable(facts, program)`). */
  value(id: number, facts: FactTable): Tri {
    if (facts.program !== this || id >= facts.memo.length) {
      throw new EngineInconsistencyError(`node ${id} asked of facts laid out for another program: lay them out with factTable(facts, program)`);
    }
    return TRI[facts.memo[id]!]!;
  }

  /** Decides every node into `memo` (see straight.ts). */
  decideAll(obj: Facts, slots: unknown[], memo: Uint8Array): void {
    this.straight ??= generateStraight(this.a);
    this.straight(obj, slots, memo);
  }
}
