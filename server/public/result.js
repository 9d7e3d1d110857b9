// @ts-check
// The answer on the page: the audit verdict first (status, due date and its rule, the audit that met it, missed due
// dates, the duties, the route), then incentives, sanctions, obligations and recommendations with their quoted basis,
// then why not, then warnings, undetermined rules, the rule sets and the receipt.
import { decisionCard, decisionsById, factLine } from './decision.js';
import { dutyParts } from './duties.js';
import { byId, h } from './dom.js';
import { factLabel, valueLabel } from './labels.js';
import { langTag, pick } from './state.js';
import { tr } from './text.js';

/** @import { Answer, Decision } from '../../schemas/answer.ts' */
/** @import { TextKey } from './text.js' */
/** @import { Child } from './dom.js' */

/**
 * A titled block of the result.
 * @param {string} id
 * @param {TextKey} titleKey
 * @param {...Child} content
 */
function section(id, titleKey, ...content) {
  return h('section', { class: 'block', id, 'aria-labelledby': `${id}-h` }, h('h3', { id: `${id}-h` }, tr(titleKey)), ...content);
}

/**
 * Names of the answer's values, joined.
 * @param {'auditStatus' | 'acceptance'} kind
 * @param {readonly string[]} values
 */
const names = (kind, values) => values.map((v) => pick(valueLabel(kind, v))).join(tr('listSeparator'));

/**
 * The decisions behind a verdict, as cards under a sub-heading (nothing when there are none).
 * @param {TextKey} titleKey
 * @param {(Decision | undefined)[]} decisions
 */
function basisBlock(titleKey, decisions) {
  const found = decisions.filter((d) => d !== undefined);
  return found.length
    ? h(
        'div',
        { class: 'basis' },
        h('h4', { class: 'sub-h' }, tr(titleKey)),
        found.map((d) => decisionCard(d)),
      )
    : null;
}

/**
 * The audit verdict: status, due date, lateness, the duties, the route and acceptance, and their basis.
 * @param {Answer} a
 * @param {Map<string, Decision>} byIdMap
 */
function verdictBlock(a, byIdMap) {
  const audit = a.summary.audit;
  const proc = a.summary.process;
  const verdict = h(
    'dl',
    { class: 'verdict-list' },
    h('dt', {}, tr('status')),
    h('dd', { id: 'audit-status', class: `status status-${audit.status}`, 'data-status': audit.status }, pick(valueLabel('auditStatus', audit.status))),
    h('dt', {}, tr('dueBy')),
    h('dd', { id: 'audit-due' }, audit.dueBy ?? tr('none')),
    h('dt', {}, tr('overdue')),
    h('dd', { id: 'audit-overdue' }, audit.overdue === null ? tr('notKnown') : tr(audit.overdue ? 'yes' : 'no')),
  );
  const duty = dutyParts(a, byIdMap);
  verdict.append(...duty.rows);
  if (audit.cycleYears) verdict.append(h('dt', {}, tr('cycle')), h('dd', {}, tr('years', { n: audit.cycleYears })));
  if (audit.couldBe.length) verdict.append(h('dt', {}, tr('couldBe')), h('dd', { id: 'audit-could-be' }, names('auditStatus', audit.couldBe)));
  verdict.append(h('dt', {}, tr('route')), h('dd', { id: 'process-route', 'data-route': proc.route }, pick(valueLabel('route', proc.route))));
  if (proc.acceptance.length) verdict.append(h('dt', {}, tr('acceptance')), h('dd', { id: 'process-acceptance' }, names('acceptance', proc.acceptance)));
  verdict.append(h('dt', {}, tr('reason')), h('dd', { id: 'process-reason', lang: langTag() }, proc.reason));
  return h(
    'section',
    { class: 'block verdict', id: 'verdict', 'aria-labelledby': 'verdict-h' },
    h('h3', { id: 'verdict-h' }, tr('audit')),
    h('p', { class: 'as-of' }, `${tr('asOfLabel')}: ${a.asOf}`),
    verdict,
    duty.missed,
    duty.duties,
    basisBlock(
      'basis',
      audit.basis.map((id) => byIdMap.get(id)),
    ),
    basisBlock(
      'processDecisions',
      proc.basis.map((id) => byIdMap.get(id)),
    ),
  );
}

