import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF_COLUMN, profileColumns } from '../../cli/batch/columns.ts';
import { columnLabels } from '../../cli/batch/header-names.ts';
import { buildApp } from '../../server/app.ts';
import { bundled } from '../support/rulebase.ts';
import { csvRows, settled, upload } from './file-helpers.ts';

/** GET /v1/templates/…: the batch sheet's template (CSV and XLSX, Chinese and English headers) and its columns. */
const app = buildApp({ base: bundled(), today: () => '2014-06-01', rateLimitMax: 0 });
afterAll(() => app.close());
const keys = [...profileColumns().keys(), AS_OF_COLUMN];

describe('GET /v1/templates/enterprises.{csv,xlsx}', () => {
  it('CSV: UTF-8 with a BOM, every column headed by its label in Chinese or English, one example row', async () => {
    const zh = await app.inject({ method: 'GET', url: '/v1/templates/enterprises.csv?lang=zh' });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(zh.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('企业清单模板.csv')}`);
    expect(zh.body.startsWith('\uFEFF')).toBe(true);
    const [header, example, ...rest] = csvRows(zh.body);
    expect(header).toEqual(keys.map((k) => columnLabels()[k]!.zh));
    expect(rest).toEqual([]);
    expect(example![keys.indexOf('energy.exceedsConsumptionQuota')]).toBe('是');
    expect(example![keys.indexOf('location.city')]).toBe('佛山市');
    const en = csvRows((await app.inject({ method: 'GET', url: '/v1/templates/enterprises.csv', headers: { 'accept-language': 'en' } })).body);
    expect(en[0]).toEqual(keys.map((k) => columnLabels()[k]!.en));
    expect(en[1]![keys.indexOf('energy.exceedsConsumptionQuota')]).toBe('yes');
  });

  it('XLSX: the sheet to fill in first, the columns explained on a second sheet', async () => {
    const r = await app.inject({ method: 'GET', url: '/v1/templates/enterprises.xlsx?lang=zh' });
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['企业', '列说明']);
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(keys.map((k) => columnLabels()[k]!.zh));
    expect(book.worksheets[1]!.rowCount).toBe(keys.length + 1);
  });

  it('every template is read back as it is: its example enterprise is evaluated, no row fails', async () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const ext of ['csv', 'xlsx'] as const) {
        const template = await app.inject({ method: 'GET', url: `/v1/templates/enterprises.${ext}?lang=${lang}` });
        const r = await upload(app, { language: lang, file: { name: `template.${ext}`, bytes: template.rawPayload } });
        expect(r.statusCode, `${lang} ${ext}`).toBe(202);
        const done = await settled(app, r.headers.location as string);
        expect(done.summary, `${lang} ${ext}`).toMatchObject({ rows: 1, evaluated: 1, failed: 0, mustAudit: 1 });
        expect(done.summary!.byCity, `${lang} ${ext}`).toEqual([{ key: 'foshan', rows: 1, mustAudit: 1, overdue: 0, missed: 0 }]);
      }
    }
  });

  it('another format or language is a 400 naming the parameter', async () => {
    const txt = await app.inject({ method: 'GET', url: '/v1/templates/enterprises.txt' });
    expect(txt.statusCode).toBe(400);
    expect(txt.json().errors[0].path).toMatch(/ext/);
    expect((await app.inject({ method: 'GET', url: '/v1/templates/enterprises.csv?lang=fr' })).statusCode).toBe(400);
  });
});

describe('GET /v1/templates/columns', () => {
  it('every column, in order, with its labels and what a cell holds in both languages', async () => {
    const { columns } = (await app.inject({ method: 'GET', url: '/v1/templates/columns' })).json() as {
      columns: { key: string; label: { zh: string }; cell: { zh: string; en: string } }[];
    };
    expect(columns.map((c) => c.key)).toEqual(keys);
    expect(columns.find((c) => c.key === 'location.city')).toMatchObject({ label: { zh: '地级市' }, kind: 'string' });
  });
});
