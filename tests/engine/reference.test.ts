import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { JsonRulesEngineReference, buildJreEngine, evaluate, judge, judgmentFromResult, leavesOf, readFact, type Facts } from '../../engine/index.ts';
import { profileArb, isoDate } from '../support/arbitraries.ts';
import { bundled } from '../support/rulebase.ts';
import type { ConditionJson } from '../../schemas/index.ts';
import { deriveFacts } from '../../engine/index.ts';
import { prepareVersion } from '../../engine/prepare.ts';

/** Issue 7: the differential test runs over at least 10,000 generated profiles (DIFF_RUNS lowers it locally). */
const RUNS = Number(process.env.DIFF_RUNS ?? 10_000);
const LONG = 15 * 60_000;

describe('json-rules-engine is the reference semantics', () => {
  it('on complete profiles, every rule of every version decides the same, with the same because/whyNot leaves', async () => {
    const base = bundled();
    const ref = new JsonRulesEngineReference();
    await fc.assert(
      fc.asyncProperty(profileArb(true), isoDate(2003, 2026), async (profile, asOf) => {
        const facts: Facts = { ...profile, ...deriveFacts(base.derivedFacts, { profile, asOf }).facts };
        for (const versions of base.rulesets.values()) {
          for (const v of versions) {
            const results = await ref.run(v, facts);
            for (const rule of v.rules) {
              if (!leavesOf(rule.node).every((l) => readFact(facts, l) !== undefined)) continue;
              const mine = judge(rule.node, facts);
              const theirs = judgmentFromResult(results.get(rule.json.id)!);
              expect(mine.value, rule.json.id).toBe(theirs.value);
              expect(mine.because, rule.json.id).toEqual(theirs.because);
              expect(mine.missing, rule.json.id).toEqual(theirs.missing);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, LONG);

  it('random condition trees over random facts agree with json-rules-engine', async () => {
    const leafArb = fc.oneof(
      fc.record({ fact: fc.constant('f'), path: fc.constantFrom('$.a', '$.b'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.boolean() }),
      fc.record({ fact: fc.constant('n'), operator: fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'), value: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ fact: fc.constant('xs'), operator: fc.constantFrom('contains', 'doesNotContain'), value: fc.constantFrom('p', 'q') }),
      fc.record({ fact: fc.constant('xs'), operator: fc.constantFrom('containsAny', 'containsNone'), value: fc.subarray(['p', 'q', 'r']) }),
      fc.record({ fact: fc.constant('s'), operator: fc.constantFrom('in', 'notIn'), value: fc.subarray(['p', 'q', 'r']) }),
    );
    const { tree } = fc.letrec<{ tree: ConditionJson }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leafArb as fc.Arbitrary<ConditionJson>,
        fc.record({ all: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ any: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ not: tie('tree') }),
      ),
    }));
    const top = fc.oneof(fc.record({ all: fc.array(tree, { minLength: 1, maxLength: 3 }) }), fc.record({ any: fc.array(tree, { minLength: 1, maxLength: 3 }) }), fc.record({ not: tree }));
    const factsArb = fc.record({ f: fc.record({ a: fc.boolean(), b: fc.boolean() }), n: fc.integer({ min: 0, max: 4 }), xs: fc.subarray(['p', 'q', 'r']), s: fc.constantFrom('p', 'q', 'r') });
    await fc.assert(
      fc.asyncProperty(top as fc.Arbitrary<ConditionJson>, factsArb, async (conditions, facts) => {
        const v = prepareVersion({
          file: { id: 't', version: '1.0.0', title: { zh: 't', en: 't' }, validFrom: '2000-01-01', validTo: null, jurisdiction: { level: 'country', country: 'CN' }, source: { document: 'd', file: 'source.txt', origin: 'o', language: 'zh-Hans' }, assumptions: [], rules: [{ id: 'r', kind: 'audit', outcome: 'mandatory', title: { zh: 't', en: 't' }, explanation: { zh: 't', en: 't' }, conditions, citation: { document: 'd', section: 's', quote: 'q' } }] },
          sha256: '',
          location: '',
        });
        const engine: Engine = buildJreEngine(v);
        const { results, failureResults } = await engine.run(facts);
        const theirs = judgmentFromResult([...results, ...failureResults][0]!);
        const mine = judge(v.rules[0]!.node, facts);
        expect(mine.value).toBe(theirs.value);
        expect(mine.because).toEqual(theirs.because);
        expect(mine.missing).toEqual(theirs.missing);
      }),
      { numRuns: Math.min(RUNS, 5000) },
    );
  }, LONG);

  it('the full answer made with json-rules-engine equals the compiled answer, also on partial profiles', async () => {
    const base = bundled();
    const ref = new JsonRulesEngineReference();
    await fc.assert(
      fc.asyncProperty(profileArb(false), isoDate(2003, 2026), async (profile, asOf) => {
        expect(await ref.evaluate(base, profile, { asOf })).toEqual(evaluate(base, profile, { asOf }));
      }),
      { numRuns: Math.min(RUNS, 1000) },
    );
  }, LONG);
});
