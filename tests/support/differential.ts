import fc from 'fast-check';
import { Engine, Operator } from 'json-rules-engine';
import { expect } from 'vitest';
import {
  OPERATORS,
  canonicalJson,
  deriveFacts,
  factTable,
  jreFacts,
  judgeCompiled,
  judgmentFromResult,
  leavesOf,
  readFact,
  releaseTable,
  type Facts,
  type PreparedRule,
} from '../../engine/index.ts';
import { isoDate, profileArb } from './arbitraries.ts';
import { bundled } from './rulebase.ts';

/** Issue 7: the differential test runs over at least 10,000 generated profiles in all (DIFF_RUNS lowers it locally). */
export const DIFF_RUNS = Number(process.env.DIFF_RUNS ?? 10_000);
export const LONG = 15 * 60_000;

/**
 * On `runs` random complete profiles and dates, every distinct rule's effective condition (place, scope, own) decides
 * the same under json-rules-engine as under the compiled program, with the same because/whyNot leaves. Two test files
 * each run half of DIFF_RUNS, so that the two halves run on two cores.
 */
export async function completeProfilesAgree(runs: number): Promise<void> {
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
      // The deep comparison only when the JSON differs (it names what differs; the JSON check is the fast path).
      if (JSON.stringify(mine) !== JSON.stringify(reference)) expect(mine).toEqual(reference);
    }),
    { numRuns: runs },
  );
}
