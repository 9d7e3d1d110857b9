import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { profileColumns, type Leaf } from '../../cli/batch/columns.ts';
import { runBatch } from '../../cli/batch/run.ts';
import { OUTPUT_COLUMNS } from '../../cli/batch/output.ts';

const root = new URL('../../', import.meta.url).pathname;
const EXAMPLE_CSV = join(root, 'examples/enterprises.csv');
const EXAMPLE_XLSX = join(root, 'examples/enterprises.xlsx');
const _col = (path: string): Leaf => {
  const leaf = profileColumns().get(path);
  if (!leaf) throw new Error(`no column ${path}`);
  return leaf;
};
const quiet = new Writable({ write: (_c, _e, cb) => cb() });
const tmp = () => mkdtempSync(join(tmpdir(), 'cleanprod-batch-'));
const readCsv = (path: string) => parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];

describe('cleanprod batch (in-process)', () => {
  const inputRows = readCsv(EXAMPLE_CSV);

  it('the example sheet has at least 50 enterprises and 3 bad rows', () => {
    expect(inputRows.length).toBeGreaterThanOrEqual(50);
    expect(new Set(inputRows.map((r) => r['location.city'])).size).toBeGreaterThanOrEqual(5);
  });

  it('writes one CSV row per input row, in order; bad rows name the field, the rest have an audit status', async () => {
    const dir = tmp();
    const out = join(dir, 'results.csv');
    const summary = await runBatch({ input: EXAMPLE_CSV, output: out, asOf: '2014-06-01', stderr: quiet });
    const rows = readCsv(out);
    expect(Object.keys(rows[0] ?? {})).toEqual([...OUTPUT_COLUMNS]);
    expect(rows).toHaveLength(inputRows.length);
    expect(summary).toMatchObject({ rows: inputRows.length, failed: 3 });
    rows.forEach((r, i) => {
      expect(r.row).toBe(String(i + 1));
      expect(r.id).toBe(inputRows[i]?.id);
      expect(r.asOf).toBe(inputRows[i]?.asOf || '2014-06-01');
    });
    const bad = rows.filter((r) => r.error !== '');
    expect(bad.map((r) => r.id)).toEqual(['B001', 'B002', 'B003']);
    expect(bad[0]?.error).toMatch(/^location\.city: must be one of: .*\(got 'atlantis'\)$/);
    expect(bad[1]?.error).toBe("size.annualRevenue: expected a number, got 'about 5000'");
    expect(bad[2]?.error).toMatch(/^audit\.lastCompleted: must be a real calendar date YYYY-MM-DD/);
    for (const r of rows.filter((x) => x.error === '')) {
      expect(['mandatory', 'required', 'deemed-done', 'encouraged', 'not-required']).toContain(r['audit.status']);
      expect(r['rulesets.inForce']).toMatch(/cppl@/);
    }
    expect(bad.every((r) => r['audit.status'] === '')).toBe(true);
    // a Foshan ceramics maker over the energy quota in 2014 must audit
    const mandatory = rows.filter((r) => r['audit.status'] === 'mandatory');
    expect(mandatory.length).toBeGreaterThan(0);
    expect(mandatory.every((r) => r['audit.basis'] !== '')).toBe(true);
  });

  it('writes xlsx with the same rows, and reads the xlsx example to the same results as the CSV', async () => {
    const dir = tmp();
    await runBatch({ input: EXAMPLE_CSV, output: join(dir, 'a.csv'), asOf: '2014-06-01', stderr: quiet });
    await runBatch({ input: EXAMPLE_CSV, output: join(dir, 'a.xlsx'), asOf: '2014-06-01', stderr: quiet });
    await runBatch({ input: EXAMPLE_XLSX, output: join(dir, 'b.csv'), asOf: '2014-06-01', stderr: quiet });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    const sheet = wb.worksheets[0];
    expect(sheet?.rowCount).toBe(inputRows.length + 1);
    expect((sheet!.getRow(1).values as unknown[]).slice(1)).toEqual([...OUTPUT_COLUMNS]);
    const csv = readCsv(join(dir, 'a.csv'));
    expect(sheet?.getRow(2).getCell(5).value).toBe(csv[0]?.['audit.status']);
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe(readFileSync(join(dir, 'a.csv'), 'utf8'));
  });

  it('worker threads give the same output as a single thread', async () => {
    const dir = tmp();
    // enough rows for several chunks, so ordering across workers is exercised
    const lines = readFileSync(EXAMPLE_CSV, 'utf8').trimEnd().split('\n');
    const big = join(dir, 'big.csv');
    writeFileSync(big, [lines[0], ...Array.from({ length: 6 }, () => lines.slice(1)).flat()].join('\n'));
    await runBatch({ input: big, output: join(dir, 'one.csv'), asOf: '2016-06-01', workers: 1, stderr: quiet });
    const s = await runBatch({ input: big, output: join(dir, 'two.csv'), asOf: '2016-06-01', workers: 2, stderr: quiet });
    expect(s.workers).toBe(2);
    const one = readFileSync(join(dir, 'one.csv'), 'utf8');
    expect(one.split('\n').length).toBeGreaterThan(300);
    expect(readFileSync(join(dir, 'two.csv'), 'utf8')).toBe(one);
  });

  it('an unknown column stops the whole file before any row is evaluated or output written', async () => {
    const dir = tmp();
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'id,location.city,energy.exceedsQuota\nA,foshan,true\n');
    await expect(runBatch({ input, output: join(dir, 'out.csv'), asOf: '2014-06-01', stderr: quiet })).rejects.toThrow(/energy\.exceedsQuota/);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  });

  it('reads JSONL (a profile or {profile, asOf} per line) and writes full answers as JSONL', async () => {
    const dir = tmp();
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({
          id: 'J1',
          sector: 'industry',
          location: { city: 'foshan', district: 'nanhai' },
          industry: { keys: ['ceramics'] },
          energy: { exceedsConsumptionQuota: true },
        }),
        JSON.stringify({ profile: { id: 'J2', location: { city: 'meizhou' } }, asOf: '2024-01-01' }),
        '{not json',
        JSON.stringify({ id: 'J4', energy: { exceedsConsumptionQuta: true } }),
      ].join('\n'),
    );
    await runBatch({ input, output: join(dir, 'out.jsonl'), asOf: '2014-06-01', stderr: quiet });
    const out = readFileSync(join(dir, 'out.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.row)).toEqual([1, 2, 3, 4]);
    expect(out[0].answer.summary.audit.status).toBe('mandatory');
    expect(out[1].asOf).toBe('2024-01-01');
    expect(out[1].answer.asOf).toBe('2024-01-01');
    expect(out[2].error).toMatch(/not valid JSON/);
    expect(out[3].error).toMatch(/energy\.exceedsConsumptionQuta: unknown field/);
    await runBatch({ input, output: join(dir, 'out.csv'), asOf: '2014-06-01', stderr: quiet });
    expect(readCsv(join(dir, 'out.csv')).map((r) => r.id)).toEqual(['J1', 'J2', '', 'J4']);
  });

  it('JSONL: a BOM, blank lines, CRLF and lines across read chunks keep their row numbers, with 1 or 2 workers', async () => {
    const dir = tmp();
    const input = join(dir, 'big.jsonl');
    // Over 128 KB, so the file is read in several chunks and lines straddle their boundaries.
    const lines: string[] = [];
    for (let i = 1; lines.length < 1200; i++) {
      const city = ['foshan', 'meizhou', 'guangzhou', 'atlantis'][i % 4];
      lines.push(
        JSON.stringify({
          id: `E${i}`,
          name: `企业${i} ${'x'.repeat(i % 400)}`,
          sector: 'industry',
          location: { city },
          energy: { exceedsConsumptionQuota: i % 3 === 0 },
        }),
      );
      if (i % 50 === 0) lines.push('   ');
      if (i % 77 === 0) lines.push('{broken');
    }
    writeFileSync(input, `\uFEFF${lines.join('\r\n')}\r\n`);
    expect(readFileSync(input).length).toBeGreaterThan(256 * 1024);
    const one = await runBatch({ input, output: join(dir, 'one.csv'), asOf: '2016-06-01', workers: 1, stderr: quiet });
    const two = await runBatch({ input, output: join(dir, 'two.csv'), asOf: '2016-06-01', workers: 2, stderr: quiet });
    expect(two.workers).toBe(2);
    expect(readFileSync(join(dir, 'two.csv'), 'utf8')).toBe(readFileSync(join(dir, 'one.csv'), 'utf8'));
    const rows = readCsv(join(dir, 'one.csv'));
    const given = lines.filter((l) => l.trim() !== '');
    expect(one.rows).toBe(given.length);
    expect(rows.map((r) => Number(r.row))).toEqual(given.map((_, i) => i + 1));
    given.forEach((line, i) => {
      const row = rows[i]!;
      if (line.startsWith('{broken')) expect(row.error).toMatch(/not valid JSON/);
      else if (line.includes('atlantis')) expect(row.error).toMatch(/location\.city/);
      else {
        expect(row.id).toBe(JSON.parse(line).id);
        expect(row.error).toBe('');
        expect(row['audit.status']).not.toBe('');
      }
    });
    expect(one.failed).toBe(rows.filter((r) => r.error !== '').length);
  });

  it('an output path that cannot be written is named, before any worker starts or row is evaluated', async () => {
    const dir = tmp();
    const output = join(dir, 'missing', 'out.csv');
    await expect(runBatch({ input: EXAMPLE_CSV, output, asOf: '2014-06-01', workers: 2, stderr: quiet })).rejects.toThrow(
      `-o ${output}: cannot write there: ENOENT`,
    );
  });

  it('workers run the compiled worker module from dist/ (plain JavaScript, no transpiler), through a CommonJS entry that imports it', async () => {
    const { workerEntry } = await import('../../cli/batch/entry.ts');
    const entry = workerEntry();
    expect(entry).toMatch(/^file:.*\/dist\/cli\/batch\/worker-entry\.cjs$/);
    // piscina require()s the entry: CommonJS, so no ES module is ever loaded by require() (worker-entry.cts says why).
    const shim = readFileSync(new URL(entry), 'utf8');
    expect(shim).toContain('module.exports');
    expect(shim).toContain("import('./worker.js')");
    expect(readFileSync(new URL('./worker.js', entry), 'utf8')).toContain('evaluateTask');
  });
});
