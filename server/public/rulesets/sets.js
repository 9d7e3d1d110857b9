// @ts-check
// Every rule set and version (GET /v1/rulesets): title, document, jurisdiction, each version's period and rule count,
// its assumptions (GET /v1/rulesets/{id}/versions/{version}, loaded when opened) and the CHANGELOG
// (GET /v1/rulesets/{id}/changelog), with a link to each version's source text.
import { byId, h } from '../dom.js';
import { optionLabel } from '../labels.js';
import { langTag, pick } from '../state.js';
import { api, errorText } from './api.js';
import { markdownBlocks } from './markdown.js';
import { tr } from './text.js';

/**
 * @typedef {{ zh: string, en: string }} Bi
 * @typedef {{ version: string, title: Bi, validFrom: string, validTo: string | null, rules: number, sha256: string }} VersionSummary
 * @typedef {{ level: string, province?: string, city?: string, districts?: string[] }} Jurisdiction
 * @typedef {{ id: string, title: Bi, jurisdiction: Jurisdiction, source: { document: string }, versions: VersionSummary[] }} RuleSetSummary
 * @typedef {{ id: string, about: string, decision: string, why: string }} Assumption
 */

/** GET /v1/rulesets, once. @type {RuleSetSummary[]} */
export let ruleSets = [];

/** Loads the rule sets. */
export async function loadRuleSets() {
  ruleSets = await api('/v1/rulesets');
  return ruleSets;
}

/** A period in words. @param {string} from @param {string | null} to */
export const periodText = (from, to) => `${from} – ${to ?? tr('open')}`;

/** A version's jurisdiction in words (names from the labels). @param {Jurisdiction} j */
export function jurisdictionText(j) {
  if (j.level === 'country') return tr('country');
  if (j.level === 'province') return j.province === 'guangdong' ? tr('guangdong') : (j.province ?? '');
  const city = pick(optionLabel('location.city', j.city ?? ''));
  const districts = (j.districts ?? []).map((d) => pick(optionLabel('location.district', d)));
  return districts.length ? `${city} (${districts.join(', ')})` : city;
}

/**
 * A <details> whose content is loaded the first time it is opened.
 * @param {string} summary
 * @param {() => Promise<HTMLElement[]>} load
 * @param {Record<string, unknown>} [attrs]
 */
function lazyDetails(summary, load, attrs = {}) {
  const body = h('div', { class: 'lazy' });
  const details = h('details', attrs, h('summary', {}, summary), body);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    body.replaceChildren(h('p', { role: 'status' }, tr('loading')));
    try {
      body.replaceChildren(...(await load()));
    } catch (err) {
      loaded = false;
      body.replaceChildren(h('p', { class: 'error' }, tr('loadFailed') + errorText(err)));
    }
  });
  return details;
}

/** A version's assumptions, as written in its rule file (English). @param {string} id @param {string} version */
async function assumptions(id, version) {
  /** @type {{ assumptions: Assumption[] }} */
  const file = await api(`/v1/rulesets/${id}/versions/${version}`);
  return [
    h(
      'dl',
      { class: 'assumptions', lang: 'en' },
      file.assumptions.map((a) => [
        h('dt', {}, h('code', {}, a.id), ' ', a.about),
        h('dd', {}, h('strong', {}, `${tr('decision')}: `), a.decision, h('br'), h('strong', {}, `${tr('why')}: `), a.why),
      ]),
    ),
  ];
}

/** @param {string} id */
async function changelog(id) {
  /** @type {{ markdown: string }} */
  const doc = await api(`/v1/rulesets/${id}/changelog`);
  return [h('div', { class: 'changelog', lang: 'en' }, markdownBlocks(doc.markdown.replace(/^# .*\n/, '')))];
}

/**
 * One rule set: its versions as a table, each with its assumptions and a link to its source; then its CHANGELOG.
 * @param {RuleSetSummary} set
 * @param {(key: string) => void} openSource
 */
function ruleSetCard(set, openSource) {
  const rows = [...set.versions]
    .reverse()
    .map((v) =>
      h(
        'tr',
        { 'data-version': v.version },
        h('th', { scope: 'row' }, h('code', {}, v.version)),
        h('td', { lang: langTag() }, pick([v.title.zh, v.title.en])),
        h('td', { class: 'nowrap' }, periodText(v.validFrom, v.validTo)),
        h('td', { class: 'num' }, v.rules),
        h('td', {}, h('button', { type: 'button', class: 'secondary small', onclick: () => openSource(`${set.id}@${v.version}`) }, tr('showSource'))),
      ),
    );
  return h(
    'article',
    { class: 'ruleset-card', id: `set-${set.id}`, 'data-id': set.id },
    h('h3', { lang: langTag() }, pick([set.title.zh, set.title.en]), ' ', h('code', {}, set.id)),
    h(
      'p',
      { class: 'meta' },
      `${tr('document')}: `,
      h('span', { lang: 'zh-CN' }, set.source.document),
      ` · ${tr('jurisdiction')}: ${jurisdictionText(set.jurisdiction)}`,
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data versions' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [tr('version'), tr('heading'), tr('period'), tr('rules'), ''].map((c, i) => h('th', { scope: 'col', class: i === 3 ? 'num' : undefined }, c)),
          ),
        ),
        h('tbody', {}, rows),
      ),
    ),
    h(
      'div',
      { class: 'assumption-list' },
      [...set.versions]
        .reverse()
        .map((v) =>
          lazyDetails(`${tr('assumptions')} · ${v.version}`, () => assumptions(set.id, v.version), { class: 'assumptions-box', 'data-version': v.version }),
        ),
    ),
    lazyDetails(tr('changelog'), () => changelog(set.id), { class: 'changelog-box' }),
  );
}

/**
 * Renders every rule set into #sets-body.
 * @param {(key: string) => void} openSource
 */
export function renderRuleSets(openSource) {
  const note = tr('englishNote');
  byId('sets-body').replaceChildren(...(note ? [h('p', { class: 'hint' }, note)] : []), ...ruleSets.map((set) => ruleSetCard(set, openSource)));
}
