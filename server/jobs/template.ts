import { stringify } from 'csv-stringify/sync';
import { columnDocs } from '../../cli/batch/column-docs.ts';
import type { Lang } from '../../engine/index.ts';

/**
 * One example enterprise on the template's second row, by column key (the rest left blank: a blank cell is a fact not
 * given), in the header's language: places and industries by their Chinese names in Chinese, by key in English.
 */
const EXAMPLE: Readonly<Record<string, string | { zh: string; en: string }>> = {
  id: 'E001',
  name: { zh: '示例佛山陶瓷有限公司', en: 'Example Foshan Ceramics Co.' },
  sector: 'industry',
  'location.city': { zh: '佛山市', en: 'foshan' },
  'location.district': { zh: '南海区', en: 'nanhai' },
  'industry.keys': { zh: '陶瓷', en: 'ceramics' },
  'size.annualRevenue': '5000',
  'size.employees': '320',
  'energy.exceedsConsumptionQuota': { zh: '是', en: 'yes' },
  'environment.exceedsDischargeStandard': { zh: '否', en: 'no' },
  'audit.lastCompleted': '2013-03-01',
};

/**
 * The template's header: the columns' labels in the language asked for (cli/batch/header-names.ts), which the reader
 * takes as it takes the keys — every column the reader knows, in the profile schema's order, asOf last.
 */
export function templateRows(lang: Lang): string[][] {
  const docs = columnDocs();
  const header = docs.map((d) => d.label[lang]);
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
