// @ts-check
// The page's own words (buttons, headings, messages), in zh and en. Everything about the profile and the answer —
// field labels and hints, option and value names, fact names — comes from GET /v1/labels (labels.js).
import { pick } from './state.js';

/** @import { Pair } from './state.js' */

export const UI = /** @type {const} @satisfies {Record<string, Pair>} */ ({
  title: ['广东清洁生产自评', 'Guangdong cleaner-production self-assessment'],
  basics: ['基本信息', 'Enterprise'],
  unknown: ['不清楚 / 不填', 'unknown / leave out'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
  not: ['非', 'NOT '],
  filterIndustries: ['筛选行业', 'Filter industries'],
  commaSeparated: ['多个值用逗号分隔', 'separate several values with commas'],
  titlesHeld: ['是否持有清洁生产称号', 'Holds cleaner-production titles'],
  titlesNone: ['没有称号', 'none'],
  titlesListed: ['有，见下列', 'yes, listed below'],
  addTitle: ['添加称号', 'Add a title'],
  removeTitle: ['删除此称号', 'Remove this title'],
  never: ['从未审核', 'never audited'],
  roundsListed: ['有，见下列', 'yes, listed below'],
  addRound: ['添加一轮审核', 'Add an audit round'],
  removeRound: ['删除此轮', 'Remove this round'],
  onDate: ['于某日完成', 'completed on a date'],
  lastCompletedDate: ['上一轮审核完成日期', 'Date the last audit was completed'],
  districtOther: ['区/县（拼音）', 'District or county (pinyin)'],
  loading: ['正在加载表单…', 'Loading the form…'],
  loadFailed: ['无法加载表单：', 'Could not load the form: '],
  evaluating: ['正在评估…', 'Evaluating…'],
  evaluateFailed: ['评估失败：', 'Evaluation failed: '],
  fixErrors: ['请更正以下内容：', 'Please correct the following:'],
  error: ['错误', 'error'],
  screenerStart: ['先回答这几个基本问题，然后点击“评估”。', 'Answer these basic questions first, then press “Evaluate”.'],
  screenerNext: [
    '以下问题最能改变结论（最关键的在前）。回答后再次评估；不清楚可留空。',
    'These questions could change the answer most (most decisive first). Answer them and evaluate again; leave out what you do not know.',
  ],
  screenerDone: ['没有更多可以改变结论的问题了。', 'No further question could change the answer.'],
  screenerStopped: ['已停止提问。仍有问题未回答，部分结论可能无法确定。', 'Questions stopped. Some remain unanswered, so some rules may stay undetermined.'],
  remaining: ['尚有 {n} 个事实可能影响结论', '{n} facts could still affect the answer'],
  stop: ['停止提问', 'Stop asking'],
  resume: ['继续提问', 'Resume questions'],
  fullFormOn: ['正在显示完整表单。', 'Showing the full form.'],
  audit: ['审核结论', 'Audit verdict'],
  status: ['审核要求', 'Audit status'],
  dueBy: ['完成期限', 'Due by'],
  none: ['无', 'none'],
  overdue: ['是否逾期', 'Overdue'],
  notKnown: ['无法确定', 'cannot tell'],
  couldBe: ['补充事实后可能变为', 'Could become, given more facts'],
  cycle: ['审核周期', 'Audit cycle'],
  years: ['{n} 年', '{n} years'],
  route: ['审核流程', 'Audit route'],
  acceptance: ['结果验收方式', 'How results are accepted'],
  reason: ['理由', 'Reason'],
  basis: ['依据', 'Basis'],
  incentives: ['可享受的激励', 'Incentives'],
  sanctions: ['面临的处罚', 'Sanctions'],
  obligations: ['其他义务', 'Obligations'],
  recommendations: ['推荐措施', 'Recommendations'],
  processDecisions: ['流程依据', 'Route basis'],
  whyNot: ['为何不适用', 'Why not'],
  whyNotIntro: [
    '以下激励（及简化流程）未适用；列出未满足的条件和企业的实际情况。',
    'These incentives (and the simplified route) did not apply: the conditions not met, with the enterprise’s values.',
  ],
  needs: ['要求', 'needs'],
  yours: ['企业情况', 'yours'],
  notGiven: ['未填写', 'not given'],
  because: ['成立条件', 'Because'],
  warnings: ['提示', 'Warnings'],
  undetermined: ['无法确定的规则', 'Undetermined rules'],
  undeterminedIntro: ['{n} 条规则因缺少事实而无法确定。', '{n} rules are undetermined for want of facts.'],
  rulesets: ['适用的规则集', 'Rule sets'],
  receipt: ['回执', 'Receipt'],
  receiptLine: ['引擎 {engine} · 企业档案 sha256 ', 'engine {engine} · profile sha256 '],
  ruleset: ['规则集', 'rule set'],
  fine: ['罚款', 'fine'],
  yuan: ['元', 'yuan'],
  noneFound: ['无', 'none'],
  asOfLabel: ['评估日期', 'As of'],
  dueNote: ['截止', 'due'],
  listSeparator: ['；', '; '],
});

/** @typedef {keyof typeof UI} TextKey */

/**
 * A page text in the page's language, with `{n}`-style placeholders filled.
 * @param {TextKey} key
 * @param {Record<string, string | number>} [vars]
 */
export const tr = (key, vars = {}) => pick(UI[key]).replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
