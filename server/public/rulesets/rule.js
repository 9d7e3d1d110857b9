// @ts-check
// One rule, opened from the source text: its conditions in words (a tree of all / any / not and each test), kind,
// outcome, quote and explanation (GET …/rules/{rule}), and the golden cases that name it (GET …/rules/{rule}/cases),
// each of which opens in the self-assessment page.
import { byId, h } from '../dom.js';
import { profileLink } from '../profile-link.js';
import { langTag } from '../state.js';
import { api, errorText } from './api.js';
import { tr } from './text.js';

/**
 * @typedef {{ op: 'all' | 'any' | 'not', text: string, children: ConditionWords[] } | { op: 'test', text: string, fact: string }} ConditionWords
 * @typedef {{ id: string, kind: string, kindText: string, outcome: string, outcomeText: string | null, title: string, section: string, document: string, quote: string, conditions: ConditionWords, conditionText: string, validFrom: string | null, validTo: string | null, explanation: string, jurisdiction: string, scope: ConditionWords | null }} RuleDetail
 * @typedef {{ file: string, name: string, asOf: string, roles: string[], version: string | null, forThisVersion: boolean, profile: Record<string, unknown> }} CaseRow
 */

/** The rule shown, for a redraw in the other language. @type {{ id: string, version: string, rule: string } | null} */
let current = null;
let seq = 0;

/**
 * A condition tree as nested lists (a group of one condition shown as that condition).
 * @param {ConditionWords} node
 * @returns {HTMLElement}
 */
export function conditionTree(node) {
  if (node.op === 'test') return h('li', { class: 'test', 'data-fact': node.fact }, node.text);
  // "All of" or "any of" one condition is that condition.
  if (node.op !== 'not' && node.children.length === 1 && node.children[0]) return conditionTree(node.children[0]);
  return h(
    'li',
    { class: `group group-${node.op}` },
    h('span', { class: 'op' }, node.text),
    node.children.length ? h('ul', {}, node.children.map(conditionTree)) : null,
  );
}

/** @param {CaseRow} c @param {string} rule */
function caseItem(c, rule) {
  const roles = c.roles.map((r) => tr(/** @type {import('./text.js').TextKey} */ (`role_${r}`))).join(tr('listSep'));
  return h(
    'li',
    { class: c.forThisVersion ? 'case mine' : 'case', 'data-file': c.file },
    h('span', { class: 'case-name', lang: 'en' }, c.name),
    h('span', { class: 'meta' }, ` · ${c.asOf} · ${roles} · ${tr('runsWith')} ${c.version ?? '—'}`),
    ' ',
    h(
      'a',
      { href: profileLink(c.profile, c.asOf), target: '_blank', rel: 'noopener', 'aria-label': `${tr('openCase')}: ${c.name}`, 'data-rule': rule },
      tr('openCase'),
    ),
  );
}

/**
 * Shows a rule in the panel beside the source text, in the page's language.
 * @param {string} id
 * @param {string} version
 * @param {string} rule
 */
export async function showRule(id, version, rule) {
  current = { id, version, rule };
  const mine = ++seq;
  const panel = byId('rule-panel');
  panel.hidden = false;
  panel.replaceChildren(h('p', { role: 'status' }, tr('loading')));
  const base = `/v1/rulesets/${id}/versions/${version}/rules/${rule}`;
  try {
    /** @type {[RuleDetail, { total: number, cases: CaseRow[] }]} */
    const [r, cases] = await Promise.all([api(base), api(`${base}/cases`)]);
    if (mine !== seq) return;
    const mineCount = cases.cases.filter((c) => c.forThisVersion).length;
    const close = h('button', { type: 'button', class: 'secondary small close', onclick: hideRule }, tr('close'));
    const heading = h('h3', { id: 'rule-panel-h', tabindex: '-1', lang: langTag() }, r.title);
    panel.replaceChildren(
      h(
        'div',
        { class: 'rule-detail', 'data-rule': r.id },
        h('div', { class: 'panel-head' }, heading, close),
        h('p', { class: 'meta' }, h('code', {}, r.id), ` · ${id} ${version}`),
        h(
          'dl',
          { class: 'rule-facts' },
          h('dt', {}, tr('kind')),
          h('dd', {}, r.kindText),
          h('dt', {}, tr('outcome')),
          h('dd', { 'data-outcome': r.outcome }, r.outcomeText ?? r.title),
          h('dt', {}, tr('jurisdiction')),
          h('dd', {}, r.jurisdiction),
          r.validFrom || r.validTo ? [h('dt', {}, tr('ruleValid')), h('dd', {}, `${r.validFrom ?? '…'} – ${r.validTo ?? tr('open')}`)] : null,
        ),
        h('h4', {}, tr('conditions')),
        h('ul', { class: 'condition-tree', id: 'rule-conditions' }, conditionTree(r.conditions)),
        r.scope ? [h('h4', {}, tr('scope')), h('ul', { class: 'condition-tree' }, conditionTree(r.scope))] : null,
        h('h4', {}, tr('citation')),
        h(
          'figure',
          { class: 'citation' },
          h('blockquote', { class: 'quote', lang: 'zh-CN' }, r.quote),
          h('figcaption', { lang: 'zh-CN' }, `${r.document} ${r.section}`),
        ),
        h('h4', {}, tr('explanation')),
        h('p', { lang: langTag() }, r.explanation),
        h('h4', {}, tr('cases')),
        h('p', {}, cases.total ? tr('casesCount', { total: cases.total, mine: mineCount }) : tr('noCases')),
        cases.cases.length
          ? h(
              'ul',
              { class: 'cases', id: 'rule-cases' },
              cases.cases.map((c) => caseItem(c, rule)),
            )
          : null,
      ),
    );
    for (const chip of document.querySelectorAll('.rule-chip'))
      if (chip instanceof HTMLElement) chip.setAttribute('aria-pressed', String(chip.dataset.rule === rule));
    heading.focus();
  } catch (err) {
    if (mine === seq) panel.replaceChildren(h('p', { class: 'error' }, tr('failed') + errorText(err)));
  }
}

/** The id of the rule shown, if any. */
export const shownRule = () => current?.rule;

export function hideRule() {
  current = null;
  for (const chip of document.querySelectorAll('.rule-chip[aria-pressed="true"]')) chip.setAttribute('aria-pressed', 'false');
  byId('rule-panel').hidden = true;
}

/** The rule shown, again in the page's language. */
export function redrawRule() {
  if (current) void showRule(current.id, current.version, current.rule);
}
