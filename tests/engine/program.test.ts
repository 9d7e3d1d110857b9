import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperator, compiled, factTable, parseCondition, Program, readFact, type Node, type Tri } from '../../engine/index.ts';
import { bundled } from '../support/rulebase.ts';

const leaf = (path: string, value: unknown = true) => ({ fact: 'env', path: `$.${path}`, operator: 'equal', value });

/** The test's oracle: Kleene logic over the operator registry, written out directly (no program, no memo). */
function oracle(node: Node, facts: Record<string, unknown>): Tri {
  switch (node.type) {
    case 'leaf': {
      const x = readFact(facts, node.leaf);
      return x === undefined ? 'U' : applyOperator(node.leaf.operator, x, node.leaf.value) ? 'T' : 'F';
    }
    case 'not': {
      const c = oracle(node.child, facts);
      return c === 'T' ? 'F' : c === 'F' ? 'T' : 'U';
    }
    case 'all':
    case 'any': {
      const [stop, otherwise]: [Tri, Tri] = node.type === 'all' ? ['F', 'T'] : ['T', 'F'];
      const values = node.children.map((c) => oracle(c, facts));
      return values.includes(stop) ? stop : values.includes('U') ? 'U' : otherwise;
    }
  }
}

describe('the flattened condition program', () => {
  it('gives structurally equal trees one id, and different ones different ids', () => {
    const p = new Program();
    const a = p.add(parseCondition({ all: [leaf('a'), { not: leaf('b') }] }));
    const b = p.add(parseCondition({ all: [leaf('a'), { not: leaf('b') }] }));
    const c = p.add(parseCondition({ all: [leaf('a'), { not: leaf('b', false) }] }));
    const d = p.add(parseCondition({ any: [leaf('a'), { not: leaf('b') }] }));
    expect(b).toBe(a);
    expect(new Set([a, c, d]).size).toBe(3);
    // a, b, not b, the all; then b=false, not(b=false), that all; then the any
    expect(p.size).toBe(8);
  });

  it('the bundled rule base shares conditions across rules: fewer distinct nodes than nodes', () => {
    const base = bundled();
    let nodes = 0;
    const count = (n: ReturnType<typeof parseCondition>): number =>
      1 + (n.type === 'leaf' ? 0 : n.type === 'not' ? count(n.child) : n.children.reduce((s, c) => s + count(c), 0));
    for (const versions of base.rulesets.values()) for (const v of versions) for (const r of v.rules) nodes += count(r.node);
    expect(base.program.size).toBeGreaterThan(0);
    expect(base.program.size).toBeLessThan(nodes);
  });

  it('the memo decides every rule as the operator registry does, and reuses no value across evaluations', () => {
    const base = bundled();
    const rules = [...base.rulesets.values()].flat().flatMap((v) => v.rules);
    const facts = fc.record(
      {
        sector: fc.constantFrom('industry', 'construction', 'agriculture', 'services', 'public-institution'),
        aboveDesignatedSize: fc.boolean(),
        titlesHeld: fc.subarray(['guangdong-cp-enterprise', 'foshan-cp-enterprise']),
        energy: fc.record({ exceedsConsumptionQuota: fc.boolean(), keyEnergyUser: fc.boolean() }, { requiredKeys: [] }),
        environment: fc.record({ exceedsDischargeStandard: fc.boolean(), usesToxicRawMaterials: fc.boolean() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(facts, facts, (f1, f2) => {
        const t1 = factTable(f1, base.program);
        const t2 = factTable(f2, base.program);
        for (const r of rules) {
          expect(r.compiled.value(t1)).toBe(oracle(r.node, f1));
          expect(r.compiled.value(t2)).toBe(oracle(r.node, f2));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a tree compiled on its own gets a program of its own', () => {
    const c = compiled(parseCondition({ any: [leaf('a'), leaf('b')] }));
    expect(c.program.size).toBe(3);
    expect(c.value(factTable({ env: { b: true } }, c.program))).toBe('T');
  });

  it('refuses to read a node from facts laid out for another program', () => {
    const c = compiled(parseCondition(leaf('a')));
    expect(() => c.value(factTable({ env: { a: true } }, new Program()))).toThrow(/another program/);
  });

  it('the generated straight-line form agrees with the registry on awkward values: quotes, deep paths, lists, NaN', () => {
    const p = new Program();
    const hostile = '"; globalThis.pwned = true; "';
    const trees = [
      { fact: 'env', path: '$.name', operator: 'equal', value: hostile },
      { fact: 'env', path: '$.a.b.c', operator: 'equal', value: 1 },
      { fact: 'env', path: '$.list', operator: 'equal', value: [1] },
      { fact: 'env', path: '$.n', operator: 'notEqual', value: Number.NaN },
      { fact: 'env', path: '$.k', operator: 'in', value: ['x', 'y'] },
      { fact: 'env', path: '$.tags', operator: 'containsAny', value: ['t'] },
      { fact: 'env', path: '$.n', operator: 'lessThan', value: 5 },
      { not: { any: [] } },
    ].map((json) => parseCondition(json as never));
    const ids = trees.map((t) => p.add(t));
    const cases = [
      { env: { name: hostile, a: { b: { c: 1 } }, list: [1], n: 3, k: 'y', tags: ['t'] } },
      { env: { name: 'x', a: { b: 'not an object' }, n: Number.NaN, k: 'z', tags: 't' } },
      {},
    ];
    for (const facts of cases) {
      const memoised = factTable(facts, p);
      for (const [i, tree] of trees.entries()) expect(p.value(ids[i]!, memoised)).toBe(oracle(tree, facts));
    }
    // The first case satisfies every tree but the list one (equal compares a list by identity) — spelled out, so the oracle is checked too.
    expect(ids.map((id) => p.value(id, factTable(cases[0]!, p)))).toEqual(['T', 'T', 'F', 'T', 'T', 'T', 'T', 'T']);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
