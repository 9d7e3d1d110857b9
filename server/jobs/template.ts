import { stringify } from 'csv-stringify/sync';
import { columnDocs } from '../../cli/batch/column-docs.ts';
import type { Lang } from '../../engine/index.ts';

/**
 * One example enterprise on the template's second row, by column key (the rest left blank: a blank cell is a fact not
 * given). Keys, which every reader takes; yes/no in the header's language.
 */
const EXAMPLE: Readonly<Record<string, string | { zh: string; en: string }>> = {
  id: 'E001',
  name: { zh: '示例佛山陶瓷有限公司', en: 'Example Foshan Ceramics Co.' },
  sector: 'industry',
  'location.city': 'foshan',
  'location.district': 'nanhai',
  'industry.keys': 'ceramics',
  'size.annualRevenue': '5000',
  'size.employees': '320',
  'energy.exceedsConsumptionQuota': { zh: '是', en: 'yes' },
  'environment.exceedsDischargeStandard': { zh: '否', en: 'no' },
  'audit.lastCompleted': '2013-03-01',
};

/**
 * The template's header: in Chinese the columns' Chinese labels (cli/batch/headers.ts), in English their keys, which
 * the reader takes as they are — every column the reader knows, in the profile schema's order, asOf last.
 */
export function templateRows(lang: Lang): string[][] {
  const docs = columnDocs();
  const header = docs.map((d) => (lang === 'zh' ? d.label.zh : d.key));
  const example = docs.map((d) => {
    const v = EXAMPLE[d.key];
    return v === undefined ? '' : typeof v === 'string' ? v : v[lang];
  });
  return [header, example];
}

/** The CSV template: UTF-8 with a byte-order mark, so that Excel opens the Chinese headers as they are. */
export const templateCsv = (lang: Lang): Buffer => Buffer.from(`\uFEFF${stringify(templateRows(lang))}`, 'utf8');

/** The XLSX template: the sheet to fill in first (the reader reads the first sheet), then the columns explained. */
export async function templateXlsx(lang: Lang): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const [header, example] = templateRows(lang);
  const sheet = workbook.addWorksheet(lang === 'zh' ? '企业' : 'enterprises');
  sheet.addRow(header);
  sheet.addRow(example);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = workbook.addWorksheet(lang === 'zh' ? '列说明' : 'columns');
  notes.addRow(lang === 'zh' ? ['列名', '键', '填写方式', '示例'] : ['column', 'key', 'what a cell holds', 'example']);
  for (const d of columnDocs()) notes.addRow([lang === 'zh' ? d.label.zh : d.label.en, d.key, d.cell[lang], d.example ?? '']);
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
