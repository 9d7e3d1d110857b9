// @ts-check
// One decision of the answer as a card: its title, rule set and id, its explanation, fine and due date, the quoted
// source text, and the facts that made it hold; and a fact test as a line ("needs … ; yours …").
import { dutyLine } from './duties.js';
import { h } from './dom.js';
import { factLabel, factValue } from './labels.js';
import { langTag, pick } from './state.js';
import { tr } from './text.js';

/** @import { Answer, Decision, FactTest, ListedDecision } from '../../schemas/answer.ts' */

/** @type {Record<string, string>} */
const OPS = {
  equal: '=',
  notEqual: '≠',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  lessThan: '<',
  lessThanInclusive: '≤',
  in: '∈',
  notIn: '∉',
  contains: '∋',
  doesNotContain: '∌',
};

/**
 * A value in a fact test, in the page's language: a key of a field with named values by its name.
 * @param {unknown} v
 * @param {string} fact
 * @returns {string}
 */
function show(v, fact) {
  if (v === undefined) return tr('notGiven');
  if (v === null) return tr('none');
  if (Array.isArray(v)) return v.map((x) => show(x, fact)).join(pick(['、', ', ']));
  if (typeof v === 'boolean') return tr(v ? 'yes' : 'no');
  if (typeof v === 'string') return pick(factValue(fact, v));
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * A fact test: the fact's name, what the rule needs and the enterprise's value.
 * @param {FactTest} t
 * @param {{ mine?: boolean }} [options] mine: a whyNot line ("needs … ; yours …")
 */
export function factLine(t, { mine = false } = {}) {
  const op = OPS[t.operator] ?? t.operator;
  const needs = `${t.negated ? tr('not') : ''}${op} ${show(t.value, t.fact)}`;
  const li = h('li', { class: 'fact' }, h('span', { class: 'fact-name' }, pick(factLabel(t.fact))), ' ');
  if (mine) {
    li.append(h('span', { class: 'needs' }, `${tr('needs')} ${needs}`), '; ', h('span', { class: 'yours' }, `${tr('yours')}: ${show(t.actual, t.fact)}`));
  } else {
    li.append(h('span', { class: 'needs' }, needs), ' ', h('span', { class: 'yours' }, `(${tr('yours')}: ${show(t.actual, t.fact)})`));
  }
  li.append(h('code', { class: 'fact-path' }, t.fact));
  return li;
}

/**
 * The verbatim source text (Chinese whatever the page's language), with its document and section.
 * @param {Decision['citation']} c
 */
function citationBlock(c) {
  const quotes = Array.isArray(c.quote) ? c.quote : [c.quote];
  const bq = h('blockquote', { class: 'quote', lang: 'zh' });
  quotes.forEach((q, i) => {
    if (i) bq.append(' … ');
    bq.append(h('q', {}, q));
  });
  return h('figure', { class: 'citation' }, bq, h('figcaption', {}, h('cite', { lang: 'zh' }, c.document), ' · ', h('span', { lang: 'zh' }, c.section)));
}

/**
 * A decision as a card; a listed decision without its full decision shows its title and ids only.
 * @param {Decision | undefined} d
 * @param {ListedDecision} [listed]
 */
export function decisionCard(d, listed) {
  const head = d ?? listed;
  if (!head) return null;
  const card = h('article', { class: 'decision', 'data-id': head.id });
  card.append(h('h4', { lang: langTag() }, pick([head.title.zh, head.title.en])));
  card.append(
    h(
      'p',
      { class: 'meta' },
      h('span', {}, `${tr('ruleset')}: `, h('code', {}, `${head.ruleset}${d ? ` v${d.version}` : ''}`)),
      ' · ',
      h('code', { class: 'rule-id' }, head.id),
    ),
  );
  if (!d) return card;
  // The rule's plain-language explanation, filled with this enterprise's facts (in the answer's language).
  if (d.explanation) card.append(h('p', { class: 'explanation', lang: langTag() }, d.explanation));
  if (d.fine) {
    const from = d.fine.minYuan != null ? `${d.fine.minYuan.toLocaleString()} – ` : '≤ ';
    card.append(h('p', { class: 'fine' }, `${tr('fine')}: ${from}${d.fine.maxYuan.toLocaleString()} ${tr('yuan')}`));
  }
  if (d.duty) card.append(h('p', { class: 'due', 'data-state': d.duty.state }, `${tr('dueNote')}: ${dutyLine(d.duty)}`));
  card.append(citationBlock(d.citation));
  if (d.because.length) {
    card.append(
      h(
        'details',
        { class: 'because' },
        h('summary', {}, tr('because')),
        h(
          'ul',
          {},
          d.because.map((t) => factLine(t)),
        ),
      ),
    );
  }
  if (d.note) card.append(h('p', { class: 'note' }, d.note));
  if (d.notEncoded) card.append(h('p', { class: 'note' }, d.notEncoded));
  return card;
}

/**
 * The decisions of the answer by id.
 * @param {Answer} a
 */
export const decisionsById = (a) => new Map(a.decisions.map((d) => [d.id, d]));
