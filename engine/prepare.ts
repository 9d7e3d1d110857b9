import type { DerivedFactDef } from '../schemas/index.ts';
import { parseCondition } from './conditions.ts';
import { compiled, Program } from './tri.ts';
import type { RuleJson } from '../schemas/index.ts';
import type { PreparedVersion, RuleBase, RuleSetVersionInput } from './model.ts';
import { compareSemver } from './semver.ts';

/**
 * Parses each version's conditions once; the result is reused by every evaluation. The rule base's `program` holds
 * every version's trees, so that a condition several rules (or versions) share is decided once per evaluation.
 */
export function prepareVersion(input: RuleSetVersionInput, program: Program = new Program()): PreparedVersion {
  const { file } = input;
  const appliesTo = file.appliesTo ? parseCondition(file.appliesTo) : null;
  const warnings = (file.warnings ?? []).map((w) => ({ code: w.code, node: parseCondition(w.conditions), message: w.message, path: w.path }));
  // Compile every tree now, so that every fact it reads has its slot before any evaluation lays out its facts.
  if (appliesTo) compiled(appliesTo, program);
  for (const w of warnings) compiled(w.node, program);
  return {
    id: file.id,
    version: file.version,
    file,
    sha256: input.sha256,
    location: input.location,
    appliesTo,
    rules: file.rules.map((json) => {
      const node = parseCondition(json.conditions);
      return { json, node, compiled: compiled(node, program), explainsFalse: explainsFalse(json) };
    }),
    warnings,
  };
}

/** Only incentives and the simplified route explain a false result (whyNot); other false rules skip that work. */
export const explainsFalse = (rule: RuleJson): boolean => rule.kind === 'incentive' || (rule.kind === 'process' && rule.outcome === 'simplified');

export function prepareRuleBase(inputs: readonly RuleSetVersionInput[], derivedFacts: readonly DerivedFactDef[]): RuleBase {
  const byId = new Map<string, PreparedVersion[]>();
  const program = new Program();
  for (const input of inputs) {
    const list = byId.get(input.file.id) ?? [];
    list.push(prepareVersion(input, program));
    byId.set(input.file.id, list);
  }
  for (const list of byId.values()) list.sort((a, b) => compareSemver(a.version, b.version));
  return {
    rulesets: new Map([...byId].sort(([a], [b]) => a.localeCompare(b))),
    derivedFacts,
    program,
    askFor: new Map(derivedFacts.map((d) => [d.name, d.ask])),
    derivedRoots: new Set(derivedFacts.flatMap((d) => [...d.inputs, ...(d.override ? [d.override] : [])].map((p) => p.split('.')[0]!))),
  };
}
