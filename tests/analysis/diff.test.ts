import { describe, expect, it } from 'vitest';
import { diffToMarkdown, diffVersions, semanticCheck } from '../../analysis/index.ts';
import { oneRuleVersion } from '../support/one-rule.ts';
import { versionOn } from '../support/versions.ts';

describe('structural diff', () => {
  it('the 2002 law → the 2012 law (the versions in force on either side of 2012-07-01) shows the high-energy ground added and the changed reporting duty', () => {
    const d = diffVersions(versionOn('cppl', '2012-06-30'), versionOn('cppl', '2012-07-01'));
    expect(d.added.map((r) => r.id)).toContain('cppl-2012-art27-2-2-high-energy');
    const report = d.changed.find((c) => c.id === 'cppl-2012-art27-4-report-and-publish')!;
    expect(report.previousId).toBe('cppl-2002-art28-3-report-results');
    expect(report.conditions?.added).toContainEqual({ under: 'any', leaf: 'energy.exceedsConsumptionQuota equal true' });
    expect(report.fields.find((f) => f.field === 'outcome')).toEqual({
      field: 'outcome',
      from: 'report-audit-results',
      to: 'report-and-publish-audit-results',
    });
    expect(report.semantic.verdict).toBe('differs');
    const renumbered = d.changed.find((c) => c.id === 'cppl-2012-art27-2-1-exceeds-standard-or-quota')!;
    expect(renumbered.semantic).toMatchObject({ verdict: 'same-on-all-searched', exhaustive: true });
    // The total-load ground's wording narrowed (经有关地方人民政府核定的… → 重点…): the same facts decide the same, but the
    // diff must not call that a refactoring.
    expect(renumbered.wording?.from).toContain('经有关地方人民政府核定的污染物排放总量控制指标');
    expect(renumbered.wording?.to).toContain('重点污染物排放总量控制指标');
    expect(d.differentTexts).toEqual({ from: 'source-2002.txt', to: 'source.txt' });
    expect(d.metadata.map((m) => m.field)).toEqual(expect.arrayContaining(['validFrom', 'validTo']));
    const md = diffToMarkdown(d);
    expect(md).toContain('## Added');
    expect(md).toContain('`cppl-2012-art27-2-2-high-energy` (audit: mandatory)');
    const section = md.slice(md.indexOf('### `cppl-2012-art27-2-1-exceeds-standard-or-quota`'));
    expect(section.slice(0, section.indexOf('\n### ', 5))).not.toContain('refactoring');
    expect(md).toContain('encode different texts');
  });

  it('a changed threshold is found by searching its boundary, and a reordering is a refactoring', () => {
    const prep = (c: unknown, version: string) => oneRuleVersion(c, { version, validFrom: '2020-01-01', outcome: 'required' });
    const a = prep({ all: [{ fact: 'size', path: '$.annualRevenue', operator: 'greaterThanInclusive', value: 2000 }] }, '1.0.0');
    const b = prep({ all: [{ fact: 'size', path: '$.annualRevenue', operator: 'greaterThan', value: 2000 }] }, '1.1.0');
    const found = semanticCheck(a.rules[0]!, b.rules[0]!);
    expect(found.verdict).toBe('differs');
    expect(found.counterexample?.facts).toEqual({ 'size.annualRevenue': 2000 });
    const x = prep(
      {
        any: [
          { fact: 'energy', path: '$.keyEnergyUser', operator: 'equal', value: true },
          { fact: 'energy', path: '$.highWaterUse', operator: 'equal', value: true },
        ],
      },
      '1.0.0',
    );
    const y = prep(
      {
        any: [
          { fact: 'energy', path: '$.highWaterUse', operator: 'equal', value: true },
          { fact: 'energy', path: '$.keyEnergyUser', operator: 'equal', value: true },
        ],
      },
      '1.1.0',
    );
    const d = diffVersions(x, y);
    expect(d.changed[0]?.conditions).toEqual({ added: [], removed: [], restructured: true });
    expect(d.changed[0]?.semantic).toMatchObject({ verdict: 'same-on-all-searched', exhaustive: true, searched: 9 });
  });
});
