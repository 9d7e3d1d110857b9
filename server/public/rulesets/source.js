// @ts-check
// A version's source text (GET /v1/rulesets/{id}/versions/{version}/source), passage by passage: the quoted words
// marked, the rules quoting each passage beside it (click one: rule.js), and every passage no rule quotes visibly
// marked as such — with a switch to show only those.
import { byId, h } from '../dom.js';
import { langTag } from '../state.js';
import { api, errorText } from './api.js';
import { hideRule, showRule, shownRule } from './rule.js';
import { ruleSets } from './sets.js';
import { tr } from './text.js';

/**
 * @typedef {{ kind: 'rule' | 'warning', id: string, places: number }} Quoter
 * @typedef {{ line: number, text: string, heading?: number, marks: [number, number][], quotedBy: Quoter[] }} Passage
 * @typedef {{ title: string, kindText: string, outcomeText: string | null, section: string }} RuleName
 * @typedef {{ id: string, version: string, document: string, file: string, counts: { passages: number, quoted: number, quoters: number }, passages: Passage[], rules: Record<string, RuleName>, warnings: Record<string, { section: string, message: string }>, unlocated: Quoter[] }} Source
 */

let seq = 0;

/** Fills the version choice with every version of every rule set. */
export function fillSourceChoice() {
  const select = byId('source-version', HTMLSelectElement);
  const keep = select.value;
  select.replaceChildren(
    ...ruleSets.map((set) =>
      h(
        'optgroup',
        { label: set.id },
        [...set.versions].reverse().map((v) => h('option', { value: `${set.id}@${v.version}` }, `${set.id} ${v.version}`)),
      ),
    ),
  );
  if (keep) select.value = keep;
}

/** The passage's text with its quoted ranges in <mark>. @param {Passage} p */
function marked(p) {
  /** @type {(string | HTMLElement)[]} */
  const out = [];
  let at = 0;
  for (const [s, e] of p.marks) {
    if (s > at) out.push(p.text.slice(at, s));
    out.push(h('mark', {}, p.text.slice(s, e)));
    at = e;
  }
  out.push(p.text.slice(at));
  return out;
}

/**
 * One passage: its text, then the rules quoting it (buttons that open each) or the mark that none does.
 * @param {Source} src
 * @param {Passage} p
 */
function passage(src, p) {
  if (p.heading !== undefined) return h('h3', { class: 'source-h', 'data-line': p.line, lang: 'zh-CN' }, p.text.replace(/^#+\s*/, ''));
  const quoted = p.quotedBy.length > 0;
  const quoters = p.quotedBy.map((q) => {
    const times = q.places > 1 ? tr('places', { n: q.places }) : '';
    if (q.kind === 'warning')
      return h(
        'li',
        { class: 'warning-chip' },
        h('span', { class: 'badge' }, tr('warning')),
        ' ',
        h('code', {}, q.id),
        ' ',
        h('span', { lang: langTag() }, src.warnings[q.id]?.message ?? ''),
        times,
      );
    const r = src.rules[q.id];
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'rule-chip',
          'data-rule': q.id,
          'aria-controls': 'rule-panel',
          'aria-pressed': String(q.id === shownRule()),
          onclick: () => void showRule(src.id, src.version, q.id),
        },
        h('code', {}, q.id),
        h('span', { lang: langTag() }, ` ${r?.title ?? ''}`),
      ),
      h('span', { class: 'meta' }, ` ${r?.kindText ?? ''} · ${r?.section ?? ''}${times}`),
    );
  });
  return h(
    'div',
    { class: quoted ? 'passage quoted' : 'passage unquoted', 'data-line': p.line },
    h('p', { class: 'passage-text', lang: 'zh-CN' }, quoted ? null : h('span', { class: 'badge unquoted-badge' }, tr('notQuoted')), ' ', marked(p)),
    quoted ? h('ul', { class: 'quoters', 'aria-label': tr('quotedBy') }, quoters) : null,
  );
}

/**
 * Shows a version's source text (`id@version`), in the page's language; the rule shown beside it is closed unless
 * the same version is shown again (a language switch).
 * @param {string} key
 * @param {{ keepRule?: boolean }} [options]
 */
export async function loadSource(key, { keepRule = false } = {}) {
  const [id, version] = key.split('@');
  if (!id || !version) return;
  const mine = ++seq;
  const body = byId('source-body');
  const stats = byId('source-stats');
  byId('source-version', HTMLSelectElement).value = key;
  if (!keepRule) hideRule();
  stats.textContent = tr('loading');
  try {
    /** @type {Source} */
    const src = await api(`/v1/rulesets/${id}/versions/${version}/source`);
    if (mine !== seq) return;
    const c = src.counts;
    stats.textContent = tr('sourceStats', { quoters: c.quoters, quoted: c.quoted, passages: c.passages, unquoted: c.passages - c.quoted });
    body.replaceChildren(
      h(
        'div',
        { class: 'source-text' },
        h('p', { class: 'meta' }, h('span', { lang: 'zh-CN' }, src.document), ' · ', h('code', {}, `rules/${id}/${src.file}`)),
        src.unlocated.length
          ? h(
              'p',
              { class: 'error' },
              tr('unlocated'),
              src.unlocated.map((q) => h('code', {}, `${q.id} `)),
            )
          : null,
        src.passages.map((p) => passage(src, p)),
      ),
    );
    body.dataset.key = key;
  } catch (err) {
    if (mine === seq) stats.textContent = tr('failed') + errorText(err);
  }
}

/** Shows only the passages no rule quotes, or all. */
export function applyFilter() {
  byId('source-body').classList.toggle('only-unquoted', byId('only-unquoted', HTMLInputElement).checked);
}

/** The version shown, again in the page's language. */
export function redrawSource() {
  const key = byId('source-body').dataset.key;
  if (key) void loadSource(key, { keepRule: true });
}
