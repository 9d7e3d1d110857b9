// @ts-check
// The batch page's own words (headings, buttons, messages), in zh and en. Names of cities, industries, audit statuses
// and profile fields come from GET /v1/labels; the columns' labels and cell formats from GET /v1/templates/columns.
import { pick } from '../state.js';

export const WORDS = /** @type {const} @satisfies {Record<string, readonly [string, string]>} */ ({
  title: ['企业清单批量评估', 'Batch evaluation of enterprise lists'],
  loading: ['正在加载…', 'Loading…'],
  loadFailed: ['无法加载页面所需的数据：', 'Could not load what the page needs: '],
  chooseFile: ['请选择一个 CSV 或 XLSX 文件。', 'Choose a CSV or XLSX file.'],
  chooseDate: ['请选择评估日期。', 'Choose the evaluation date.'],
  uploading: ['正在上传 {name}…', 'Uploading {name}…'],
  uploadFailed: ['无法上传：', 'Could not upload: '],
  fixErrors: ['文件未被接受：', 'The file was not accepted:'],
  busy: ['服务器繁忙，请在 {s} 秒后重试。', 'The server is busy; try again in {s} s.'],
  rowsOf: ['已评估 {done} / {total} 行', '{done} of {total} rows evaluated'],
  rowsSoFar: ['已评估 {done} 行（约 {percent}%）', '{done} rows evaluated (about {percent}%)'],
  withErrors: ['{n} 行出错', '{n} with errors'],
  done: ['评估完成：{rows} 行{errors}，用时 {seconds} 秒。', 'Done: {rows} rows{errors} in {seconds} s.'],
  doneErrors: ['（其中 {n} 行出错）', ' ({n} with errors)'],
  failed: ['未能完成评估：', 'The file could not be evaluated: '],
  lostJob: ['无法获取评估进度：', 'Could not follow the evaluation: '],
  summary: ['评估概况', 'Summary of the run'],
  summaryOf: ['{file} · 评估日期 {asOf}', '{file} · as of {asOf}'],
  rows: ['企业（行）', 'Enterprises (rows)'],
  evaluated: ['已评估', 'Evaluated'],
  errorRows: ['出错的行', 'Rows with errors'],
  mustAudit: ['须审核', 'Must audit'],
  overdue: ['已逾期', 'Overdue'],
  missed: ['错过期限', 'Missed a deadline'],
  mustAuditHint: ['须实施强制性审核或须按规划完成审核', 'a mandatory audit, or one a plan requires'],
  overdueHint: ['仍有效的审核义务已过期限而未完成', 'an audit duty in force is past its due date'],
  missedHint: ['曾有期限过后仍未完成（含已失效的规划）', 'a due date passed unmet, also of plans no longer in force'],
  byStatus: ['按审核要求', 'By audit status'],
  byCity: ['按地级市', 'By city'],
  byIndustry: ['按行业（企业最多的 {n} 个）', 'By industry (the {n} with most enterprises)'],
  notEvaluated: ['无法评估（出错）', 'Not evaluated (errors)'],
  notGiven: ['未填写', 'not given'],
  enterprisesN: ['{n} 家', '{n}'],
  table: ['数据表', 'Data table'],
  category: ['类别', 'Category'],
  chartOf: ['{title}：{what}', '{title}: {what}'],
  failures: ['出错的行', 'Rows with errors'],
  failuresIntro: [
    '以下各行未能评估，原因写在结果文件的“错误”列中；其余各行照常评估。',
    'These rows could not be evaluated; the result file says why in its error column. The other rows were evaluated.',
  ],
  moreFailures: ['另有 {n} 行出错，见结果文件。', '{n} more rows with errors: see the result file.'],
  noFailures: ['所有行均已评估。', 'Every row was evaluated.'],
  rowN: ['第 {n} 行', 'Row {n}'],
  download: ['下载结果（{format}）', 'Download the result ({format})'],
  keptUntil: ['结果保存至 {time}，之后删除。', 'The result is kept until {time}, then deleted.'],
  columnsIntro: [
    '第一行写列名：可用中文列名、英文列名或键，顺序不限，可只用其中一部分。空白单元格表示“未提供”，不会被当作“否”；有评估日期（asOf）列的行按该列日期评估。',
    'The first row names the columns: by their Chinese or English labels or their keys, in any order, any subset. A blank cell is a fact not given, never “no”; a row with an evaluation date (asOf) cell is evaluated on that date.',
  ],
  columnsCount: ['{n} 列', '{n} columns'],
  key: ['键', 'key'],
  cell: ['填写', 'Cell'],
  example: ['例', 'e.g.'],
  values: ['可选值（{n} 个）', 'Values ({n})'],
  basics: ['基本信息', 'Enterprise'],
});

/** @typedef {keyof typeof WORDS} WordKey */

/**
 * A page word in the page's language, `{name}` placeholders filled.
 * @param {WordKey} key
 * @param {Record<string, string | number>} [vars]
 */
export const say = (key, vars = {}) => pick(WORDS[key]).replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));

/** A number as the page's language writes it. @param {number} n */
export const num = (n) => n.toLocaleString(pick(['zh-CN', 'en']));
