// @ts-check
// Impact of a new version on a population (POST /v1/rulesets/{id}/impact/detail for a synthetic one, …/impact/file for
// an uploaded CSV or JSONL): the audit-status transitions as a chart, by city and by industry, the example profiles
// of each transition as links into the self-assessment page, and each rule's change.
import { byId, h } from '../dom.js';
import { optionLabel, valueLabel } from '../labels.js';
import { profileLink } from '../profile-link.js';
import { pick } from '../state.js';
import { chartWidth } from '../svg.js';
import { acceptLanguage, api, errorText, postJson } from './api.js';
import { barChart } from './charts.js';
import { ruleSets } from './sets.js';
import { tr } from './text.js';

/**
 * @typedef {{ from: string, to: string, count: number }} Transition
 * @typedef {{ key: string | null, population: number, changed: number, transitions: Transition[] }} Breakdown
 * @typedef {{ ruleset: string, from: string, to: string, asOf: string, population: number, changed: number, groups: { change: string, count: number }[], transitions: (Transition & { examples: Record<string, unknown>[] })[], byCity: Breakdown[], byIndustry: Breakdown[], skipped: { row: number, message: string }[], skippedRows: number }} Impact
 */

/** The last result, for a redraw in the other language. @type {Impact | null} */
let shown = null;
let seq = 0;
/** Most industries charted (the table lists them all). */
const TOP_INDUSTRIES = 15;

/** Fills the rule set and version choices (older → newer by default). @param {boolean} [reset] */
export function fillImpactChoice(reset = false) {
  const setSel = byId('impact-ruleset', HTMLSelectElement);
  if (!setSel.options.length) for (const set of ruleSets) setSel.append(h('option', { value: set.id }, set.id));
  const set = ruleSets.find((x) => x.id === setSel.value) ?? ruleSets[0];
  if (!set) return;
  for (const [id, index] of /** @type {const} */ ([
    ['impact-from', 0],
    ['impact-to', 1],
  ])) {
    const select = byId(id, HTMLSelectElement);
    const keep = reset ? '' : select.value;
    select.replaceChildren(...set.versions.map((v) => h('option', { value: v.version }, v.version)));
    select.value = keep && set.versions.some((v) => v.version === keep) ? keep : (set.versions[Math.min(index, set.versions.length - 1)]?.version ?? '');
  }
}

const statusName = (/** @type {string} */ k) => pick(valueLabel('auditStatus', k));
const statusChanges = (/** @type {Breakdown} */ b) => b.transitions.reduce((n, t) => n + t.count, 0);

/** Runs the impact the form asks for. */
export async function runImpact() {
  const id = byId('impact-ruleset', HTMLSelectElement).value;
  const from = byId('impact-from', HTMLSelectElement).value;
  const to = byId('impact-to', HTMLSelectElement).value;
  const asOf = byId('impact-asof', HTMLInputElement).value;
  const body = byId('impact-body');
  if (from === to) return void body.replaceChildren(h('p', { class: 'error' }, tr('sameVersion')));
  const useFile = byId('pop-file', HTMLInputElement).checked;
  const file = byId('impact-file', HTMLInputElement).files?.[0];
  if (useFile && !file) return void body.replaceChildren(h('p', { class: 'error' }, tr('noFile')));
  const mine = ++seq;
  const button = byId('impact-run', HTMLButtonElement);
  button.disabled = true;
  body.replaceChildren(h('p', { role: 'status' }, tr('computing')));
  try {
    /** @type {Impact} */
    let result;
    if (useFile && file) {
      const type = /\.csv$/i.test(file.name) ? 'text/csv' : 'application/x-ndjson';
      const q = new URLSearchParams({ from, to, name: file.name, ...(asOf ? { asOf } : {}) });
      result = await api(`/v1/rulesets/${id}/impact/file?${q}`, {
        method: 'POST',
        headers: { 'content-type': type, 'accept-language': acceptLanguage() },
        body: await file.text(),
      });
    } else {
      const n = Number(byId('impact-n', HTMLInputElement).value);
      const seed = Number(byId('impact-seed', HTMLInputElement).value);
      result = await postJson(`/v1/rulesets/${id}/impact/detail`, { from, to, synthetic: { n, seed }, ...(asOf ? { asOf } : {}) });
    }
    if (mine !== seq) return;
    shown = result;
    drawImpact();
  } catch (err) {
    if (mine === seq) body.replaceChildren(h('p', { class: 'error' }, tr('failed') + errorText(err)));
  } finally {
    button.disabled = false;
  }
}

/** A city's or an industry's name (from the labels), or "not given". @param {'location.city' | 'industry.keys'} path @param {string | null} key */
const groupName = (path, key) => (key === null ? tr('notGiven') : pick(optionLabel(path, key)));

