import { Option } from 'commander';
import { ValidationError, isIsoDate } from '../engine/index.ts';
import { BUNDLED_RULES_DIR } from '../loader/index.ts';

/** `--rules-dir <dir>` (or RULES_DIR): the rules directory every command reads; empty means the bundled one. */
export const rulesDirOption = (): Option =>
  new Option('--rules-dir <dir>', 'rule sets directory')
    .env('RULES_DIR')
    .default(BUNDLED_RULES_DIR, 'the bundled rules/')
    .argParser((v: string) => v || BUNDLED_RULES_DIR);

/** A date option's value, checked as a real calendar date; the error names the option. */
export function dateOption(name: string, value: string): string {
  if (!isIsoDate(value))
    throw new ValidationError(`${name}: expected a date YYYY-MM-DD, got '${value}'`, [{ path: name, message: 'a real calendar date YYYY-MM-DD' }]);
  return value;
}
