// @ts-check
// The summary of a finished run, shown before the download: the headline counts, charts by audit status, city and
// industry, the rows that could not be evaluated (with why), and the result file.
import { h } from '../dom.js';
import { valueLabel } from '../labels.js';
import { pick, state } from '../state.js';
import { barChart } from './chart.js';
import { num, say } from './words.js';

/** @import { JobStatus } from '../../jobs/status.ts' */
/** @typedef {NonNullable<JobStatus['summary']>} Summary */
/** @typedef {Summary['byCity'][number]} Group */

/** Industries shown in their chart (those with most enterprises). */
const TOP_INDUSTRIES = 12;
const STATUSES = /** @type {const} */ (['mandatory', 'required', 'deemed-done', 'encouraged', 'not-required']);

/** A city's or industry's name in the page's language (the key where the labels have none). @param {'cities' | 'industries'} kind @param {string} key */
function nameOf(kind, key) {
  if (key === '(none)') return say('notGiven');
  const names = state.labels?.[state.lang]?.[kind]?.[key];
  return names ? pick([names.zh, names.en]) : key;
}

/** The three counts of a group as a chart row. @param {Group} g @param {string} label */
const groupRow = (g, label) => ({ label: `${label} · ${say('enterprisesN', { n: num(g.rows) })}`, values: [g.mustAudit, g.overdue, g.missed] });

/** The three series every group chart shows. */
const groupSeries = () => [
  { name: say('mustAudit'), cls: 's-must' },
  { name: say('overdue'), cls: 's-overdue' },
  { name: say('missed'), cls: 's-missed' },
];

/** One headline figure. @param {string} label @param {number} value @param {string} [hint] @param {string} [cls] */
const figure = (label, value, hint, cls) =>
  h('div', { class: `figure${cls ? ` ${cls}` : ''}` }, h('dt', {}, label), h('dd', {}, num(value)), hint ? h('dd', { class: 'hint' }, hint) : null);

/** @param {Summary} s */
function headline(s) {
  return h(
    'dl',
    { class: 'figures' },
    figure(say('rows'), s.rows),
    figure(say('evaluated'), s.evaluated),
    figure(say('errorRows'), s.failed, undefined, s.failed > 0 ? 'bad' : undefined),
    figure(say('mustAudit'), s.mustAudit, say('mustAuditHint'), 'must'),
    figure(say('overdue'), s.overdue, say('overdueHint'), 'overdue'),
    figure(say('missed'), s.missed, say('missedHint'), 'missed'),
  );
}

/** @param {Summary} s @param {number} width */
function charts(s, width) {
  const statusRows = STATUSES.map((k) => ({ label: pick(valueLabel('auditStatus', k)), values: [s.status[k] ?? 0], cls: `st-${k}` }));
  if (s.failed > 0) statusRows.push({ label: say('notEvaluated'), values: [s.failed], cls: 'st-failed' });
  const industries = s.byIndustry.slice(0, TOP_INDUSTRIES);
  return h(
    'div',
    { class: 'charts' },
    barChart({ id: 'chart-status', title: say('byStatus'), rows: statusRows, series: [{ name: say('rows'), cls: 'st-mandatory' }], width }),
    barChart({ id: 'chart-city', title: say('byCity'), rows: s.byCity.map((g) => groupRow(g, nameOf('cities', g.key))), series: groupSeries(), width }),
    barChart({
      id: 'chart-industry',
      title: say('byIndustry', { n: Math.min(TOP_INDUSTRIES, industries.length) }),
      rows: industries.map((g) => groupRow(g, nameOf('industries', g.key))),
      series: groupSeries(),
      width,
    }),
  );
}

/** The rows that could not be evaluated, each with its place and why (a list: it reads on a phone as on a desktop). @param {Summary} s */
function failures(s) {
  if (s.failed === 0) return h('p', { class: 'empty' }, say('noFailures'));
  const more = s.failed - s.failures.length;
  return h(
    'section',
    { class: 'failures', 'aria-labelledby': 'failures-heading' },
    h('h3', { id: 'failures-heading' }, `${say('failures')} (${num(s.failed)})`),
    h('p', {}, say('failuresIntro')),
    h(
      'ol',
      { id: 'failure-list' },
      s.failures.map((f) =>
        h(
          'li',
          { class: 'failure', 'data-row': String(f.row) },
          h(
            'p',
            { class: 'where' },
            h('strong', {}, say('rowN', { n: f.row })),
            f.id ? [' · ', h('span', { class: 'id' }, f.id)] : null,
            f.name ? ` · ${f.name}` : '',
          ),
          h('p', { class: 'why' }, f.error),
        ),
      ),
    ),
    more > 0 ? h('p', {}, say('moreFailures', { n: num(more) })) : null,
  );
}

/**
 * Renders a finished job's summary into `body`, with the charts drawn at `body`'s width.
 * @param {JobStatus} job
 * @param {HTMLElement} body
 */
export function renderSummary(job, body) {
  const s = job.summary;
  if (!s) return;
  const width = Math.min(body.clientWidth || 600, 720);
  const kept = job.expiresAt ? new Date(job.expiresAt).toLocaleString(pick(['zh-CN', 'en'])) : '';
  body.replaceChildren(
    h('p', { class: 'as-of' }, say('summaryOf', { file: job.fileName, asOf: job.asOf })),
    headline(s),
    h(
      'p',
      { class: 'download' },
      h('a', { class: 'button', id: 'download', href: job.links.result, download: '' }, say('download', { format: job.format.toUpperCase() })),
    ),
    kept ? h('p', { class: 'hint' }, say('keptUntil', { time: kept })) : '',
    charts(s, width),
    failures(s),
  );
}
