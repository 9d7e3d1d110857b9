import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiled, factTable, parseCondition, Program, truthOf } from '../../engine/index.ts';
import { bundled } from '../support/rulebase.ts';

const leaf = (path: string, value: unknown = true) => ({ fact: 'env', path: `$.${path}`, operator: 'equal', value });

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

  it('a memoised evaluation decides every rule as an unmemoised one does, and reuses no value across evaluations', () => {
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
          expect(r.compiled.value(t1)).toBe(truthOf(r.node, f1));
          expect(r.compiled.value(t2)).toBe(truthOf(r.node, f2));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a tree compiled on its own gets a program of its own', () => {
    const c = compiled(parseCondition({ any: [leaf('a'), leaf('b')] }));
    expect(c.program.size).toBe(3);
    expect(c.value(factTable({ env: { b: true } }))).toBe('T');
  });

  it('the generated straight-line form agrees with the interpreter on awkward values: quotes, deep paths, lists, NaN', () => {
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
      const plain = factTable(facts);
      for (const id of ids) expect(p.value(id, memoised)).toBe(p.value(id, plain));
    }
    expect(p.value(ids[0]!, factTable(cases[0]!, p))).toBe('T');
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