/** The incentives and the simplified route that did not apply: each condition not met, with the enterprise's value. @param {Answer} a */
function whyNotBlock(a) {
  const whyNot = a.whyNot.filter((w) => w.kind === 'incentive' || w.kind === 'process');
  if (!whyNot.length) return null;
  return section(
    'why-not',
    'whyNot',
    h('p', {}, tr('whyNotIntro')),
    whyNot.map((w) =>
      h(
        'article',
        { class: 'decision why-not', 'data-id': w.id },
        h('h4', { lang: langTag() }, pick([w.title.zh, w.title.en])),
        h('p', { class: 'meta' }, `${tr('ruleset')}: `, h('code', {}, w.ruleset), ' · ', h('code', { class: 'rule-id' }, w.id)),
        h(
          'ul',
          {},
          w.missing.map((t) => factLine(t, { mine: true })),
        ),
      ),
    ),
  );
}

/** Warnings, the rules left undetermined (and the facts they wait for), the rule sets and the receipt. @param {Answer} a */
function closingBlocks(a) {
  /** @type {HTMLElement[]} */
  const out = [];
  if (a.warnings.length) {
    const items = a.warnings.map((w) => h('li', { lang: 'en' }, h('code', {}, w.code), ' ', w.message));
    out.push(section('warnings', 'warnings', h('ul', {}, items)));
  }
  if (a.undetermined.length) {
    const items = a.undetermined.map((u) =>
      h('li', {}, pick([u.title.zh, u.title.en]), ' — ', u.missingFacts.map((f) => pick(factLabel(f))).join(pick(['、', ', ']))),
    );
    out.push(
      section(
        'undetermined',
        'undetermined',
        h('p', {}, tr('undeterminedIntro', { n: a.undetermined.length })),
        h('details', {}, h('summary', {}, tr('undetermined')), h('ul', {}, items)),
      ),
    );
  }
  const rulesets = a.rulesets.map((r) =>
    h(
      'li',
      { 'data-status': r.status },
      h('code', {}, `${r.id} v${r.version}`),
      ' ',
      pick([r.title.zh, r.title.en]),
      ' — ',
      pick(valueLabel('rulesetStatus', r.status)),
    ),
  );
  out.push(
    section('rulesets', 'rulesets', h('ul', { class: 'rulesets' }, rulesets)),
    h(
      'p',
      { class: 'receipt' },
      `${tr('receipt')}: ${tr('receiptLine', { engine: a.receipt.engineVersion })}`,
      h('code', {}, `${a.receipt.profileSha256.slice(0, 16)}…`),
    ),
  );
  return out;
}

/** Renders an answer into #result, in the page's language. @param {Answer} a */
export function renderResult(a) {
  const decisions = decisionsById(a);
  /** @type {(HTMLElement | null)[]} */
  const out = [verdictBlock(a, decisions)];
  for (const key of /** @type {const} */ (['incentives', 'sanctions', 'obligations', 'recommendations'])) {
    const list = a.summary[key];
    out.push(section(key, key, list.length ? list.map((x) => decisionCard(decisions.get(x.id), x)) : h('p', { class: 'empty' }, tr('noneFound'))));
  }
  out.push(whyNotBlock(a), ...closingBlocks(a));
  // The timeline (timeline.js) stays right after the verdict it extends over time.
  const timeline = document.getElementById('timeline');
  byId('result-body').replaceChildren(...out.filter((x) => x !== null));
  if (timeline) byId('verdict').after(timeline);
  byId('result').hidden = false;
}
