import { RuleLoadError, prepareRuleBase, type RuleBase } from '../engine/index.ts';
import { BUNDLED_RULES_DIR, loadRulesDir } from './load.ts';
import { formatProblem, lintRules } from './lint.ts';

/** Loads, lints and prepares a rules directory; any lint problem stops the load (never a half-loaded rule base). */
export function loadRuleBase(dir: string = BUNDLED_RULES_DIR, only?: readonly string[]): RuleBase {
  const loaded = loadRulesDir(dir, only);
  const problems = lintRules(loaded);
  if (problems.length > 0) {
    throw new RuleLoadError(
      `${problems.length} problem(s) in ${dir}:\n${problems.map(formatProblem).join('\n')}`,
      problems.map((p) => ({ path: `${p.file}${p.ruleId ? `#${p.ruleId}` : ''}`, message: p.message })),
    );
  }
  return prepareRuleBase(loaded.versions, loaded.derivedFacts);
}
