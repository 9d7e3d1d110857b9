import fc from 'fast-check';
import type { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { JsonRulesEngineReference, buildJreEngine, evaluate, judge, judgmentFromResult } from '../../engine/index.ts';
import { profileArb, isoDate } from '../support/arbitraries.ts';
import { bundled } from '../support/rulebase.ts';
import { completeProfilesAgree, DIFF_RUNS, LONG } from '../support/differential.ts';
import type { ConditionJson } from '../../schemas/index.ts';
import { oneRuleVersion } from '../support/one-rule.ts';

const RUNS = DIFF_RUNS;

describe('json-rules-engine is the reference semantics', () => {
  it(
    "on complete profiles, every distinct rule's effective condition (place, scope, own) decides the same, with the same because/whyNot leaves (first half of the profiles; the other half is in reference-second-half.test.ts)",
    () => completeProfilesAgree(Math.ceil(DIFF_RUNS / 2)),
    LONG,
  );

  it(
    'random condition trees over random facts agree with json-rules-engine',
    async () => {
      const leafArb = fc.oneof(
        fc.record({ fact: fc.constant('f'), path: fc.constantFrom('$.a', '$.b'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.boolean() }),
        fc.record({
          fact: fc.constant('n'),
          operator: fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'),
          value: fc.integer({ min: 0, max: 4 }),
        }),
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
      const top = fc.oneof(
        fc.record({ all: fc.array(tree, { minLength: 1, maxLength: 3 }) }),
        fc.record({ any: fc.array(tree, { minLength: 1, maxLength: 3 }) }),
        fc.record({ not: tree }),
      );
      const factsArb = fc.record({
        f: fc.record({ a: fc.boolean(), b: fc.boolean() }),
        n: fc.integer({ min: 0, max: 4 }),
        xs: fc.subarray(['p', 'q', 'r']),
        s: fc.constantFrom('p', 'q', 'r'),
      });
      await fc.assert(
        fc.asyncProperty(top as fc.Arbitrary<ConditionJson>, factsArb, async (conditions, facts) => {
          const v = oneRuleVersion(conditions);
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
    },
    LONG,
  );

  it(
    'the full answer made with json-rules-engine equals the compiled answer, also on partial profiles',
    async () => {
      const base = bundled();
      const ref = new JsonRulesEngineReference();
      await fc.assert(
        fc.asyncProperty(profileArb(false), isoDate(2003, 2026), async (profile, asOf) => {
          expect(await ref.evaluate(base, profile, { asOf })).toEqual(evaluate(base, profile, { asOf }));
        }),
        { numRuns: Math.min(RUNS, 1000) },
      );
    },
    LONG,
  );
});
