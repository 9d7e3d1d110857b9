// @ts-check
// The enterprise's timeline (POST /v1/timeline) as a chart under the answer: the periods of each audit status as a
// band, the audit duties' due dates and the deadlines met, missed and made up as marks on a second row, years below.
// The same data as tables, for screen readers and for reading exact dates. Redrawn on a language switch or resize.
import { byId, h } from './dom.js';
import { valueLabel } from './labels.js';
import { pick } from './state.js';
import { chartWidth, s, textWidth } from './svg.js';
import { tr } from './text.js';

/**
 * @typedef {{ from: string, to: string, audit: { status: string, dueBy: string | null, overdue: boolean | null } }} Period
 * @typedef {{ date: string, kind: 'due' | 'met' | 'missed' | 'made-up', id: string, ruleset: string, version: string }} Point
 * @typedef {{ from: string, to: string, periods: Period[], points: Point[] }} Timeline
 */

/** The last timeline drawn, kept for a redraw. @type {Timeline | null} */
let shown = null;
let seq = 0;

const DAY = 86_400_000;
const day = (/** @type {string} */ d) => Date.parse(`${d}T00:00:00Z`) / DAY;
/** @type {Record<Point['kind'], import('./text.js').TextKey>} */
const KIND_TEXT = { due: 'tlDue', met: 'tlMet', missed: 'tlMissed', 'made-up': 'tlMadeUp' };

/**
 * Asks for the timeline of the profile up to the evaluation date and draws it; an older request's answer is dropped.
 * @param {Record<string, unknown>} profile
 * @param {string} asOf
 */
export async function loadTimeline(profile, asOf) {
  const mine = ++seq;
  const box = byId('timeline');
  box.hidden = false;
  byId('timeline-body').replaceChildren(h('p', { role: 'status' }, tr('tlLoading')));
  const from = asOf < '2003-01-01' ? asOf : '2003-01-01';
  try {
    const res = await fetch('/v1/timeline', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
      body: JSON.stringify({ profile, from, to: asOf }),
    });
    const data = await res.json();
    if (mine !== seq) return;
    if (!res.ok) throw new Error(data.detail ?? `HTTP ${res.status}`);
    shown = data;
    drawTimeline();
  } catch (err) {
    if (mine !== seq) return;
    shown = null;
    byId('timeline-body').replaceChildren(h('p', { class: 'error' }, tr('tlFailed') + String(err instanceof Error ? err.message : err)));
  }
}

