import { describe, expect, it } from 'vitest';
import { judge, parseCondition, truthOf } from '../../engine/index.ts';

const leaf = (path: string, value: unknown = true) => ({ fact: 'env', path: `$.${path}`, operator: 'equal', value });

describe('three-valued evaluation', () => {
  it('an absent fact is unknown, never a silent no', () => {
    const node = parseCondition({ all: [leaf('a')] });
    expect(truthOf(node, {})).toBe('U');
    expect(truthOf(node, { env: {} })).toBe('U');
    expect(truthOf(node, { env: { a: false } })).toBe('F');
  });

  it('all: false wins over unknown; any: true wins over unknown (Kleene)', () => {
    const all = parseCondition({ all: [leaf('a'), leaf('b')] });
    const any = parseCondition({ any: [leaf('a'), leaf('b')] });
    expect(truthOf(all, { env: { a: false } })).toBe('F');
    expect(truthOf(all, { env: { a: true } })).toBe('U');
    expect(truthOf(any, { env: { a: true } })).toBe('T');
    expect(truthOf(any, { env: { a: false } })).toBe('U');
  });

  it('not flips true and false and keeps unknown', () => {
    const node = parseCondition({ not: leaf('a') });
    expect(truthOf(node, { env: { a: true } })).toBe('F');
    expect(truthOf(node, { env: { a: false } })).toBe('T');
    expect(truthOf(node, { env: {} })).toBe('U');
  });

  it('explains: because lists the true leaves with actual values, missing the failed ones, unknownFacts the deciding absences', () => {
    const node = parseCondition({ any: [leaf('a'), { all: [leaf('b'), leaf('c')] }] });
    const t = judge(node, { env: { a: false, b: true, c: true } });
    expect(t.value).toBe('T');
    expect(t.because).toEqual([
      { fact: 'env.b', operator: 'equal', value: true, actual: true },
      { fact: 'env.c', operator: 'equal', value: true, actual: true },
    ]);
    const f = judge(node, { env: { a: false, b: true, c: false } });
    expect(f.value).toBe('F');
    expect(f.missing.map((m) => m.fact)).toEqual(['env.a', 'env.c']);
    const u = judge(node, { env: { a: false, b: true } });
    expect(u.value).toBe('U');
    expect(u.unknownFacts).toEqual(['env.c']);
  });

  it('marks leaves under not as negated', () => {
    const j = judge(parseCondition({ not: leaf('a') }), { env: { a: false } });
    expect(j.because).toEqual([{ fact: 'env.a', operator: 'equal', value: true, actual: false, negated: true }]);
  });

  it('an empty top-level all always holds (a provision for every enterprise)', () => {
    expect(truthOf(parseCondition({ all: [] }), {})).toBe('T');
  });

  it('rejects an operator that is not in the registry', () => {
    expect(() => parseCondition({ all: [{ fact: 'x', operator: 'equals', value: 1 }] })).toThrow(/unknown operator 'equals'/);
  });
});
