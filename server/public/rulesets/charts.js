// @ts-check
// A horizontal bar chart as inline SVG, each bar labelled with its name and count (readable without colour), with
// the same numbers as a table for screen readers and exact reading. Sized to the width it is drawn at.
import { h } from '../dom.js';
import { s, textWidth } from '../svg.js';
import { tr } from './text.js';

/**
 * @typedef {{ label: string, value: number, cls?: string, key?: string }} Bar
 */

/**
 * A bar chart with its table.
 * @param {{ id: string, title: string, caption?: string, bars: Bar[], width: number, valueHeader?: string }} o
 * @returns {HTMLElement}
 */
export function barChart({ id, title, caption = title, bars, width, valueHeader = tr('count') }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const pad = 4;
  const row = 40;
  const height = bars.length * row + pad;
  const room = width - 2 * pad - 56;
  const svg = s(
    'svg',
    { class: 'bar-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, id },
    s('title', { id: `${id}-title` }, title),
    s('desc', { id: `${id}-desc` }, bars.map((b) => `${b.label}: ${b.value}`).join('; ')),
    bars.map((b, i) => {
      const y = pad + i * row;
      const w = Math.max(2, (b.value / max) * room);
      const label = shorten(b.label, width - 2 * pad);
      return s(
        'g',
        { class: 'bar', 'data-key': b.key ?? b.label, 'data-value': b.value },
        s('text', { x: pad, y: y + 13, class: 'bar-label' }, label),
        s('rect', { x: pad, y: y + 18, width: w, height: 16, class: `bar-rect ${b.cls ?? ''}` }),
        s('text', { x: pad + w + 6, y: y + 31, class: 'bar-value' }, b.value),
      );
    }),
  );
  const table = h(
    'table',
    { class: 'data' },
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, title), h('th', { scope: 'col', class: 'num' }, valueHeader))),
    h(
      'tbody',
      {},
      bars.map((b) => h('tr', {}, h('td', {}, b.label), h('td', { class: 'num' }, b.value))),
    ),
  );
  return h('figure', { class: 'chart' }, h('figcaption', {}, caption), svg, h('details', {}, h('summary', {}, tr('asTable')), table));
}

/** A label shortened with … to fit a width. @param {string} text @param {number} width */
function shorten(text, width) {
  if (textWidth(text) <= width) return text;
  let out = text;
  while (out.length > 1 && textWidth(`${out}…`) > width) out = out.slice(0, -1);
  return `${out}…`;
}
