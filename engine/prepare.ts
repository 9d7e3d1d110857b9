import type { DerivedFactDef } from '../schemas/index.ts';
import { parseCondition } from './conditions.ts';
import type { PreparedVersion, RuleBase, RuleSetVersionInput } from './model.ts';
import { compareSemver } from './semver.ts';

/** Parses each version's conditions once; the result is reused by every evaluation. */
export function prepareVersion(input: RuleSetVersionInput): PreparedVersion {
  const { file } = input;
  return {
    id: file.id,
    version: file.version,
    file,
    sha256: input.sha256,
    location: input.location,
    appliesTo: file.appliesTo ? parseCondition(file.appliesTo) : null,
    rules: file.rules.map((json) => ({ json, node: parseCondition(json.conditions) })),
    warnings: (file.warnings ?? []).map((w) => ({ code: w.code, node: parseCondition(w.conditions), message: w.message, path: w.path })),
  };
}

export function prepareRuleBase(inputs: readonly RuleSetVersionInput[], derivedFacts: readonly DerivedFactDef[]): RuleBase {
  const byId = new Map<string, PreparedVersion[]>();
  for (const input of inputs) {
    const list = byId.get(input.file.id) ?? [];
    list.push(prepareVersion(input));
    byId.set(input.file.id, list);
  }
  for (const list of byId.values()) list.sort((a, b) => compareSemver(a.version, b.version));
  return { rulesets: new Map([...byId].sort(([a], [b]) => a.localeCompare(b))), derivedFacts };
}
