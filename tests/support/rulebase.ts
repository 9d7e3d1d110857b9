import { loadRuleBase } from '../../loader/index.ts';
import type { RuleBase } from '../../engine/index.ts';

let all: RuleBase | undefined;
/** The bundled rule sets, loaded and linted once per test file (TEST_RULESETS=a,b narrows them while authoring). */
export function bundled(): RuleBase {
  all ??= loadRuleBase(undefined, (process.env.TEST_RULESETS || undefined)?.split(','));
  return all;
}
