// @ts-check
// The audit duties on the page: by when, under which rule, met by which audit, and every due date missed — also of
// plans no longer in force. Rendered into the verdict card by result.js.
import { h } from './dom.js';
import { valueLabel } from './labels.js';
import { pick } from './state.js';

/** @import { Answer, Decision, Duty } from '../../schemas/answer.ts' */
/** @import { Pair } from './state.js' */

/** [zh, en] texts of the audit-duty part of the verdict (the duty states' names come from GET /v1/labels). */
export const DUTY_UI = /** @type {const} @satisfies {Record<string, Pair>} */ ({
  dueBasis: ['期限依据', 'Due under'],
  metBy: ['已由该次审核完成', 'Met by the audit of'],
  missed: ['已错过的期限', 'Missed due dates'],
  madeUp: ['补做于 {date}', 'made up on {date}'],
  notMadeUp: ['尚未补做', 'not made up'],
  noLongerInForce: ['该义务已不再有效', 'that duty is no longer in force'],
  duties: ['审核义务', 'Audit duties'],
  noDueDate: ['未规定期限', 'no due date stated'],
  mayNotApply: ['是否适用取决于未填写的事实', 'whether it applies depends on facts not given'],
  overdueUnknown: [
    '审核日期（上一轮完成日期或历次审核）未填写，无法判断是否逾期',
    'the audit dates (last completed, or the rounds) are not given, so lateness cannot be told',
  ],
  separator: ['；', '; '],
});

/**
 * @param {keyof typeof DUTY_UI} key
 * @param {Record<string, string>} [vars]
 */
const say = (key, vars = {}) => pick(DUTY_UI[key]).replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
/** A duty state's name. @param {string} s */
const stateName = (s) => pick(valueLabel('dutyState', s));

/**
 * The verdict's extra rows (dt/dd pairs), the missed due dates and the list of duties.
 * @param {Answer} a the answer
 * @param {Map<string, Decision>} byId its decisions by id
 * @returns {{ rows: HTMLElement[], missed: HTMLElement | null, duties: HTMLElement | null }}
 */
export function dutyParts(a, byId) {
  const audit = a.summary.audit;
  /** @param {string} id */
  const titleOf = (id) => {
    const d = byId.get(id) ?? audit.missed.find((m) => m.id === id) ?? audit.duties.find((m) => m.id === id);
    return d ? pick([d.title.zh, d.title.en]) : id;
  };
  const rows = [];
  if (audit.dueBasis.length) {
    rows.push(
      h('dt', {}, say('dueBasis')),
      h(
        'dd',
        { id: 'audit-due-basis' },
        audit.dueBasis.flatMap((id, i) => [i ? say('separator') : '', titleOf(id), ' ', h('code', { class: 'rule-id' }, id)]),
      ),
    );
  }
  if (audit.metBy) rows.push(h('dt', {}, say('metBy')), h('dd', { id: 'audit-met-by' }, audit.metBy));
  const note = audit.overdue === null ? h('p', { class: 'note', id: 'audit-overdue-note' }, say('overdueUnknown')) : null;
  const missedList = audit.missed.length
    ? h(
        'div',
        { class: 'missed', id: 'audit-missed' },
        h('h4', { class: 'sub-h' }, say('missed')),
        h(
          'ul',
          {},
          audit.missed.map((m) =>
            h(
              'li',
              { 'data-id': m.id },
              h('strong', {}, m.dueBy),
              ' — ',
              pick([m.title.zh, m.title.en]),
              ' (',
              h('code', {}, `${m.ruleset} v${m.version}`),
              ') — ',
              m.madeUpOn ? say('madeUp', { date: m.madeUpOn }) : say('notMadeUp'),
              m.inForce ? '' : `${say('separator')}${say('noLongerInForce')}`,
              h('br'),
              h('small', { lang: 'zh' }, `${m.citation.document} ${m.citation.section}`),
            ),
          ),
        ),
      )
    : null;
  const missed = note || missedList ? h('div', {}, note, missedList) : null;
  const duties = audit.duties.length
    ? h(
        'details',
        { class: 'duties', id: 'audit-duties' },
        h('summary', {}, `${say('duties')} (${audit.duties.length})`),
        h(
          'ul',
          {},
          audit.duties.map((d) =>
            h(
              'li',
              { 'data-id': d.id, 'data-state': d.state },
              pick([d.title.zh, d.title.en]),
              ' — ',
              h('strong', {}, stateName(d.state)),
              d.dueBy ? ` · ${d.dueBy}` : ` · ${say('noDueDate')}`,
              d.metBy ? ` · ${say('metBy')} ${d.metBy}` : '',
              d.madeUpOn ? ` · ${say('madeUp', { date: d.madeUpOn })}` : '',
              d.applies ? '' : ` · ${say('mayNotApply')}`,
              ' ',
              h('code', { class: 'rule-id' }, d.id),
            ),
          ),
        ),
      )
    : null;
  return { rows, missed, duties };
}

/**
 * One decision's duty as a line: its due date (or that none is stated), its state, and the audit that met or made it up.
 * @param {Duty} duty the decision's duty
 */
export function dutyLine(duty) {
  const due = duty.dueBy ?? (duty.dueKind === 'none' ? say('noDueDate') : stateName('undetermined'));
  const met = duty.metBy ? ` · ${say('metBy')} ${duty.metBy}` : '';
  const madeUp = duty.madeUpOn ? ` · ${say('madeUp', { date: duty.madeUpOn })}` : '';
  return `${due} · ${stateName(duty.state)}${met}${madeUp}`;
}
