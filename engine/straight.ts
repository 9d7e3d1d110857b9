import { readFact } from './conditions.ts';
import { containsAny, F, KIND, OP, T, U, type ProgramArrays } from './program-layout.ts';

type Facts = Readonly<Record<string, unknown>>;

/** Decides every node of a program into `memo`. */
export type Straight = (obj: Facts, slots: unknown[], memo: Uint8Array) => void;

/** A value as a JS literal, when JSON writes it exactly; anything else goes by reference (`A[i]`). */
const literal = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'boolean' || v === null || (typeof v === 'number' && Number.isFinite(v)) ? JSON.stringify(v) : undefined;
const member = (o: string, key: string) => `(${o} !== null && typeof ${o} === "object" ? ${o}[${JSON.stringify(key)}] : undefined)`;

function leafTest(p: ProgramArrays, i: number): string {
  const l = literal(p.arg[i]);
  switch (p.op[i]!) {
    case OP.equal:
      return `x === ${l ?? `A[${i}]`}`;
    case OP.notEqual:
      return `x !== ${l ?? `A[${i}]`}`;
    case OP.in:
      return `A[${i}].has(x)`;
    case OP.notIn:
      return `!A[${i}].has(x)`;
    case OP.containsAny:
      return `anyIn(x, A[${i}])`;
    case OP.other:
      return `A[${i}](x)`;
  }
}

/** One node's line(s): its value as local `v<i>`, stored into the memo. */
function nodeLines(p: ProgramArrays, i: number): string[] {
  const v = `v${i}`;
  const out: string[] = [];
  switch (p.kind[i]!) {
    case KIND.leaf: {
      if (p.deep[i]) out.push(`x = readFact(obj, deep[${i}]);`);
      else {
        out.push(`x = slots[${p.slot[i]}];`);
        const k1 = p.key1[i];
        const k2 = p.key2[i];
        if (k1 !== undefined) out.push(`x = ${member('x', k1)};`);
        if (k2 !== undefined) out.push(`x = ${member('x', k2)};`);
      }
      out.push(`const ${v} = x === undefined ? ${U} : (${leafTest(p, i)}) ? ${T} : ${F};`);
      break;
    }
    case KIND.all:
    case KIND.any: {
      // all: false if any child is false, else unknown if any is unknown, else true; any: the mirror image.
      const kids = p.kids.slice(p.first[i], p.last[i]).map((k) => `v${k}`);
      const [stop, otherwise] = p.kind[i] === KIND.all ? [F, T] : [T, F];
      out.push(
        kids.length === 0
          ? `const ${v} = ${otherwise};`
          : `const ${v} = (${kids.map((k) => `${k} === ${stop}`).join(' || ')}) ? ${stop} : (${kids.map((k) => `${k} === ${U}`).join(' || ')}) ? ${U} : ${otherwise};`,
      );
      break;
    }
    case KIND.not: {
      const c = `v${p.kids[p.first[i]!]}`;
      out.push(`const ${v} = ${c} === ${T} ? ${F} : ${c} === ${F} ? ${T} : ${U};`);
      break;
    }
  }
  out.push(`memo[${i}] = ${v};`);
  return out;
}

/**
 * A program as one straight-line function: each fact read by a constant property name (so V8's inline caches apply),
 * each node a local computed from its children's locals. Every evaluation decides the whole rule base, and this does
 * it with far less work per node than an interpreter. The source holds only JSON literals of rule values (anything
 * else is passed by reference) and property names as JSON strings: nothing from the rule files becomes code.
 */
export function generateStraight(p: ProgramArrays): Straight {
  const lines = ['"use strict";', 'let x;'];
  for (let i = 0; i < p.kind.length; i++) lines.push(...nodeLines(p, i));
  const body = new Function('obj', 'slots', 'memo', 'A', 'anyIn', 'readFact', 'deep', lines.join('\n')) as (
    obj: Facts,
    slots: unknown[],
    memo: Uint8Array,
    args: readonly unknown[],
    anyIn: typeof containsAny,
    read: typeof readFact,
    deep: ProgramArrays['deep'],
  ) => void;
  return (obj, slots, memo) => body(obj, slots, memo, p.arg, containsAny, readFact, p.deep);
}
