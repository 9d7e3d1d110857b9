// @ts-check
// The audit duties on the page: by when, under which rule, met by which audit, and every due date missed — also of
// plans no longer in force. Rendered into the verdict card by app.js, with its element and translation helpers.

/** [zh, en] labels of the audit-duty part of the verdict. */
export const DUTY_UI = {
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
};

/** Duty states, [zh, en]. */
export const DUTY_STATES = {
  met: ['已完成', 'met'],
  pending: ['未到期、尚未完成', 'not yet due, not yet met'],
  overdue: ['已逾期', 'overdue'],
  missed: ['已错过期限', 'missed'],
  undetermined: ['无法确定', 'cannot tell'],
};

/**
 * @param {any} a the answer
 * @param {{ h: Function, pick: (pair: [string, string]) => string, byId: Map<string, any> }} ui
 * @returns {{ rows: any[], missed: any, duties: any }} the verdict's extra rows (dt/dd pairs), the missed list and the duties list
 */
export function dutyParts(a, { h, pick, byId }) {
  const audit = a.summary.audit;
  const say = (key, vars = {}) => pick(DUTY_UI[key]).replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
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
        audit.dueBasis.flatMap((id, i) => [i ? '；' : '', titleOf(id), ' ', h('code', { class: 'rule-id' }, id)]),
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
              m.inForce ? '' : `；${say('noLongerInForce')}`,
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
              h('strong', {}, pick(DUTY_STATES[d.state] ?? [d.state, d.state])),
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
 * @param {any} duty the decision's duty
 * @param {(pair: [string, string]) => string} pick
 */
export function dutyLine(duty, pick) {
  const say = (key, vars = {}) => pick(DUTY_UI[key]).replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
  const due = duty.dueBy ?? (duty.dueKind === 'none' ? say('noDueDate') : pick(DUTY_STATES.undetermined));
  const state = pick(DUTY_STATES[duty.state] ?? [duty.state, duty.state]);
  const met = duty.metBy ? ` · ${say('metBy')} ${duty.metBy}` : '';
  const madeUp = duty.madeUpOn ? ` · ${say('madeUp', { date: duty.madeUpOn })}` : '';
  return `${due} · ${state}${met}${madeUp}`;
}
