import fc from 'fast-check';
import { Engine, Operator } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import {
  JsonRulesEngineReference,
  OPERATORS,
  buildJreEngine,
  canonicalJson,
  evaluate,
  factTable,
  jreFacts,
  judge,
  judgeCompiled,
  judgmentFromResult,
  leavesOf,
  readFact,
  releaseTable,
  type Facts,
  type PreparedRule,
} from '../../engine/index.ts';
import { profileArb, isoDate } from '../support/arbitraries.ts';
import { bundled } from '../support/rulebase.ts';
import type { ConditionJson } from '../../schemas/index.ts';
import { deriveFacts } from '../../engine/index.ts';
import { prepareVersion } from '../../engine/prepare.ts';

/** Issue 7: the differential test runs over at least 10,000 generated profiles (DIFF_RUNS lowers it locally). */
const RUNS = Number(process.env.DIFF_RUNS ?? 10_000);
const LONG = 15 * 60_000;

describe('json-rules-engine is the reference semantics', () => {
  it(
    "on complete profiles, every distinct rule's effective condition (place, scope, own) decides the same, with the same because/whyNot leaves",
    async () => {
      const base = bundled();
      // Versions written as deltas share most conditions: json-rules-engine decides each distinct one once per profile,
      // and the fast path's memo (one fact table per profile) decides them all at once.
      const distinct = new Map<string, PreparedRule>();
      for (const versions of base.rulesets.values())
        for (const v of versions)
          for (const rule of v.rules) if (!distinct.has(canonicalJson(rule.effectiveJson))) distinct.set(canonicalJson(rule.effectiveJson), rule);
      const rules = [...distinct.values()];
      const engine = new Engine([], { allowUndefinedFacts: true });
      for (const op of OPERATORS.values()) if (!op.builtin) engine.addOperator(new Operator(op.name, (f: unknown, v: unknown) => op.test(f, v), op.factGuard));
      rules.forEach((rule, i) => {
        engine.addRule({ name: String(i), conditions: rule.effectiveJson as never, event: { type: 'decided' } });
      });
      await fc.assert(
        fc.asyncProperty(profileArb(true), isoDate(2003, 2026), async (profile, asOf) => {
          const facts: Facts = { ...profile, ...deriveFacts(base.derivedFacts, { profile, asOf }).facts };
          const { results, failureResults } = await engine.run(jreFacts(facts));
          const theirs = new Map([...results, ...failureResults].map((r) => [Number(r.name), judgmentFromResult(r)]));
          const table = factTable(facts, base.program);
          const mine: unknown[] = [];
          const reference: unknown[] = [];
          rules.forEach((rule, i) => {
            if (!leavesOf(rule.effective.node).every((l) => readFact(facts, l) !== undefined)) return;
            const m = judgeCompiled(rule.effective, table);
            const t = theirs.get(i)!;
            mine.push([rule.json.id, m.value, m.because, m.missing]);
            reference.push([rule.json.id, t.value, t.because, t.missing]);
          });
          releaseTable(table);
          expect(mine).toEqual(reference);
        }),
        { numRuns: RUNS },
      );
    },
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
          const v = prepareVersion({
            file: {
              id: 't',
              version: '1.0.0',
              title: { zh: 't', en: 't' },
              validFrom: '2000-01-01',
              validTo: null,
              jurisdiction: { level: 'country', country: 'CN' },
              source: { document: 'd', file: 'source.txt', origin: 'o', language: 'zh-Hans' },
              assumptions: [],
              rules: [
                {
                  id: 'r',
                  kind: 'audit',
                  outcome: 'mandatory',
                  title: { zh: 't', en: 't' },
                  explanation: { zh: 't', en: 't' },
                  conditions,
                  citation: { document: 'd', section: 's', quote: 'q' },
                },
              ],
            },
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
