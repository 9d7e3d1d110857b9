import { describe, expect, it } from 'vitest';
import { columnDocs } from '../../cli/batch/column-docs.ts';
import { AS_OF_COLUMN, profileColumns } from '../../cli/batch/columns.ts';
import { columnLabels } from '../../cli/batch/headers.ts';
import { OUTPUT_COLUMNS } from '../../cli/batch/output.ts';
import { OUTPUT_LABELS_ZH, localizeValues, outputHeader } from '../../cli/batch/output-labels.ts';
import { messageZh, rowErrorText } from '../../cli/batch/row-errors.ts';

describe('columnLabels(): every column the reader reads, labelled in Chinese and English', () => {
  it('covers exactly the columns columns.ts reads: every profile leaf and asOf', () => {
    expect(Object.keys(columnLabels()).sort()).toEqual([...profileColumns().keys(), AS_OF_COLUMN].sort());
  });

  it('each label names one column: unique within its language, never another column’s key', () => {
    const labels = Object.entries(columnLabels());
    const keys = new Set(labels.map(([k]) => k));
    for (const lang of ['zh', 'en'] as const) {
      const names = labels.map(([, l]) => l[lang]);
      expect(new Set(names).size, lang).toBe(names.length);
      for (const name of names) expect(keys.has(name), name).toBe(false);
    }
    expect(columnLabels()['location.city']).toEqual({ zh: '地级市', en: 'Prefecture city' });
    expect(columnLabels()['industry.keys']?.zh).toBe('行业');
    expect(columnLabels().asOf).toEqual({ zh: '评估日期', en: 'Evaluation date' });
  });

  it('the column documentation follows the same columns, saying what each cell holds in both languages', () => {
    const docs = columnDocs();
    expect(docs.map((d) => d.key)).toEqual([...profileColumns().keys(), AS_OF_COLUMN]);
    const of = (key: string) => docs.find((d) => d.key === key)!;
    expect(of('energy.exceedsConsumptionQuota').cell.zh).toContain('是/否');
    expect(of('titles').cell.en).toBe("items separated by ';', each kind[:awardedOn][:revoked] (dates YYYY-MM-DD)");
    expect(of('audit.lastCompleted').cell.en).toContain('never');
    expect(of('industry.keys').cell.en).toMatch(/^several values separated by ';'/);
    for (const d of docs) expect(d.cell.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the result in Chinese', () => {
  it('headers: a Chinese label per result column; in English the keys, as cleanprod batch writes them', () => {
    expect(outputHeader('en')).toEqual([...OUTPUT_COLUMNS]);
    expect(outputHeader('zh')).toEqual(OUTPUT_COLUMNS.map((c) => OUTPUT_LABELS_ZH[c]));
    expect(new Set(outputHeader('zh')).size).toBe(OUTPUT_COLUMNS.length);
  });

  it('values: statuses, route and acceptance by name, yes/no as 是/否, facts by label; ids stay ids', () => {
    const values = OUTPUT_COLUMNS.map((c) =>
      c === 'audit.status'
        ? 'mandatory'
        : c === 'audit.overdue'
          ? true
          : c === 'audit.couldBe'
            ? 'mandatory;required'
            : c === 'process.route'
              ? 'simplified'
              : c === 'questions'
                ? 'energy.keyEnergyUser;aboveDesignatedSize'
                : c === 'incentive.ids'
                  ? 'cppl-2012-art34-audit-cost'
                  : null,
    );
    const zh = localizeValues(values, 'zh');
    const at = (c: (typeof OUTPUT_COLUMNS)[number]) => zh[OUTPUT_COLUMNS.indexOf(c)];
    expect(at('audit.status')).toBe('须实施强制性清洁生产审核');
    expect(at('audit.couldBe')).toBe('须实施强制性清洁生产审核;须按规划完成清洁生产审核');
    expect(at('audit.overdue')).toBe('是');
    expect(at('process.route')).toBe('简化审核流程');
    expect(at('questions')).toBe('重点用能单位;规模以上企业');
    expect(at('incentive.ids')).toBe('cppl-2012-art34-audit-cost');
    expect(localizeValues(values, 'en')).toEqual(values);
  });

  it("row errors: the reader's own sentences in Chinese, each field by its label; English as cleanprod batch writes it", () => {
    const errors = [
      { path: 'size.annualRevenue', message: "expected a number, got 'about 5000'" },
      { path: 'energy.keyEnergyUser', message: "expected true/false (yes/no, 是/否, 1/0), got 'maybe'" },
      { path: 'audit.lastCompleted', message: "expected a date YYYY-MM-DD or 'never', got 12" },
      { path: '(row)', message: '3 cells where the header has 5: a separator is missing or the row is cut short' },
    ];
    expect(rowErrorText(errors, undefined)).toBe(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    expect(rowErrorText(errors, 'zh')).toBe(
      [
        "年主营业务收入（万元）（size.annualRevenue）：应填数字，实为 'about 5000'",
        "重点用能单位（energy.keyEnergyUser）：应填 是/否（或 true/false、yes/no、1/0），实为 'maybe'",
        '上一轮清洁生产审核（audit.lastCompleted）：应填日期 YYYY-MM-DD 或 never（从未审核），实为 12',
        '（本行）：本行有 3 个单元格，而表头有 5 个：缺少分隔符，或该行被截断',
      ].join('；'),
    );
    expect(messageZh("须为以下值之一：a、b (got 'x')")).toBe("须为以下值之一：a、b（实为 'x'）");
  });
});
