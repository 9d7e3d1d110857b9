import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { profileColumns } from '../../cli/batch/columns.ts';
import { OUTPUT_COLUMNS } from '../../cli/batch/output.ts';
import { runBatch } from '../../cli/batch/run.ts';

const quiet = new Writable({ write: (_c, _e, cb) => cb() });
const tmp = () => mkdtempSync(join(tmpdir(), 'cleanprod-batch-zh-'));
const readCsv = (path: string) => parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];

describe('batch in Chinese', () => {
  it('reads a sheet whose headers are the documented Chinese labels and whose cells name places and industries in Chinese', async () => {
    const dir = tmp();
    const input = join(dir, 'zh.csv');
    writeFileSync(input, '企业名称,地级市,区/县,行业,规模以上企业,评估日期\nA厂,佛山市,南海区,陶瓷,是,2014-06-01\nB厂,火星,,陶瓷,maybe,2014-06-01\n');
    const out = join(dir, 'out.csv');
    const summary = await runBatch({ input, asOf: '2014-06-01', output: out, lang: 'zh', stderr: quiet });
    expect(summary).toMatchObject({ rows: 2, failed: 1 });
    const rows = readCsv(out);
    expect(Object.keys(rows[0]!).slice(0, 5)).toEqual(['行号', '编号', '企业名称', '评估日期', '审核结论']);
    expect(rows[0]!.审核结论).toBe('required');
    expect(rows[0]!.按键名读取的名称).toBe('location.city: 佛山市→foshan;location.district: 南海区→nanhai;industry.keys[0]: 陶瓷→ceramics');
    expect(rows[1]!.错误).toContain("size.aboveDesignatedSize: 应为 是/否（true/false、yes/no、1/0），实为 'maybe'");
    expect(rows[1]!.错误).not.toMatch(/expected|must be/);
  });

  it('without --lang the result columns keep their keys and the errors stay English, as before', async () => {
    const dir = tmp();
    const input = join(dir, 'zh.csv');
    writeFileSync(input, '行业,规模以上企业\n陶瓷,maybe\n');
    const out = join(dir, 'out.csv');
    await runBatch({ input, asOf: '2014-06-01', output: out, stderr: quiet });
    const [row] = readCsv(out);
    expect(Object.keys(row!)).toEqual([...OUTPUT_COLUMNS]);
    expect(row!.error).toContain("expected true/false (yes/no, 是/否, 1/0), got 'maybe'");
  });

  it('every input column has a Chinese and an English label, and no two columns share one', async () => {
    const { columnLabels, columnForLabel } = await import('../../cli/batch/header-names.ts');
    const labels = columnLabels();
    for (const path of [...profileColumns().keys(), 'asOf', ...OUTPUT_COLUMNS]) {
      expect(labels[path], path).toBeDefined();
      if (path !== 'row' && !OUTPUT_COLUMNS.includes(path as never)) {
        expect(columnForLabel(labels[path]!.zh), path).toBe(path);
        expect(columnForLabel(labels[path]!.en.toUpperCase()), path).toBe(path);
      }
    }
  });
});
