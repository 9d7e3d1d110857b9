import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { convertCell, mapHeader, profileColumns, rowToProfile, type Leaf } from '../../cli/batch/columns.ts';
import { runBatch } from '../../cli/batch/run.ts';
import { OUTPUT_COLUMNS } from '../../cli/batch/output.ts';
import { ValidationError } from '../../engine/index.ts';
import { ProfileSchema } from '../../schemas/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const EXAMPLE_CSV = join(root, 'examples/enterprises.csv');
const EXAMPLE_XLSX = join(root, 'examples/enterprises.xlsx');
const col = (path: string): Leaf => {
  const leaf = profileColumns().get(path);
  if (!leaf) throw new Error(`no column ${path}`);
  return leaf;
};
const quiet = new Writable({ write: (_c, _e, cb) => cb() });
const tmp = () => mkdtempSync(join(tmpdir(), 'cleanprod-batch-'));
const readCsv = (path: string) => parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];

describe('batch columns (schema-driven)', () => {
  it('derives a column for every leaf of the profile schema, including nested objects', () => {
    const cols = profileColumns();
    for (const c of [
      'id',
      'name',
      'sector',
      'location.city',
      'location.park.inPark',
      'industry.keys',
      'size.annualRevenue',
      'environment.keyMonitoring.energy',
      'audit.mandatoryListed.deadline',
      'audit.lastCompleted',
      'titles',
      'trainedAuditStaff',
    ]) {
      expect(cols.has(c), c).toBe(true);
    }
    // every top-level schema property is reachable as a column or a column prefix: a new field needs no list edit
    for (const key of Object.keys(ProfileSchema.properties))
      expect(
        [...cols.keys()].some((c) => c === key || c.startsWith(`${key}.`)),
        key,
      ).toBe(true);
    expect(col('energy.exceedsConsumptionQuota').kind).toBe('boolean');
    expect(col('size.employees').kind).toBe('integer');
    expect(col('audit.lastCompleted').kind).toBe('date-or-null');
    expect(col('industry.codes').kind).toBe('list');
    expect(col('titles').kind).toBe('records');
  });

  it('reads booleans as true/false, yes/no, 是/否, 1/0 and rejects anything else with what was expected', () => {
    const b = col('energy.exceedsConsumptionQuota');
    for (const t of ['true', 'TRUE', 'yes', 'Yes', '是', '1', 1, true]) expect(convertCell(b, t).value, String(t)).toBe(true);
    for (const f of ['false', 'no', 'NO', '否', '0', 0, false]) expect(convertCell(b, f).value, String(f)).toBe(false);
    expect(convertCell(b, 'maybe').errors).toEqual([
      { path: 'energy.exceedsConsumptionQuota', message: "expected true/false (yes/no, 是/否, 1/0), got 'maybe'" },
    ]);
  });

  it('reads numbers and reports a non-numeric cell', () => {
    const n = col('size.annualRevenue');
    expect(convertCell(n, ' 2500.5 ').value).toBe(2500.5);
    expect(convertCell(n, 1200).value).toBe(1200);
    expect(convertCell(n, '5,000').errors[0]).toEqual({ path: 'size.annualRevenue', message: "expected a number, got '5,000'" });
  });

  it('splits list cells on ; (numbers become text where the schema says string)', () => {
    expect(convertCell(col('industry.keys'), 'ceramics; glass ;').value).toEqual(['ceramics', 'glass']);
    expect(convertCell(col('industry.codes'), 3071).value).toEqual(['3071']);
    expect(convertCell(col('location.watersheds'), 'danshui;maozhou').value).toEqual(['danshui', 'maozhou']);
  });

  it('reads never as null and date cells as YYYY-MM-DD', () => {
    const d = col('audit.lastCompleted');
    expect(convertCell(d, 'never').value).toBeNull();
    expect(convertCell(d, 'Never').value).toBeNull();
    expect(convertCell(d, '2013-03-01').value).toBe('2013-03-01');
    expect(convertCell(d, new Date(Date.UTC(2013, 2, 1))).value).toBe('2013-03-01');
    expect(convertCell(col('audit.mandatoryListed.deadline'), new Date(Date.UTC(2015, 11, 31))).value).toBe('2015-12-31');
  });

  it('reads titles as kind[:awardedOn][:revoked] items', () => {
    expect(
      convertCell(col('titles'), 'foshan-cp-enterprise:2012-10-01; guangdong-cp-enterprise:2011-06-01:revoked;cp-demonstration;guangdong-cp-benchmark:revoked')
        .value,
    ).toEqual([
      { kind: 'foshan-cp-enterprise', awardedOn: '2012-10-01' },
      { kind: 'guangdong-cp-enterprise', awardedOn: '2011-06-01', revoked: true },
      { kind: 'cp-demonstration' },
      { kind: 'guangdong-cp-benchmark', revoked: true },
    ]);
    expect(convertCell(col('titles'), 'cp-demonstration:2012-01-01:true').value).toEqual([
      { kind: 'cp-demonstration', awardedOn: '2012-01-01', revoked: true },
    ]);
    expect(convertCell(col('titles'), 'cp-demonstration:2012-01-01:revoked:extra').errors[0]?.path).toBe('titles[0]');
  });

  it('treats a blank cell as a fact not given (never as no)', () => {
    const map = mapHeader(['id', 'location.city', 'energy.exceedsConsumptionQuota', 'audit.lastCompleted', 'industry.keys', 'asOf']);
    const r = rowToProfile(map, ['E1', ' ', '', undefined, '', '']);
    expect(r.profile).toEqual({ id: 'E1' });
    expect(r.errors).toEqual([]);
    expect(r.asOf).toBeUndefined();
    const full = rowToProfile(map, ['E2', 'foshan', 'no', 'never', 'ceramics', '2014-06-01']);
    expect(full.profile).toEqual({
      id: 'E2',
      location: { city: 'foshan' },
      energy: { exceedsConsumptionQuota: false },
      audit: { lastCompleted: null },
      industry: { keys: ['ceramics'] },
    });
    expect(full.asOf).toBe('2014-06-01');
  });

  it('an unknown column is an error naming the column', () => {
    let err: unknown;
    try {
      mapHeader(['id', 'location.cty', 'energy.exceedsConsumptionQuota', 'revenue']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    const details = (err as ValidationError).details;
    expect(details.map((d) => d.path)).toEqual(['location.cty', 'revenue']);
    expect(details[0]?.message).toContain("unknown column 'location.cty'");
    expect(details[0]?.message).toContain("did you mean 'location.city'");
    expect(() => mapHeader(['id', 'id'])).toThrow(/repeated/);
    expect(() => mapHeader(['location'])).toThrow(ValidationError);
  });
});

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

  it('workers run the compiled worker module from dist/ (plain JavaScript, no transpiler)', async () => {
    const { workerEntry } = await import('../../cli/batch/entry.ts');
    const entry = workerEntry();
    expect(entry).toMatch(/^file:.*\/dist\/cli\/batch\/worker\.js$/);
    expect(readFileSync(new URL(entry), 'utf8')).toContain('evaluateTask');
  });
});

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
    expect(rows[0]!['审核结论']).toBe('required');
    expect(rows[0]!['按键名读取的名称']).toBe('location.city: 佛山市→foshan;location.district: 南海区→nanhai;industry.keys[0]: 陶瓷→ceramics');
    expect(rows[1]!['错误']).toContain("size.aboveDesignatedSize: 应为 是/否（true/false、yes/no、1/0），实为 'maybe'");
    expect(rows[1]!['错误']).not.toMatch(/expected|must be/);
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
