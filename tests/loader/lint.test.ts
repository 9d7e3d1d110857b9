import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR, lintRules, loadRulesDir, squash } from '../../loader/index.ts';

/** A scratch rules directory holding only cppl (with the derived facts and the release lock), to break on purpose. */
function cpplCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cleanprod-lint-'));
  cpSync(join(BUNDLED_RULES_DIR, 'cppl'), join(dir, 'cppl'), { recursive: true });
  cpSync(join(BUNDLED_RULES_DIR, 'derived-facts.yaml'), join(dir, 'derived-facts.yaml'));
  cpSync(join(BUNDLED_RULES_DIR, 'versions.lock.json'), join(dir, 'versions.lock.json'));
  return dir;
}

describe('lint', () => {
  it('the bundled rule sets are clean', () => {
    const problems = lintRules(loadRulesDir(BUNDLED_RULES_DIR, (process.env.TEST_RULESETS || undefined)?.split(',')));
    expect(problems).toEqual([]);
  });

  it('reports a broken quote, an unknown fact and an unknown operator with the file and rule id', () => {
    const dir = cpplCopy();
    const file = join(dir, 'cppl', '2.0.0.yaml');
    const text = readFileSync(file, 'utf8')
      .replace('quote: 超过单位产品能源消耗限额标准构成高耗能的', 'quote: 超过单位产品能源消耗限额标准构成高能耗的')
      .replace('{ finance.sme: true }', '{ finance.smeFlag: true }')
      .replace('{ audit.notableResults: true }', '{ audit.notableResults: { equals: true } }');
    writeFileSync(file, text);
    const all = lintRules(loadRulesDir(dir));
    // Editing a released file is itself a problem (the lock); the others are what this test breaks on purpose.
    expect(all.filter((p) => p.message.startsWith('released version cppl@2.0.0 has changed'))).toHaveLength(1);
    expect(all.every((p) => p.file.includes('cppl/'))).toBe(true);
    // A later version written as a delta on 2.0.0 inherits the same faults; 2.0.0's own are these.
    const problems = all.filter((p) => p.file.endsWith('cppl/2.0.0.yaml') && !p.message.startsWith('released version cppl@2.0.0 has changed'));
    const at = (ruleId: string) => problems.filter((p) => p.ruleId === ruleId).map((p) => p.message);
    expect(at('cppl-2012-art27-2-2-high-energy')).toEqual([expect.stringMatching(/quote not found verbatim in source\.txt/)]);
    expect(at('cppl-2012-art32-sme-fund')).toEqual([expect.stringMatching(/unknown fact 'finance\.smeFlag'/)]);
    expect(at('cppl-2012-art30-commendation')).toEqual([expect.stringMatching(/unknown operator 'equals'/)]);
    expect(problems).toHaveLength(3);
  });

  it('reports schema errors, duplicate ids and a rule validity outside its version', () => {
    const dir = cpplCopy();
    const file = join(dir, 'cppl', '1.0.0.yaml');
    const text = readFileSync(file, 'utf8')
      .replace('id: cppl-2002-art36-audit-cost', 'id: cppl-2002-art28-1-audit-as-needed')
      .replace('  - id: cppl-2002-art40-not-auditing\n', '  - id: cppl-2002-art40-not-auditing\n    validTo: 2013-01-01\n');
    writeFileSync(file, text);
    const messages = lintRules(loadRulesDir(dir)).map((p) => `${p.ruleId}: ${p.message}`);
    expect(messages).toContain("cppl-2002-art28-1-audit-as-needed: duplicate rule id 'cppl-2002-art28-1-audit-as-needed' in this version");
    expect(messages).toContain("cppl-2002-art40-not-auditing: rule validTo 2013-01-01 is after its version's validTo 2012-06-30");
    writeFileSync(file, text.replace('kind: sanction', 'kind: penalty'));
    expect(lintRules(loadRulesDir(dir)).some((p) => p.message.includes('kind: must be one of'))).toBe(true);
    // Every rule explains itself in both languages.
    writeFileSync(file, text.replace(/\n {4}explanation:\n {6}zh: .*\n {6}en: .*\n/, '\n'));
    expect(lintRules(loadRulesDir(dir)).map((p) => p.message)).toContainEqual(expect.stringMatching(/explanation.*is required/));
  });

  it('compares quotes with all whitespace removed', () => {
    expect(squash(' 實 施\n審核 ')).toBe('實施審核');
  });
});
