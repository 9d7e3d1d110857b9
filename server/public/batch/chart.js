// @ts-check
// Small horizontal bar charts as inline SVG (no library): one row per category, one bar per series, drawn at the
// width they are shown at (so their text stays 13 px on a phone and on a desktop), with a legend and the same numbers
// as a table for those who do not see the chart. Colours come from batch.css classes (the CSP allows no inline style).
import { h } from '../dom.js';
import { num, say } from './words.js';

const SVG = 'http://www.w3.org/2000/svg';
const FONT = 13;

/**
 * @typedef {{ label: string, values: number[], cls?: string }} BarRow  one category; `cls` colours a one-series row
 * @typedef {{ name: string, cls: string }} Series
 */

/**
 * An SVG element with attributes.
 * @param {string} tag
 * @param {Record<string, string | number>} attrs
 * @param {...(Node | string)} children
 * @returns {SVGElement}
 */
function svg(tag, attrs, ...children) {
  const el = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

/** About how wide a label is drawn, in px: a CJK character is about a font's width, others about half. @param {string} s */
const textWidth = (s) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? FONT : FONT * 0.56), 0);

/** The label cut to fit `max` px, with an ellipsis. @param {string} s @param {number} max */
function clipped(s, max) {
  if (textWidth(s) <= max) return s;
  let out = '';
  for (const c of s) {
    if (textWidth(`${out}${c}…`) > max) break;
    out += c;
  }
  return `${out}…`;
}

/**
 * A bar chart in a figure: caption, legend (several series), the SVG and its numbers as a table.
 * @param {{ id: string, title: string, rows: BarRow[], series: Series[], width: number }} chart
 * @returns {HTMLElement}
 */
export function barChart({ id, title, rows, series, width }) {
  const w = Math.max(280, Math.floor(width));
  const labelW = Math.min(Math.round(w * 0.38), 180);
  const valueW = 8 + textWidth(num(Math.max(0, ...rows.flatMap((r) => r.values))));
  const area = Math.max(40, w - labelW - valueW - 8);
  const barH = series.length === 1 ? 18 : 10;
  const groupH = series.length * barH + (series.length - 1) * 2;
  const rowH = groupH + 10;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const plot = svg('svg', {
    width: w,
    height: rows.length * rowH + 4,
    viewBox: `0 0 ${w} ${rows.length * rowH + 4}`,
    role: 'img',
    'aria-labelledby': `${id}-title`,
    class: 'bars',
  });
  plot.append(svg('title', { id: `${id}-title` }, title));
  rows.forEach((row, i) => {
    const y0 = i * rowH + 4;
    const label = svg('text', { x: labelW - 8, y: y0 + groupH / 2 + FONT * 0.35, 'text-anchor': 'end', class: 'label' }, clipped(row.label, labelW - 12));
    label.append(svg('title', {}, row.label));
    plot.append(label);
    series.forEach((s, j) => {
      const value = row.values[j] ?? 0;
      const y = y0 + j * (barH + 2);
      const length = value > 0 ? Math.max(2, (value / max) * area) : 0;
      const bar = svg('rect', { x: labelW, y, width: length, height: barH, rx: 2, class: `bar ${row.cls ?? s.cls}` });
      bar.append(svg('title', {}, `${row.label} · ${s.name}: ${num(value)}`));
      plot.append(bar);
      // a zero of several series is left unwritten (its bar is absent; the table has it), so the chart stays legible
      if (value > 0 || series.length === 1) plot.append(svg('text', { x: labelW + length + 4, y: y + barH / 2 + FONT * 0.35, class: 'value' }, num(value)));
    });
  });
  const legend =
    series.length > 1
      ? h(
          'ul',
          { class: 'legend' },
          series.map((s) => h('li', {}, h('span', { class: `swatch ${s.cls}`, 'aria-hidden': 'true' }), s.name)),
        )
      : null;
  const table = h(
    'details',
    { class: 'chart-table' },
    h('summary', {}, say('table')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, say('category')),
          series.map((s) => h('th', { scope: 'col' }, s.name)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, r.label),
            r.values.map((v) => h('td', {}, num(v))),
          ),
        ),
      ),
    ),
  );
  return h('figure', { class: 'chart', id }, h('figcaption', {}, title), legend, plot, table);
}
