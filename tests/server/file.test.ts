import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_COLUMNS } from '../../cli/batch/output.ts';
import { columnLabels, outputHeader } from '../../cli/batch/header-names.ts';
import { runBatch } from '../../cli/batch/run.ts';
import { quiet } from '../cli/batch-helpers.ts';
import { csvRows, settled, upload } from './file-helpers.ts';

/**
 * POST /v1/evaluate/file and its jobs (server/routes/file.ts, server/jobs/): a sheet in, the same kind of sheet out,
 * evaluated on the worker pool; every way a file or a form is refused, the limits, and a result's expiry.
 */
import { appWith, BAD_ROWS, CSV, dirs, ROOT, XLSX } from './file-apps.ts';

let main: FastifyInstance;
beforeAll(() => {
  main = appWith().app;
});

describe('POST /v1/evaluate/file: CSV in, CSV out; XLSX in, XLSX out', () => {
  it('a CSV in English: 202 with the job and its Location, followed to done; the result is what cleanprod batch --lang en writes, with a BOM', async () => {
    const r = await upload(main, { asOf: '2014-06-01', language: 'en', file: { name: 'enterprises.csv', bytes: CSV, type: 'text/csv' } });
    expect(r.statusCode).toBe(202);
    const job = r.json();
    expect(r.headers.location).toBe(`/v1/jobs/${job.id}`);
    expect(r.headers['retry-after']).toBe('1');
    expect(job).toMatchObject({ state: 'running', fileName: 'enterprises.csv', format: 'csv', language: 'en', asOf: '2014-06-01' });
    expect(job.progress.rowsTotal).toBe(60);
    const done = await settled(main, r.headers.location as string);
    expect(done.state).toBe('done');
    expect(done.progress).toEqual({ rowsDone: 60, rowsTotal: 60, failed: 3, percent: 100 });
    expect(done.summary).toMatchObject({ rows: 60, evaluated: 57, failed: 3 });
    expect(done.summary!.failures.map((f) => [f.row, f.id])).toEqual([
      [11, 'B001'],
      [26, 'B002'],
      [41, 'B003'],
    ]);
    expect(done.summary!.failures[1]!.error).toBe("size.annualRevenue: expected a number, got 'about 5000'");
    const result = await main.inject({ method: 'GET', url: done.links.result });
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(result.headers['content-disposition']).toContain("filename*=UTF-8''enterprises-results.csv");
    expect(result.body.startsWith('\uFEFF')).toBe(true);
    // the same file cleanprod batch --lang en writes for the same sheet and date
    const dir = mkdtempSync(join(tmpdir(), 'cleanprod-cli-'));
    dirs.push(dir);
    await runBatch({ input: join(ROOT, 'examples/enterprises.csv'), asOf: '2014-06-01', lang: 'en', output: join(dir, 'out.csv'), stderr: quiet });
    expect(result.body.slice(1)).toBe(readFileSync(join(dir, 'out.csv'), 'utf8'));
    const rows = csvRows(result.body);
    expect(rows[0]).toEqual(outputHeader('en'));
    expect(rows.length).toBe(61);
    const error = OUTPUT_COLUMNS.indexOf('error');
    expect(rows.slice(1).flatMap((row, i) => (row[error] ? [i + 1] : []))).toEqual(BAD_ROWS);
  });

  it('in Chinese: Chinese headers and row errors, Chinese names in cells read as keys; the summary by city and industry', async () => {
    // the example with Chinese headers, and Chinese names for a few places and industries
    const [header, ...data] = CSV.toString('utf8').split('\n');
    const labels = columnLabels();
    const zhHeader = header!
      .split(',')
      .map((k) => labels[k]?.zh ?? k)
      .join(',');
    const zhData = data.map((l) => l.replace(',foshan,', ',佛山市,').replace(',nanhai,', ',南海区,').replace(',ceramics,', ',陶瓷,'));
    const r = await upload(main, { asOf: '2014-06-01', language: 'zh', file: { name: '企业清单.csv', bytes: [zhHeader, ...zhData].join('\n') } });
    expect(r.statusCode).toBe(202);
    const done = await settled(main, r.headers.location as string);
    expect(done.summary).toMatchObject({ rows: 60, failed: 3 });
    expect(done.summary!.byCity.reduce((n, g) => n + g.rows, 0)).toBe(57);
    expect(done.summary!.byCity.slice(0, 2)).toMatchObject([
      { key: 'meizhou', rows: 14 },
      { key: 'foshan', rows: 13 },
    ]);
    expect(done.summary!.byIndustry.map((g) => g.key)).toContain('ceramics');
    expect(Object.values(done.summary!.status).reduce((a, b) => a + b, 0)).toBe(57);
    expect(done.summary!.mustAudit).toBe(done.summary!.status.mandatory! + done.summary!.status.required!);
    const result = await main.inject({ method: 'GET', url: done.links.result });
    expect(result.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('企业清单-评估结果.csv')}`);
    const [resultHeader, ...rows] = csvRows(result.body);
    expect(resultHeader).toEqual(outputHeader('zh'));
    const col = (c: (typeof OUTPUT_COLUMNS)[number]) => OUTPUT_COLUMNS.indexOf(c);
    // every Foshan row (the one that fails too) says how its city was read
    expect(rows.filter((row) => row[col('normalized')]?.includes('location.city: 佛山市→foshan'))).toHaveLength(CSV.toString().split(',foshan,').length - 1);
    const errors = rows.filter((row) => row[col('error')]).map((row) => row[col('error')]!);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^location\.city: 须为以下值之一/);
    expect(errors[1]).toBe("size.annualRevenue: 应为数字，实为 'about 5000'");
    expect(errors[2]).toMatch(/^audit\.lastCompleted: .*（实为 '2014-02-30'）$/);
    for (const e of errors) expect(e).not.toMatch(/expected|must be|got /);
  });

  it('an XLSX in, an XLSX out: one result row per enterprise, the bad rows explained', async () => {
    const r = await upload(main, { asOf: '2014-06-01', language: 'en', file: { name: 'enterprises.xlsx', bytes: XLSX } });
    expect(r.statusCode).toBe(202);
    expect(r.json().format).toBe('xlsx');
    expect(r.json().progress.rowsTotal).toBe(60);
    const done = await settled(main, r.headers.location as string);
    expect(done.summary).toMatchObject({ rows: 60, failed: 3 });
    const result = await main.inject({ method: 'GET', url: done.links.result });
    expect(result.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(result.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(61);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(outputHeader('en'));
    const error = OUTPUT_COLUMNS.indexOf('error') + 1;
    const bad: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(error).value) bad.push(Number(row.getCell(1).value));
    });
    expect(bad).toEqual(BAD_ROWS);
  });
});

describe('POST /v1/evaluate/file: what is refused, and why', () => {
  const file = (name: string, bytes: Buffer | string) => ({ file: { name, bytes } });

  it('not multipart (415); no file, another field, a file in another field, two files, a .txt, a bad date or language (400), each naming the field', async () => {
    const json = await main.inject({ method: 'POST', url: '/v1/evaluate/file', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(json.json().detail).toContain('multipart/form-data');
    const cases: [Parameters<typeof upload>[1], string, RegExp][] = [
      [{ asOf: '2014-06-01' }, 'file', /no file/],
      [{ sheet: 'x', ...file('a.csv', CSV) }, 'sheet', /unknown field 'sheet'/],
      [{ data: { name: 'a.csv', bytes: CSV } }, 'data', /field 'data'/],
      [file('notes.txt', 'hello'), 'file', /neither a \.csv nor an \.xlsx/],
      [{ asOf: '2014-02-30', ...file('a.csv', CSV) }, 'asOf', /real calendar date/],
      [{ language: 'fr', ...file('a.csv', CSV) }, 'language', /zh or en/],
    ];
    for (const [fields, path, detail] of cases) {
      const r = await upload(main, fields, { 'accept-language': 'en' });
      expect(r.statusCode, path).toBe(400);
      expect(r.json().errors[0].path, path).toBe(path);
      expect(r.json().detail, path).toMatch(detail);
    }
    // two files in one form
    const two = new FormData();
    two.append('file', new Blob([new Uint8Array(CSV)]), 'a.csv');
    two.append('file', new Blob([new Uint8Array(CSV)]), 'b.csv');
    const encoded = new Response(two);
    const twice = await main.inject({
      method: 'POST',
      url: '/v1/evaluate/file',
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { 'content-type': encoded.headers.get('content-type')!, 'accept-language': 'en' },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().type).toBe('/problems/invalid-input');
    const zh = await upload(main, { language: 'zh', asOf: '2014-13-01', ...file('a.csv', CSV) });
    expect(zh.json().detail).toBe('应为真实存在的日期 YYYY-MM-DD，实为「2014-13-01」');
    const broken = await main.inject({
      method: 'POST',
      url: '/v1/evaluate/file',
      payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nid\n1',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().type).toBe('/problems/invalid-input');
  });

  it('a file that is not what it says, or whose header names unknown columns: 400 saying why, by the name it was sent with', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const cases: [Buffer | string, string, RegExp][] = [
      [png, 'photo.csv', /^photo\.csv: not a CSV file: binary content/],
      ['id,name\nE1,x\n', 'fake.xlsx', /^fake\.xlsx: not an XLSX file/],
      [Buffer.from('id,名称\nE1,佛山\n', 'utf16le'), 'wide.csv', /UTF-16|binary/],
      ['id,location.cty\nE1,foshan\n', 'typo.csv', /^typo\.csv: unknown or repeated column\(s\): location\.cty/],
      ['', 'empty.csv', /no header row/],
    ];
    for (const [bytes, name, detail] of cases) {
      const r = await upload(main, { language: 'en', ...file(name, bytes) });
      expect(r.statusCode, name).toBe(400);
      expect(r.json().detail, name).toMatch(detail);
      expect(r.json().detail, name).not.toContain(tmpdir());
    }
    const typo = await upload(main, { language: 'en', ...file('typo.csv', 'id,location.cty\nE1,foshan\n') });
    expect(typo.json().errors[0]).toEqual({
      path: 'location.cty',
      message: "unknown column 'location.cty' (column 2): not a profile field; did you mean 'location.city'?",
    });
    const zh = await upload(main, { language: 'zh', ...file('typo.csv', 'id,location.cty\nE1,foshan\n') });
    expect(zh.json().errors[0].message).toBe('未知的列「location.cty」（第 2 列）：不是企业信息字段；是否想写「location.city」？');
    const gbk = await upload(main, { language: 'zh', ...file('gbk.csv', Buffer.from([0x69, 0x64, 0x0a, 0xb7, 0xf0, 0xc9, 0xbd, 0x0a])) });
    expect(gbk.json().detail).toBe('「gbk.csv」：不是 CSV 文件：不是 UTF-8 文本（可能以 GBK 等旧编码保存）：请另存为 UTF-8（Excel 中选择“CSV UTF-8”）');
  });

  it('a CSV that breaks midway fails its job with the row and reason; the result answers that problem', async () => {
    const lines = CSV.toString('utf8').trim().split('\n');
    lines[30] = `${lines[30]},"never closed`;
    const r = await upload(main, { language: 'en', file: { name: 'broken.csv', bytes: `${lines.join('\n')}\n` } });
    expect(r.statusCode).toBe(202);
    const failed = await settled(main, r.headers.location as string);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ status: 400, type: '/problems/invalid-input' });
    expect(failed.error!.detail).toMatch(/^broken\.csv, row \d+, line \d+: not valid CSV: a quoted cell is never closed/);
    const result = await main.inject({ method: 'GET', url: failed.links.result });
    expect(result.statusCode).toBe(400);
    expect(result.json().detail).toBe(failed.error!.detail);
  });
});
