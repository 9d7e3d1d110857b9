import { RuleLoadError, prepareRuleBase, type RuleBase } from '../engine/index.ts';
import { BUNDLED_RULES_DIR, loadRulesDir, type LoadedRules } from './load.ts';
import { formatProblem, lintRules } from './lint.ts';

/** Loads, lints and prepares a rules directory; any lint problem stops the load (never a half-loaded rule base). */
export function loadRuleBase(dir: string = BUNDLED_RULES_DIR, only?: readonly string[]): RuleBase {
  const loaded = loadLintedRules(dir, only);
  return prepareRuleBase(loaded.versions, loaded.derivedFacts);
}

/**
 * Loads and lints a rules directory, throwing a RuleLoadError with every lint problem: what `loadRuleBase` prepares.
 * The result is plain data, so another thread can prepare the same rule base from it without reading or linting again.
 */
export function loadLintedRules(dir: string = BUNDLED_RULES_DIR, only?: readonly string[]): LoadedRules {
  const loaded = loadRulesDir(dir, only);
  const problems = lintRules(loaded);
  if (problems.length > 0) {
    throw new RuleLoadError(
      `${problems.length} problem(s) in ${dir}:\n${problems.map(formatProblem).join('\n')}`,
      problems.map((p) => ({ path: `${p.file}${p.ruleId ? `#${p.ruleId}` : ''}`, message: p.message })),
    );
  }
  return loaded;
}
