// @ts-check
// The diff of two versions in words (GET /v1/rulesets/{id}/diff/words): rules added and removed with their
// conditions, outcome and quote; rules changed with what changed, conditions before and after, and the semantic
// check's counterexample — a profile on which the two versions decide differently.
import { byId, h } from '../dom.js';
import { langTag } from '../state.js';
import { api, errorText } from './api.js';
import { conditionTree } from './rule.js';
import { ruleSets } from './sets.js';
import { tr } from './text.js';

/** @import { ConditionWords } from './rule.js' */
/**
 * @typedef {{ id: string, kindText: string, outcomeText: string | null, title: string, section: string, document: string, quote: string, conditions: ConditionWords }} RuleWords
 * @typedef {{ facts: { fact: string, label: string, value: string }[], before: string, after: string }} Counterexample
 * @typedef {{ id: string, previousId: string | null, title: string, kindText: string, changes: string[], conditions: { before: ConditionWords, after: ConditionWords, added: string[], removed: string[] } | null, wording: { from: string, to: string } | null, verdict: string, semantic: string, counterexample: Counterexample | null }} Changed
 * @typedef {{ ruleset: string, from: string, to: string, summary: string, differentTexts: string | null, metadata: string[], added: RuleWords[], removed: RuleWords[], changed: Changed[], unchanged: string[] }} DiffWords
 */

let seq = 0;

/** Fills the version choices for the chosen rule set (older → newer by default). @param {boolean} [reset] */
export function fillDiffChoice(reset = false) {
  const setSel = byId('diff-ruleset', HTMLSelectElement);
  if (!setSel.options.length) for (const set of ruleSets) setSel.append(h('option', { value: set.id }, set.id));
  const set = ruleSets.find((x) => x.id === setSel.value) ?? ruleSets[0];
  if (!set) return;
  for (const [sel, index] of /** @type {const} */ ([
    ['diff-from', 0],
    ['diff-to', 1],
  ])) {
    const select = byId(sel, HTMLSelectElement);
    const keep = reset ? '' : select.value;
    select.replaceChildren(...set.versions.map((v) => h('option', { value: v.version }, v.version)));
    select.value = keep && set.versions.some((v) => v.version === keep) ? keep : (set.versions[Math.min(index, set.versions.length - 1)]?.version ?? '');
  }
}

/** @param {RuleWords} r @param {'added' | 'removed'} how */
function ruleCard(r, how) {
  return h(
    'article',
    { class: `diff-rule ${how}`, 'data-id': r.id },
    h('h5', { lang: langTag() }, how === 'added' ? '+ ' : '− ', r.title),
    h('p', { class: 'meta' }, h('code', {}, r.id), ` · ${r.kindText}${r.outcomeText ? ` · ${r.outcomeText}` : ''}`),
    h('ul', { class: 'condition-tree' }, conditionTree(r.conditions)),
    h(
      'figure',
      { class: 'citation' },
      h('blockquote', { class: 'quote', lang: 'zh-CN' }, r.quote),
      h('figcaption', { lang: 'zh-CN' }, `${r.document} ${r.section}`),
    ),
  );
}

/** @param {Counterexample} ce */
function counterexample(ce) {
  return h(
    'div',
    { class: 'counterexample' },
    h(
      'table',
      { class: 'data' },
      h('caption', {}, tr('counterexample')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, tr('fact')), h('th', { scope: 'col' }, tr('value')))),
      h(
        'tbody',
        {},
        ce.facts.map((f) => h('tr', { 'data-fact': f.fact }, h('td', {}, f.label), h('td', {}, f.value))),
      ),
    ),
    h('p', {}, h('strong', {}, tr('decidesBefore')), ce.before, h('br'), h('strong', {}, tr('decidesAfter')), ce.after),
  );
}

