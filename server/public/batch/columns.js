// @ts-check
// The column documentation: every column a sheet may have (GET /v1/templates/columns), grouped as the profile is, with
// its label in the page's language, its key, what a cell holds, an example, and the names of its values (GET /v1/labels).
import { h } from '../dom.js';
import { pick, state } from '../state.js';
import { num, say } from './words.js';

/** @typedef {{ key: string, label: { zh: string, en: string }, kind: string, cell: { zh: string, en: string }, example?: string }} ColumnDoc */

/** The columns, as loaded. @type {ColumnDoc[]} */
let columns = [];

/** Loads the columns' documentation. */
export async function loadColumns() {
  const res = await fetch('/v1/templates/columns', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /v1/templates/columns: HTTP ${res.status}`);
  columns = (await res.json()).columns;
}

/** A column's group: the profile object it sits in (location, audit…), or the enterprise itself. @param {string} key */
const groupOf = (key) => (key.includes('.') ? key.slice(0, key.indexOf('.')) : '');

/** The names of a column's values, where they have names (cities, industries, sectors…). @param {string} key */
function valuesOf(key) {
  const options = state.labels?.[state.lang]?.fields[key]?.options;
  if (!options) return null;
  const entries = Object.entries(options);
  return h(
    'details',
    { class: 'values' },
    h('summary', {}, say('values', { n: num(entries.length) })),
    h(
      'ul',
      {},
      entries.map(([value, name]) => h('li', {}, h('code', {}, value), value === name ? '' : ` ${name}`)),
    ),
  );
}

/** One column. @param {ColumnDoc} c */
const column = (c) =>
  h(
    'li',
    { class: 'column-doc', 'data-key': c.key },
    h('p', { class: 'column-name' }, h('strong', {}, pick([c.label.zh, c.label.en])), ' ', h('code', {}, c.key)),
    h('p', { class: 'column-cell' }, pick([c.cell.zh, c.cell.en]), c.example ? [' · ', say('example'), ' ', h('code', {}, c.example)] : null),
    valuesOf(c.key),
  );

/** Renders the documentation into `body`, grouped; the first group open. @param {HTMLElement} body */
export function renderColumns(body) {
  /** @type {Map<string, ColumnDoc[]>} */
  const groups = new Map();
  for (const c of columns) {
    const g = c.key === 'asOf' ? '' : groupOf(c.key);
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  const fields = state.labels?.[state.lang]?.fields ?? {};
  body.replaceChildren(
    h('p', {}, say('columnsIntro')),
    ...[...groups].map(([g, list], i) =>
      h(
        'details',
        { class: 'column-group', open: i === 0 },
        h('summary', {}, `${g ? (fields[g]?.label ?? g) : say('basics')} · ${say('columnsCount', { n: list.length })}`),
        h('ul', { class: 'column-list' }, list.map(column)),
      ),
    ),
  );
}
