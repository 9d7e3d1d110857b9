import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_RULES_DIR } from '../../loader/load.ts';

/** The rule whose firing the reload tests watch, and a request that makes it fire with the bundled rules. */
export const WATCHED_RULE = 'cppl-2012-art27-2-2-high-energy';
export const WATCHED_QUOTE = '超过单位产品能源消耗限额标准构成高耗能的';
export const WATCHED_REQUEST = { asOf: '2014-06-01', profile: { sector: 'industry', energy: { exceedsConsumptionQuota: true } } };

/** A private copy of the bundled rules directory (the lock included), removed by the returned cleanup. */
export function copyRules(): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'cleanprod-rules-'));
  const dir = join(root, 'rules');
  cpSync(BUNDLED_RULES_DIR, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * What policy staff do: a new draft version cppl 2.1.0 (released versions are immutable), a copy of 2.0.0 in which the
 * watched rule needs exceedsConsumptionQuota = false, so it no longer fires for WATCHED_REQUEST. With `breakQuote`
 * the rule's quote is also no longer verbatim from the source text, so the lint refuses the whole directory.
 */
export function addDraftVersion(dir: string, { breakQuote = false } = {}): void {
  let text = readFileSync(join(dir, 'cppl', '2.0.0.yaml'), 'utf8').replace(/^version: 2\.0\.0$/m, 'version: 2.1.0');
  const at = text.indexOf(`- id: ${WATCHED_RULE}`);
  if (at < 0) throw new Error(`fixture: rule ${WATCHED_RULE} not found in cppl 2.0.0`);
  const before = text.slice(0, at);
  let rule = text.slice(at);
  const condition = '{ fact: energy, path: $.exceedsConsumptionQuota, operator: equal, value: true }';
  if (!rule.includes(condition)) throw new Error('fixture: the watched condition changed shape');
  rule = rule.replace(condition, condition.replace('value: true', 'value: false'));
  if (breakQuote) rule = rule.replace(`quote: ${WATCHED_QUOTE}`, `quote: ${WATCHED_QUOTE}（此句不在原文中）`);
  text = before + rule;
  writeFileSync(join(dir, 'cppl', '2.1.0.yaml'), text);
  const changelog = readFileSync(join(dir, 'cppl', 'CHANGELOG.md'), 'utf8');
  if (!/^## 2\.1\.0\b/m.test(changelog)) appendFileSync(join(dir, 'cppl', 'CHANGELOG.md'), '\n## 2.1.0\n\nTest draft: the high-energy ground needs exceedsConsumptionQuota = false.\n');
}