/** @param {Changed} c */
function changedCard(c) {
  const cond = c.conditions;
  return h(
    'article',
    { class: 'diff-rule changed', 'data-id': c.id, 'data-verdict': c.verdict },
    h('h5', { lang: langTag() }, '~ ', c.title),
    h('p', { class: 'meta' }, h('code', {}, c.id), ` · ${c.kindText}`),
    h(
      'ul',
      { class: 'changes' },
      c.changes.map((x) => h('li', {}, x)),
    ),
    cond
      ? h(
          'div',
          { class: 'before-after' },
          h('div', {}, h('h6', {}, tr('before')), h('ul', { class: 'condition-tree' }, conditionTree(cond.before))),
          h('div', {}, h('h6', {}, tr('after')), h('ul', { class: 'condition-tree' }, conditionTree(cond.after))),
        )
      : null,
    cond?.added.length
      ? [
          h('h6', {}, tr('testsAdded')),
          h(
            'ul',
            { class: 'tests-added' },
            cond.added.map((t) => h('li', {}, `+ ${t}`)),
          ),
        ]
      : null,
    cond?.removed.length
      ? [
          h('h6', {}, tr('testsRemoved')),
          h(
            'ul',
            { class: 'tests-removed' },
            cond.removed.map((t) => h('li', {}, `− ${t}`)),
          ),
        ]
      : null,
    c.wording
      ? h(
          'div',
          { class: 'before-after' },
          h('figure', { class: 'citation' }, h('figcaption', {}, tr('wordingFrom')), h('blockquote', { class: 'quote', lang: 'zh-CN' }, c.wording.from)),
          h('figure', { class: 'citation' }, h('figcaption', {}, tr('wordingTo')), h('blockquote', { class: 'quote', lang: 'zh-CN' }, c.wording.to)),
        )
      : null,
    h('p', { class: `semantic ${c.verdict}` }, c.semantic),
    c.counterexample ? counterexample(c.counterexample) : null,
  );
}

/**
 * @param {string} key
 * @param {...import('../dom.js').Child} items
 */
const block = (key, ...items) => h('section', { class: 'diff-block', id: `diff-${key}` }, ...items);

/** Compares the chosen versions and shows the diff in the page's language. */
export async function loadDiff() {
  const id = byId('diff-ruleset', HTMLSelectElement).value;
  const from = byId('diff-from', HTMLSelectElement).value;
  const to = byId('diff-to', HTMLSelectElement).value;
  const body = byId('diff-body');
  if (from === to) {
    body.replaceChildren(h('p', { class: 'error' }, tr('sameVersion')));
    return;
  }
  const mine = ++seq;
  body.replaceChildren(h('p', { role: 'status' }, tr('loading')));
  try {
    /** @type {DiffWords} */
    const d = await api(`/v1/rulesets/${id}/diff/words?from=${from}&to=${to}`);
    if (mine !== seq) return;
    body.dataset.shown = 'true';
    body.replaceChildren(
      h(
        'div',
        { class: 'diff-result' },
        h('h3', {}, `${d.ruleset}: ${d.from} → ${d.to}`),
        h('p', { id: 'diff-summary' }, d.summary),
        d.differentTexts ? h('p', { class: 'hint' }, d.differentTexts) : null,
        d.metadata.length
          ? block(
              'metadata',
              h('h4', {}, tr('metadata')),
              h(
                'ul',
                {},
                d.metadata.map((m) => h('li', {}, m)),
              ),
            )
          : null,
        d.added.length
          ? block(
              'added',
              h('h4', {}, tr('added'), ` (${d.added.length})`),
              d.added.map((r) => ruleCard(r, 'added')),
            )
          : null,
        d.removed.length
          ? block(
              'removed',
              h('h4', {}, tr('removed'), ` (${d.removed.length})`),
              d.removed.map((r) => ruleCard(r, 'removed')),
            )
          : null,
        d.changed.length ? block('changed', h('h4', {}, tr('changed'), ` (${d.changed.length})`), d.changed.map(changedCard)) : null,
        d.unchanged.length
          ? h(
              'details',
              {},
              h('summary', {}, `${tr('unchanged')} (${d.unchanged.length})`),
              h(
                'p',
                {},
                d.unchanged.map((x) => h('code', {}, `${x} `)),
              ),
            )
          : null,
      ),
    );
  } catch (err) {
    if (mine === seq) body.replaceChildren(h('p', { class: 'error' }, tr('failed') + errorText(err)));
  }
}

/** The diff shown, again in the page's language. */
export function redrawDiff() {
  if (byId('diff-body').dataset.shown) void loadDiff();
}