/** Draws the last timeline again (language switch, resize). */
export function drawTimeline() {
  if (!shown) return;
  const t = shown;
  const body = byId('timeline-body');
  body.replaceChildren();
  const width = chartWidth(byId('timeline'));
  const pad = 18;
  const t0 = day(t.from);
  const t1 = day(t.to) + 1;
  const x = (/** @type {string} */ d) => pad + ((day(d) - t0) / (t1 - t0)) * (width - 2 * pad);
  const status = (/** @type {string} */ k) => pick(valueLabel('auditStatus', k));
  const bands = t.periods.map((p) => {
    const x1 = x(p.from);
    const x2 = pad + ((day(p.to) + 1 - t0) / (t1 - t0)) * (width - 2 * pad);
    const label = status(p.audit.status);
    return s(
      'g',
      { class: 'tl-period' },
      s('rect', { x: x1, y: 8, width: Math.max(1, x2 - x1), height: 30, class: `tl-s-${p.audit.status}` }, s('title', {}, `${p.from} – ${p.to}: ${label}`)),
      x2 - x1 > textWidth(label) + 8 ? s('text', { x: x1 + 4, y: 28, class: 'tl-label' }, label) : null,
    );
  });
  const marks = t.points.map((p) => {
    const cx = x(p.date);
    const what = `${p.date} ${tr(KIND_TEXT[p.kind])}: ${p.id}`;
    const title = s('title', {}, what);
    if (p.kind === 'due') return s('path', { d: `M${cx - 6} 50 L${cx + 6} 50 L${cx} 61 Z`, class: 'tl-due' }, title);
    if (p.kind === 'missed') return s('path', { d: `M${cx - 5} 64 L${cx + 5} 74 M${cx + 5} 64 L${cx - 5} 74`, class: 'tl-missed' }, title);
    return s('circle', { cx, cy: 69, r: 5, class: p.kind === 'met' ? 'tl-met' : 'tl-made-up' }, title);
  });
  const first = Number(t.from.slice(0, 4));
  const last = Number(t.to.slice(0, 4));
  const perYear = (width - 2 * pad) / Math.max(1, (t1 - t0) / 365.25);
  const step = [1, 2, 5, 10, 20].find((n) => n * perYear >= 44) ?? 50;
  const ticks = [];
  for (let y = Math.ceil((first + (t.from.endsWith('01-01') ? 0 : 1)) / step) * step; y <= last; y += step) {
    const tx = x(`${y}-01-01`);
    ticks.push(s('line', { x1: tx, x2: tx, y1: 80, y2: 86, class: 'tl-tick' }), s('text', { x: tx, y: 100, class: 'tl-year' }, y));
  }
  const missed = t.points.filter((p) => p.kind === 'missed').length;
  const desc = tr('tlDesc', {
    from: t.from,
    to: t.to,
    periods: t.periods.length,
    missed,
    statuses: [...new Set(t.periods.map((p) => status(p.audit.status)))].join(tr('listSeparator')),
  });
  body.append(
    s(
      'svg',
      { class: 'tl-chart', width, height: 108, viewBox: `0 0 ${width} 108`, role: 'img', 'aria-labelledby': 'tl-title tl-desc' },
      s('title', { id: 'tl-title' }, tr('timeline')),
      s('desc', { id: 'tl-desc' }, desc),
      bands,
      s('line', { x1: pad, x2: width - pad, y1: 80, y2: 80, class: 'tl-axis' }),
      marks,
      ticks,
    ),
    legend(t),
    tables(t, status),
  );
}

/** The statuses and marks the chart shows, with their names. @param {Timeline} t */
function legend(t) {
  const statuses = [...new Set(t.periods.map((p) => p.audit.status))];
  const kinds = /** @type {Point['kind'][]} */ (['due', 'met', 'missed', 'made-up']).filter((k) => t.points.some((p) => p.kind === k));
  return h(
    'ul',
    { class: 'tl-legend', 'aria-hidden': 'true' },
    statuses.map((k) => h('li', {}, h('span', { class: `swatch tl-s-${k}` }), pick(valueLabel('auditStatus', k)))),
    kinds.map((k) => h('li', {}, h('span', { class: `mark mark-${k}` }), tr(KIND_TEXT[k]))),
  );
}

/**
 * The periods and the marks as tables.
 * @param {Timeline} t
 * @param {(k: string) => string} status
 */
function tables(t, status) {
  const periods = h(
    'table',
    { class: 'data', id: 'tl-periods' },
    h('caption', {}, tr('tlPeriods')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [tr('tlFrom'), tr('tlTo'), tr('status'), tr('dueBy'), tr('overdue')].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      t.periods.map((p) =>
        h(
          'tr',
          { 'data-status': p.audit.status },
          h('td', {}, p.from),
          h('td', {}, p.to),
          h('td', {}, status(p.audit.status)),
          h('td', {}, p.audit.dueBy ?? tr('none')),
          h('td', {}, p.audit.overdue === null ? tr('notKnown') : tr(p.audit.overdue ? 'yes' : 'no')),
        ),
      ),
    ),
  );
  const events = t.points.length
    ? h(
        'table',
        { class: 'data', id: 'tl-points' },
        h('caption', {}, tr('tlEvents')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [tr('tlDate'), tr('tlEvent'), tr('tlRule')].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          t.points.map((p) => h('tr', { 'data-kind': p.kind }, h('td', {}, p.date), h('td', {}, tr(KIND_TEXT[p.kind])), h('td', {}, h('code', {}, p.id)))),
        ),
      )
    : h('p', {}, tr('tlNoEvents'));
  return h('details', { class: 'tl-tables' }, h('summary', {}, tr('asTable')), periods, events);
}
