import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchInputError } from '../../cli/batch/errors.ts';
import { runBatch, type BatchOptions } from '../../cli/batch/run.ts';
import { quiet, tmp, xlsx, zip } from './batch-helpers.ts';

/** Runs a batch expected to stop on its input; returns the error, and checks that nothing was left at the output. */
async function stopped(input: string, extra: Partial<BatchOptions> = {}): Promise<BatchInputError> {
  const dir = join(input, '..');
  const output = join(dir, 'out.csv');
  const error = await runBatch({ input, output, asOf: '2014-06-01', stderr: quiet, ...extra }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BatchInputError);
  expect(existsSync(output)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  return error as BatchInputError;
}

const PROFILE = JSON.stringify({ id: 'E1', sector: 'industry', location: { city: 'foshan' } });

describe('batch input limits: each stops the run with the file, the row and the reason', () => {
  it('a JSONL line longer than the limit (a 16 MB line with no newline) stops at the limit', async () => {
    const input = join(tmp(), 'long.jsonl');
    writeFileSync(input, `${PROFILE}\n\n${PROFILE}\n{"name":"${'x'.repeat(16 * 1024 * 1024)}`);
    const e = await stopped(input);
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toBe(`${input}, row 3, line 4: a line longer than 1 MiB`);
  });

  it('the JSONL line limit is configurable (tests use a small one) and counts bytes, not characters', async () => {
    const input = join(tmp(), 'long.jsonl');
    writeFileSync(input, `${PROFILE}\n${JSON.stringify({ id: 'E2', name: '企'.repeat(100) })}\n`);
    const e = await stopped(input, { limits: { lineBytes: 200 } });
    expect(e.message).toBe(`${input}, row 2, line 2: a line longer than 200 bytes`);
  });

  it('a CSV header of a million columns stops at the column limit, without parsing the rest', async () => {
    const input = join(tmp(), 'wide.csv');
    writeFileSync(input, `id${',x'.repeat(1_000_000)}\nA\n`);
    const e = await stopped(input);
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toBe(`${input}, header, line 1: more than 1,000 columns`);
  });

  it('a CSV data row with too many columns names its row and line; quoted commas are not columns', async () => {
    const input = join(tmp(), 'wide.csv');
    writeFileSync(input, `id,name\nA,"a, b, c, d, e"\n\nB${',1'.repeat(10)}\n`);
    const e = await stopped(input, { limits: { columns: 5 } });
    expect(e.message).toBe(`${input}, row 2, line 4: more than 5 columns`);
  });

  it('a CSV line longer than the limit stops there', async () => {
    const input = join(tmp(), 'long.csv');
    writeFileSync(input, `id,name\nA,${'n'.repeat(3 * 1024 * 1024)}\n`);
    const e = await stopped(input);
    expect(e.message).toBe(`${input}, row 1, line 2: a line longer than 1 MiB`);
  });

  it('a CSV cell longer than the cell limit names its row and column (a quoted cell across lines too)', async () => {
    const dir = tmp();
    const one = join(dir, 'cell.csv');
    writeFileSync(one, `id,name\nA,short\nB,${'n'.repeat(70_000)}\n`);
    expect((await stopped(one)).message).toBe(`${one}, row 2: column 2: a cell longer than 65,536 characters`);
    // Short lines, one huge record: the record limit holds it (what gave "Invalid string length" at 600 MB).
    const multi = join(dir, 'multi.csv');
    writeFileSync(multi, `id,name\nA,"${'line\n'.repeat(300_000)}"\n`);
    expect((await stopped(multi)).message).toBe(`${multi}, row 1: a row longer than 1 MiB`);
  });

  it('an xlsx whose shared strings decompress past the limit (a zip bomb) stops before exceljs reads them', async () => {
    const input = join(tmp(), 'bomb.xlsx');
    const strings = Buffer.concat([
      Buffer.from('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'),
      Buffer.alloc(70 * 1024 * 1024, '<si><t>abcdefghijklmnop</t></si>'),
      Buffer.from('</sst>'),
    ]);
    writeFileSync(input, xlsx([['id'], ['A']], strings));
    expect(readFileSync(input).length).toBeLessThan(1024 * 1024);
    const e = await stopped(input);
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toBe(`${input}: its shared strings (xl/sharedStrings.xml) pass 64 MiB once decompressed`);
  });

  it('an xlsx past the total decompressed limit, or with a cell past the cell limit, stops with the reason', async () => {
    const dir = tmp();
    const big = join(dir, 'big.xlsx');
    writeFileSync(
      big,
      xlsx([
        ['id', 'name'],
        ['A', 'x'.repeat(5000)],
      ]),
    );
    expect((await stopped(big, { limits: { xlsxBytes: 4000 } })).message).toMatch(/: it passes 4,000 bytes once decompressed \(in xl\/[a-zA-Z/]+\.xml\)$/);
    expect((await stopped(big, { limits: { cellChars: 100 } })).message).toBe(`${big}: a cell longer than 100 characters in its shared strings`);
    const inline = join(dir, 'inline.xlsx');
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${'y'.repeat(5000)}</t></is></c></row></sheetData></worksheet>`;
    writeFileSync(inline, zip({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': sheet }));
    expect((await stopped(inline, { limits: { cellChars: 100 } })).message).toBe(
      `${inline}: a cell longer than 100 characters in xl/worksheets/sheet1.xml, row 2 of the sheet`,
    );
  });

  it('an xlsx row with more cells than the column limit names its row', async () => {
    const input = join(tmp(), 'wide.xlsx');
    writeFileSync(input, xlsx([['id'], ['A', ...Array.from({ length: 12 }, (_, i) => `v${i}`)]]));
    expect((await stopped(input, { limits: { columns: 10 } })).message).toBe(`${input}, row 1: more than 10 columns`);
  });

  it('binary garbage is "not a CSV/XLSX/JSONL file", never a parser\'s inner error', async () => {
    const dir = tmp();
    const garbage = randomBytes(4096);
    garbage[10] = 0;
    for (const [name, kind] of [
      ['g.xlsx', 'an XLSX'],
      ['g.csv', 'a CSV'],
      ['g.jsonl', 'a JSONL'],
    ] as const) {
      const input = join(dir, name);
      writeFileSync(input, garbage);
      const e = await stopped(input);
      expect(e.code).toBe('INPUT_WRONG_FORMAT');
      expect(e.message.startsWith(`${input}: not ${kind} file: `)).toBe(true);
      expect(e.message).not.toMatch(/signature|0x[0-9a-f]{8}/);
    }
    // 佛山 in GBK, as Excel on Chinese Windows saves a "CSV (逗号分隔)" sheet: not binary, but not UTF-8 either
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.concat([Buffer.from('id,location.city\nA,'), Buffer.from([0xb7, 0xf0, 0xc9, 0xbd]), Buffer.from('\n')]));
    expect((await stopped(gbk)).message).toBe(
      `${gbk}: not a CSV file: not UTF-8 text (saved as GBK or another legacy encoding?): save it as UTF-8 ("CSV UTF-8" in Excel)`,
    );
    const notXlsx = join(dir, 'zip.xlsx');
    writeFileSync(notXlsx, zip({ 'readme.txt': 'hello' }));
    expect((await stopped(notXlsx)).message).toBe(`${notXlsx}: not an XLSX file: a zip archive without a workbook and a worksheet`);
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), garbage]));
    expect((await stopped(broken)).message).toMatch(/: not an XLSX file: cannot be read as a zip archive/);
  });

  it('a small valid xlsx built the same way reads to its rows (the limits let real files through)', async () => {
    const dir = tmp();
    const input = join(dir, 'ok.xlsx');
    writeFileSync(
      input,
      xlsx([
        ['id', 'location.city'],
        ['A', 'foshan'],
        ['B', 'meizhou'],
      ]),
    );
    const s = await runBatch({ input, output: join(dir, 'out.csv'), asOf: '2014-06-01', stderr: quiet });
    expect(s).toMatchObject({ rows: 2, failed: 0 });
  });
});
