import type { ConditionJson, DerivedFactDef } from '../schemas/index.ts';
import { parseCondition } from './conditions.ts';
import { compiled, Program } from './tri.ts';
import type { RuleJson } from '../schemas/index.ts';
import type { DutyRule, PreparedVersion, RuleBase, RuleSetVersionInput } from './model.ts';
import { compareSemver } from './semver.ts';
import { subtractRanges, type DateRange } from './dates.ts';
import { dutySpec } from './duty-spec.ts';
import { placeCondition } from './place.ts';

/**
 * Parses each version's conditions once; the result is reused by every evaluation. The rule base's `program` holds
 * every version's trees, so that a condition several rules (or versions) share is decided once per evaluation.
 */
export function prepareVersion(
  input: RuleSetVersionInput,
  program: Program = new Program(),
  selected: readonly DateRange[] = [[input.file.validFrom, input.file.validTo]],
): PreparedVersion {
  const { file } = input;
  const appliesTo = file.appliesTo ? parseCondition(file.appliesTo) : null;
  const warnings = (file.warnings ?? []).map((w) => ({ code: w.code, node: parseCondition(w.conditions), message: w.message, path: w.path }));
  // The version's context — its jurisdiction, then its scope — is part of every rule's effective condition.
  const placeJson = placeCondition(file.jurisdiction);
  const context: ConditionJson[] = file.appliesTo ? [placeJson, file.appliesTo] : [placeJson];
  // Compile every tree now, so that every fact it reads has its slot before any evaluation lays out its facts.
  const place = compiled(parseCondition(placeJson), program);
  if (appliesTo) compiled(appliesTo, program);
  for (const w of warnings) compiled(w.node, program);
  return {
    id: file.id,
    version: file.version,
    file,
    sha256: input.sha256,
    location: input.location,
    appliesTo,
    place,
    rules: file.rules.map((json) => {
      const node = parseCondition(json.conditions);
      const effectiveJson: ConditionJson = { all: [...context, json.conditions] };
      const duty = dutySpec(json, file.validFrom);
      return {
        json,
        node,
        compiled: compiled(node, program),
        effectiveJson,
        effective: compiled(parseCondition(effectiveJson), program),
        explainsFalse: explainsFalse(json),
        ...(duty ? { duty } : {}),
      };
    }),
    warnings,
    selected,
  };
}

/** Only incentives and the simplified route explain a false result (whyNot); other false rules skip that work. */
export const explainsFalse = (rule: RuleJson): boolean => rule.kind === 'incentive' || (rule.kind === 'process' && rule.outcome === 'simplified');

export function prepareRuleBase(inputs: readonly RuleSetVersionInput[], derivedFacts: readonly DerivedFactDef[]): RuleBase {
  const byId = new Map<string, RuleSetVersionInput[]>();
  for (const input of inputs) byId.set(input.file.id, [...(byId.get(input.file.id) ?? []), input]);
  const program = new Program();
  const rulesets = new Map<string, PreparedVersion[]>();
  const duties: DutyRule[] = [];
  for (const [id, list] of [...byId].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => compareSemver(a.file.version, b.file.version));
    // A version is used on the days its validity covers and no higher version's does.
    const prepared = sorted.map((input, i) => {
      const higher = sorted.slice(i + 1).map((h): DateRange => [h.file.validFrom, h.file.validTo]);
      return prepareVersion(input, program, subtractRanges([input.file.validFrom, input.file.validTo], higher));
    });
    rulesets.set(id, prepared);
    for (const version of prepared) for (const rule of version.rules) if (rule.duty) duties.push({ ruleset: id, version, rule, spec: rule.duty });
  }
  return {
    rulesets,
    derivedFacts,
    program,
    askFor: new Map(derivedFacts.map((d) => [d.name, d.ask])),
    derivedRoots: new Set(derivedFacts.flatMap((d) => [...d.inputs, ...(d.override ? [d.override] : [])].map((p) => p.split('.')[0]!))),
    duties,
  };
}
