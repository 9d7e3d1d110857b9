import { describe, expect, it } from 'vitest';
import { diffInWords, diffVersions } from '../../analysis/index.ts';
import { versionOf } from '../../engine/index.ts';
import { bundled } from '../support/rulebase.ts';

const CJK = /[\u3400-\u9fff]/;

describe('a diff in words', () => {
  const base = bundled();
  const a = versionOf(base, 'cppl', '1.0.0', 'from');
  const b = versionOf(base, 'cppl', '2.0.0', 'to');
  const d = diffVersions(a, b);

  it('cppl 1.0.0 → 2.0.0 in Chinese: the new 高耗能 ground with its condition, outcome and quote', () => {
    const zh = diffInWords(d, a, b, 'zh');
    expect(zh.summary).toBe('新增 12 条、删除 0 条、修改 6 条、未变 0 条规则。');
    const high = zh.added.find((r) => r.id === 'cppl-2012-art27-2-2-high-energy')!;
    expect(high).toMatchObject({
      title: '超过能耗限额标准构成高耗能的企业应实施强制性清洁生产审核',
      kindText: '审核要求',
      outcomeText: '须实施强制性清洁生产审核',
      quote: '超过单位产品能源消耗限额标准构成高耗能的',
      conditionText: '超过单位产品能耗限额标准要求：是',
    });
    expect(zh.metadata).toContain('生效日期：2003-01-01 → 2012-07-01');
    expect(zh.metadata).toContain('失效日期：2012-06-30 → 不限');
    const report = zh.changed.find((c) => c.id === 'cppl-2012-art27-4-report-and-publish')!;
    expect(report.changes[0]).toBe('延续旧版本的 cppl-2002-art28-3-report-results');
    expect(report.conditions!.added).toContain('超过单位产品能耗限额标准要求：是');
    expect(report.verdict).toBe('differs');
    expect(report.counterexample!.facts.find((f) => f.fact === 'environment.usesToxicRawMaterials')).toMatchObject({ label: '使用有毒有害原料', value: '是' });
    expect(report.counterexample!.before).toMatch(/^适用：/);
    expect(report.semantic).toMatch(/^两个版本的判断不同/);
  });

  it('in English, every sentence a person reads is English (titles, conditions, counterexamples); quotes stay verbatim', () => {
    const en = diffInWords(d, a, b, 'en');
    const high = en.added.find((r) => r.id === 'cppl-2012-art27-2-2-high-energy')!;
    expect(high.conditionText).toBe('Exceeds the energy-consumption quota required: yes');
    expect(high.outcomeText).toBe('Mandatory cleaner-production audit');
    expect(high.quote).toMatch(CJK);
    const sentences = [
      en.summary,
      ...en.metadata,
      ...[...en.added, ...en.removed].flatMap((r) => [r.title, r.kindText, r.conditionText, r.outcomeText ?? '']),
      ...en.changed.flatMap((c) => [
        c.title,
        c.semantic,
        ...c.changes,
        ...(c.conditions ? [...c.conditions.added, ...c.conditions.removed] : []),
        ...(c.counterexample ? [c.counterexample.before, c.counterexample.after, ...c.counterexample.facts.flatMap((f) => [f.label, f.value])] : []),
      ]),
    ];
    // Section numbers are cited as written (第二十八条第一款), like quotes: the sentence around them is English.
    for (const s of sentences) expect(s.replace(/第[\u3400-\u9fff（）0-9]+/g, ''), s).not.toMatch(CJK);
    expect(en.changed[0]!.changes).toContain('Cited provision: 第二十八条第一款 → 第二十七条第一款');
    expect(en.changed.find((c) => c.id === 'cppl-2012-art27-2-1-exceeds-standard-or-quota')!.semantic).toMatch(/^Decides the same on the facts it reads/);
  });
});
