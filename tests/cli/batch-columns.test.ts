import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { convertCell, mapHeader, profileColumns, rowToProfile, type Leaf } from '../../cli/batch/columns.ts';
import { ValidationError } from '../../engine/index.ts';
import { ProfileSchema } from '../../schemas/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const _EXAMPLE_CSV = join(root, 'examples/enterprises.csv');
const _EXAMPLE_XLSX = join(root, 'examples/enterprises.xlsx');
const col = (path: string): Leaf => {
  const leaf = profileColumns().get(path);
  if (!leaf) throw new Error(`no column ${path}`);
  return leaf;
};
const _quiet = new Writable({ write: (_c, _e, cb) => cb() });
const _tmp = () => mkdtempSync(join(tmpdir(), 'cleanprod-batch-'));
const _readCsv = (path: string) => parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];

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