/**
 * A breakdown as a chart of the status changes in each group, with a table of its size and changes.
 * @param {string} id
 * @param {string} title
 * @param {'location.city' | 'industry.keys'} path
 * @param {Breakdown[]} rows
 * @param {number} width
 * @param {number} [top]
 */
function breakdown(id, title, path, rows, width, top = rows.length) {
  const sorted = [...rows].sort((a, b) => statusChanges(b) - statusChanges(a) || b.population - a.population);
  const charted = sorted.filter((r) => statusChanges(r) > 0).slice(0, top);
  const chart = barChart({
    id,
    title: `${title} — ${tr('statusChanges')}`,
    caption: tr('statusChangesOf'),
    bars: charted.map((r) => ({
      key: r.key ?? '',
      label: `${groupName(path, r.key)} (${statusChanges(r)}/${r.population})`,
      value: statusChanges(r),
      cls: 'bar-status',
    })),
    width,
  });
  const table = h(
    'table',
    { class: 'data' },
    h('caption', {}, title),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [title, tr('enterprises'), tr('statusChanges'), tr('otherChanges')].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : undefined }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      sorted.map((r) =>
        h(
          'tr',
          { 'data-key': r.key ?? '' },
          h('td', {}, groupName(path, r.key)),
          h('td', { class: 'num' }, r.population),
          h('td', { class: 'num' }, statusChanges(r)),
          h('td', { class: 'num' }, r.changed),
        ),
      ),
    ),
  );
  return h(
    'section',
    { class: 'impact-block', id: `${id}-block` },
    h('h4', {}, title),
    charted.length ? chart : h('p', {}, tr('transitionsNone')),
    h('details', {}, h('summary', {}, tr('allGroups', { what: title })), h('div', { class: 'table-wrap' }, table)),
  );
}

/** A rule's change line: "+ id (kind: outcome)" or "route a → b", in words where the labels name it. @param {string} change */
function changeText(change) {
  const route = /^route (\S+) → (\S+)$/.exec(change);
  if (route) return `${pick(valueLabel('route', route[1] ?? ''))} → ${pick(valueLabel('route', route[2] ?? ''))}`;
  const rule = /^([+−]) (\S+) \(/.exec(change);
  return rule ? `${rule[1]} ${rule[2]}` : change;
}

/** Draws the last impact again (language switch). */
export function drawImpact() {
  if (!shown) return;
  const r = shown;
  const body = byId('impact-body');
  body.replaceChildren();
  const width = chartWidth(body);
  const statusChanged = r.transitions.reduce((n, t) => n + t.count, 0);
  const transitions = barChart({
    id: 'impact-transitions',
    title: tr('transitions'),
    bars: r.transitions.map((t) => ({ key: `${t.from}>${t.to}`, label: `${statusName(t.from)} → ${statusName(t.to)}`, value: t.count, cls: `tl-s-${t.to}` })),
    width,
  });
  const examples = r.transitions.map((t) =>
    h(
      'li',
      { 'data-transition': `${t.from}>${t.to}` },
      `${statusName(t.from)} → ${statusName(t.to)}: `,
      t.examples.flatMap((p, i) => [
        i ? ', ' : '',
        h(
          'a',
          { href: profileLink(p, r.asOf), target: '_blank', rel: 'noopener', class: 'example-link' },
          tr('example', { n: i + 1 }),
          p.id ? ` (${p.id})` : '',
        ),
      ]),
    ),
  );
  body.append(
    h(
      'div',
      { class: 'impact-result' },
      h('h3', {}, `${r.ruleset}: ${r.from} → ${r.to}`),
      h('p', { id: 'impact-summary' }, tr('impactSummary', { asOf: r.asOf, population: r.population, changed: r.changed, statusChanged })),
      r.skippedRows
        ? h(
            'div',
            { class: 'skipped' },
            h('p', {}, tr('skipped', { n: r.skippedRows })),
            h(
              'ul',
              {},
              r.skipped.map((x) => h('li', {}, `${tr('row', { n: x.row })}: `, h('span', { lang: 'en' }, x.message))),
            ),
          )
        : null,
      h('section', { class: 'impact-block', id: 'impact-transitions-block' }, r.transitions.length ? transitions : h('p', {}, tr('transitionsNone'))),
      r.transitions.length ? h('div', { class: 'examples' }, h('h4', {}, tr('examples')), h('ul', {}, examples)) : null,
      breakdown('impact-city', tr('byCity'), 'location.city', r.byCity, width),
      breakdown('impact-industry', tr('byIndustry'), 'industry.keys', r.byIndustry, width, TOP_INDUSTRIES),
      h(
        'details',
        { class: 'groups' },
        h('summary', {}, tr('groupsIntro')),
        h(
          'ul',
          {},
          r.groups.filter((g) => !g.change.startsWith('audit ')).map((g) => h('li', {}, h('code', {}, changeText(g.change)), `: ${g.count}`)),
        ),
      ),
    ),
  );
}
