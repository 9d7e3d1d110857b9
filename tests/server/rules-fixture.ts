import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { BUNDLED_RULES_DIR, loadRulesDir } from '../../loader/load.ts';
import { newLock, readLock, release, writeLock } from '../../loader/lock.ts';
import { createNewVersion } from '../../loader/new-version.ts';

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
 * What policy staff do: `cleanprod new-version cppl` (released versions are immutable), then a change in which the
 * watched rule needs exceedsConsumptionQuota = false, so it no longer fires for WATCHED_REQUEST. With `breakQuote` the
 * rule's quote is also no longer verbatim from the source text, so the lint refuses the whole directory. Returns the
 * draft's version (whatever the newest release is, the draft is the next one).
 */
export function addDraftVersion(dir: string, { breakQuote = false } = {}): string {
  const draft = createNewVersion(dir, 'cppl', 'minor');
  const change: Record<string, unknown> = {
    id: WATCHED_RULE,
    conditions: { all: [{ fact: 'energy', path: '$.exceedsConsumptionQuota', operator: 'equal', value: false }] },
  };
  if (breakQuote)
    change.citation = {
      document: '中华人民共和国清洁生产促进法（2012年修正）',
      section: '第二十七条第二款第（二）项',
      quote: `${WATCHED_QUOTE}（此句不在原文中）`,
    };
  writeFileSync(
    join(dir, 'cppl', `${draft.version}.yaml`),
    stringify({ id: 'cppl', version: draft.version, extends: draft.extends, rules: { change: [change] } }),
  );
  return draft.version;
}

/** What `cleanprod release` does: every version not yet in versions.lock.json is locked (released). */
export function releaseAll(dir: string): string[] {
  const { lock, released } = release(loadRulesDir(dir), readLock(dir) ?? newLock());
  writeLock(dir, lock);
  return released;
}
