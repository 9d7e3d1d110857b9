import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR, createNewVersion, lintRules, loadRulesDir } from '../../loader/index.ts';

/** A scratch copy of cppl (with the derived facts and the lock) and the next version started as a delta. */
function cpplWithDraft(): { dir: string; draft: string; base: string; write: (yaml: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cleanprod-author-'));
  cpSync(join(BUNDLED_RULES_DIR, 'cppl'), join(dir, 'cppl'), { recursive: true });
  cpSync(join(BUNDLED_RULES_DIR, 'derived-facts.yaml'), join(dir, 'derived-facts.yaml'));
  cpSync(join(BUNDLED_RULES_DIR, 'versions.lock.json'), join(dir, 'versions.lock.json'));
  const draft = createNewVersion(dir, 'cppl', 'minor');
  const file = join(dir, 'cppl', `${draft.version}.yaml`);
  return {
    dir,
    draft: draft.version,
    base: draft.extends,
    write: (yaml) => writeFileSync(file, `id: cppl\nversion: ${draft.version}\nextends: ${draft.extends}\n${yaml}`),
  };
}

const rule = (dir: string, version: string, id: string) => {
  const v = loadRulesDir(dir).versions.find((x) => x.file.id === 'cppl' && x.file.version === version)!;
  return v.file.rules.find((r) => r.id === id)!;
};

describe('deltas in the author form', () => {
  it('new-version writes a delta that compiles to its base, and says how to write the short form', () => {
    const { dir, draft } = cpplWithDraft();
    const text = readFileSync(join(dir, 'cppl', `${draft}.yaml`), 'utf8');
    expect(text).toMatch(/conditions: \{ energy\.exceedsConsumptionQuota: true \}/);
    expect(text).toMatch(/definitions:/);
    expect(lintRules(loadRulesDir(dir))).toEqual([]);
    const loaded = loadRulesDir(dir).versions.filter((v) => v.file.id === 'cppl');
    const [base, next] = loaded.slice(-2);
    expect(next!.file.rules).toEqual(base!.file.rules);
  });

  it('a changed definition reaches the rules carried over; the version it amends stays as released', () => {
    const { dir, draft, base, write } = cpplWithDraft();
    write(
      [
        'definitions:',
        '  replace:',
        '    mandatory-grounds: { any: [{ environment.exceedsDischargeStandard: true }, { energy.exceedsConsumptionQuota: true }] }',
        'rules:',
        '  change:',
        '    - id: cppl-2012-art27-2-2-high-energy',
        '      conditions: { energy.exceedsConsumptionQuota: true, sector: { ne: public-institution } }',
        '',
      ].join('\n'),
    );
    const problems = lintRules(loadRulesDir(dir));
    expect(problems).toEqual([]);
    const grounds = {
      any: [
        { fact: 'environment', path: '$.exceedsDischargeStandard', operator: 'equal', value: true },
        { fact: 'energy', path: '$.exceedsConsumptionQuota', operator: 'equal', value: true },
      ],
    };
    expect(rule(dir, draft, 'cppl-2012-art27-4-report-and-publish').conditions).toEqual(grounds);
    expect(rule(dir, base, 'cppl-2012-art27-4-report-and-publish').conditions).not.toEqual(grounds);
    expect(rule(dir, draft, 'cppl-2012-art27-2-2-high-energy').conditions).toEqual({
      all: [
        { fact: 'energy', path: '$.exceedsConsumptionQuota', operator: 'equal', value: true },
        { fact: 'sector', operator: 'notEqual', value: 'public-institution' },
      ],
    });
  });

  it('a delta never silently does nothing with definitions, and one it adds must be used', () => {
    const { dir, base, write } = cpplWithDraft();
    write(
      [
        'definitions:',
        '  add:',
        '    mandatory-grounds: { sector: industry }',
        '    spare: { sector: services }',
        '  replace:',
        '    no-such-name: { sector: industry }',
        '  remove: [also-missing]',
        '',
      ].join('\n'),
    );
    const messages = lintRules(loadRulesDir(dir)).map((p) => p.message);
    expect(messages).toContain('definitions.add: mandatory-grounds already exists (replace it instead)');
    expect(messages).toContain(`definitions.replace: no-such-name is not a definition of ${base} (add it instead)`);
    expect(messages).toContain(`definitions.remove: also-missing is not a definition of ${base}`);
    expect(messages).toContain(`compiled from ${base}: definitions.spare: definition 'spare' is used by no condition of this version`);
  });

  it('a condition error in a delta names the file, the rule and the entry', () => {
    const { dir, draft, base, write } = cpplWithDraft();
    write(['rules:', '  change:', '    - id: cppl-2012-art27-2-2-high-energy', '      conditions: { energy.exceedsConsumptionQuota: [true] }', ''].join('\n'));
    const problems = lintRules(loadRulesDir(dir)).filter((p) => p.file.endsWith(`${draft}.yaml`));
    expect(problems).toEqual([
      {
        file: expect.stringMatching(new RegExp(`cppl/${draft.replaceAll('.', '\\.')}\\.yaml$`)),
        ruleId: 'cppl-2012-art27-2-2-high-energy',
        message: expect.stringMatching(
          new RegExp(
            `^compiled from ${base.replaceAll('.', '\\.')}: rules\\[\\d+\\]\\.conditions\\.energy\\.exceedsConsumptionQuota: .*a list needs an operator`,
          ),
        ),
      },
    ]);
  });
});

describe('rule files stand alone', () => {
  it("lint rejects '../' anywhere in a rule file or changelog, with the line", () => {
    const { dir, base } = cpplWithDraft();
    appendFileSync(join(dir, 'cppl', `${base}.yaml`), '# copied from ../shared/law/cppl-2012.md\n');
    appendFileSync(join(dir, 'cppl', 'CHANGELOG.md'), '\nSee ..\\shared\\law.\n');
    const messages = lintRules(loadRulesDir(dir))
      .filter((p) => p.message.includes("('../')"))
      .map((p) => `${p.file.replace(/^.*cppl\//, '')}: ${/^line \d+/.exec(p.message)?.[0]}`);
    const lines = (f: string) => readFileSync(join(dir, 'cppl', f), 'utf8').split('\n').length - 1;
    expect(messages.sort()).toEqual([`${base}.yaml: line ${lines(`${base}.yaml`)}`, `CHANGELOG.md: line ${lines('CHANGELOG.md')}`].sort());
  });
});
