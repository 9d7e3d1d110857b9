import { describe, expect, it } from 'vitest';
import { columnDocs } from '../../cli/batch/column-docs.ts';
import { AS_OF_COLUMN, profileColumns } from '../../cli/batch/columns.ts';
import { columnForLabel, columnLabels } from '../../cli/batch/header-names.ts';

describe('columnDocs(): the batch sheet documented for the page and the templates', () => {
  it('every column the reader reads, in the profile schema’s order and asOf last, with the labels a header may use', () => {
    const docs = columnDocs();
    expect(docs.map((d) => d.key)).toEqual([...profileColumns().keys(), AS_OF_COLUMN]);
    for (const d of docs) {
      expect(d.label, d.key).toEqual(columnLabels()[d.key]);
      expect(columnForLabel(d.label.zh), d.key).toBe(d.key);
      expect(columnForLabel(d.label.en), d.key).toBe(d.key);
    }
  });

  it('says what each cell holds in both languages, from the kind of field columns.ts reads', () => {
    const of = (key: string) => columnDocs().find((d) => d.key === key)!;
    expect(of('energy.exceedsConsumptionQuota').cell.zh).toContain('是/否');
    expect(of('titles').cell.en).toBe("items separated by ';', each kind[:awardedOn][:revoked] (dates YYYY-MM-DD)");
    expect(of('audit.rounds').cell.en).toBe("items separated by ';', each completedOn[:acceptedOn] (dates YYYY-MM-DD)");
    expect(of('audit.lastCompleted').cell.en).toBe('a date YYYY-MM-DD, or never (never audited)');
    expect(of('industry.keys').cell.en).toBe("several values separated by ';'; each one of the values listed (key or Chinese name)");
    expect(of('location.city').cell.en).toBe('one of the values listed (key or Chinese name)');
    expect(of('size.annualRevenue').kind).toBe('number');
    for (const d of columnDocs()) expect(d.cell.zh, d.key).toMatch(/[\u4e00-\u9fff]/);
  });
});
