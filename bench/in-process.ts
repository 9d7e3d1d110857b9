import { synthesize } from '../analysis/index.ts';
import {
  buildJreEngine,
  deriveFacts,
  evaluate,
  factTable,
  jreFacts,
  releaseTable,
  selectVersion,
  valueIn,
  JsonRulesEngineReference,
  type PreparedVersion,
  type RuleBase,
} from '../engine/index.ts';
import type { Profile } from '../schemas/index.ts';
import { DATES, now, QUICK, SEED, stats } from './common.ts';

/** The versions in force for this profile on this date (what evaluate() decides with). */
function inForce(base: RuleBase, profile: Profile, asOf: string): PreparedVersion[] {
  const facts = { ...profile, ...deriveFacts(base.derivedFacts, { profile, asOf }).facts };
  const table = factTable(facts, base.program);
  const out: PreparedVersion[] = [];
  for (const [id, versions] of base.rulesets) {
    const sel = selectVersion(id, versions, asOf);
    if (sel.dateStatus === 'in-force' && valueIn(sel.version.place, table) !== 'F') out.push(sel.version);
  }
  releaseTable(table);
  return out;
}

export async function inProcess(base: RuleBase) {
  const profiles = [...synthesize(QUICK ? 500 : 2000, SEED)];
  const at = (i: number) => DATES[i % DATES.length]!;
  // Fast path: warm up, then time each evaluation.
  for (let i = 0; i < profiles.length; i++) evaluate(base, profiles[i]!, { asOf: at(i) });
  const fast: number[] = [];
  for (let r = 0; r < (QUICK ? 2 : 5); r++) {
    for (let i = 0; i < profiles.length; i++) {
      const t = now();
      evaluate(base, profiles[i]!, { asOf: at(i) });
      fast.push(now() - t);
    }
  }
  // json-rules-engine deciding every rule in force for the same profile and date.
  const n = QUICK ? 100 : 400;
  const ref = new JsonRulesEngineReference();
  const reused: number[] = [];
  const naive: number[] = [];
  const jobs = profiles.slice(0, n).map((p, i) => {
    const asOf = at(i);
    const facts = { ...p, ...deriveFacts(base.derivedFacts, { profile: p, asOf }).facts };
    return { versions: inForce(base, p, asOf), facts, jre: jreFacts(facts) };
  });
  for (const job of jobs.slice(0, 20)) for (const v of job.versions) await ref.engineFor(v).run(job.jre);
  for (const job of jobs) {
    const t = now();
    for (const v of job.versions) await ref.engineFor(v).run(job.jre);
    reused.push(now() - t);
  }
  for (const job of jobs) {
    const t = now();
    for (const v of job.versions) await buildJreEngine(v).run(job.jre);
    naive.push(now() - t);
  }
  // Like for like with json-rules-engine's run: only deciding every rule of the same versions on the same facts (the
  // compiled program laid out over the facts, then each rule's value read), no answer built.
  const decide: number[] = [];
  let held = 0;
  for (let r = 0; r < 5; r++) {
    for (const job of jobs) {
      const t = now();
      const table = factTable(job.facts, base.program);
      for (const v of job.versions) for (const rule of v.rules) if (valueIn(rule.effective, table) === 'T') held += 1;
      releaseTable(table);
      if (r > 0) decide.push(now() - t);
    }
  }
  if (held === 0) throw new Error('no rule held in the decide-only run');
  return { fast: stats(fast), reused: stats(reused), naive: stats(naive), decide: stats(decide), samples: { fast: fast.length, jre: n } };
}
