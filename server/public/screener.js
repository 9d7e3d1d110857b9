// @ts-check
// The adaptive screener: start with a few questions, then ask what the engine says would settle the answer
// (the answer's `questions`, most decisive first), a few at a time.
import { byId, h, idFor } from './dom.js';
import { factLabel } from './labels.js';
import { START_FIELDS, pick, state } from './state.js';
import { tr } from './text.js';

/** @import { Answer } from '../../schemas/answer.ts' */

/** How many of the engine's questions are asked at a time. */
export const BATCH = 6;

/**
 * The form fields a question's fact names: the field itself, or every field under it (e.g. `titles`, `audit.mandatoryListed`).
 * @param {string} fact
 * @param {readonly string[]} paths
 */
export function fieldsForFact(fact, paths) {
  return paths.filter((p) => p === fact || p.startsWith(`${fact}.`));
}

/**
 * The next batch: the first `size` questions (most decisive first) whose fields have not been asked yet.
 * @param {readonly { fact: string }[]} questions
 * @param {ReadonlySet<string>} asked
 * @param {readonly string[]} paths
 * @param {number} [size]
 */
export function nextBatch(questions, asked, paths, size = BATCH) {
  /** @type {string[]} */
  const batch = [];
  for (const q of questions) {
    const fresh = fieldsForFact(q.fact, paths).filter((p) => !asked.has(p) && !batch.includes(p));
    if (!fresh.length) continue;
    batch.push(...fresh);
    if (batch.length >= size) break;
  }
  return batch;
}

/** Whether the whole form is shown (the screener is off). */
export const fullForm = () => byId('full-form', HTMLInputElement).checked;

/** Shows the fields asked so far (or all of them), and hides the groups left empty. */
function renderVisibility() {
  const full = fullForm();
  byId('profile-form').classList.toggle('screener', !full);
  for (const [path, f] of state.fields) {
    f.wrap.hidden = !full && !state.asked.has(path);
    f.wrap.classList.toggle('new', !full && state.batch.includes(path) && !START_FIELDS.includes(path));
  }
  const inner = [...document.querySelectorAll('#groups fieldset.sub-group')].reverse();
  for (const fs of [...inner, ...document.querySelectorAll('#groups fieldset.group')]) {
    if (!(fs instanceof HTMLElement)) continue;
    fs.hidden = !full && ![...fs.querySelectorAll(':scope > .field, :scope > fieldset')].some((c) => c instanceof HTMLElement && !c.hidden);
  }
}

/** The screener panel: where it stands, and links to the questions of the current batch. */
export function renderScreener() {
  if (!state.schema) return;
  const status = byId('screener-status');
  const list = byId('screener-list');
  const stop = byId('stop-screener');
  byId('screener-panel').hidden = fullForm();
  list.replaceChildren();
  if (fullForm()) {
    status.textContent = tr('fullFormOn');
    stop.hidden = true;
    renderVisibility();
    return;
  }
  let msg;
  if (!state.answer) msg = tr('screenerStart');
  else if (state.stopped) msg = tr('screenerStopped');
  else if (state.batch.length) msg = tr('screenerNext');
  else msg = tr('screenerDone');
  if (state.answer && state.remaining) msg += ` ${tr('remaining', { n: state.remaining })}`;
  status.textContent = msg;
  if (!state.stopped) {
    for (const path of state.batch) {
      const control = state.fields.get(path)?.wrap.querySelector('input, select');
      const a = h('a', { href: `#${control?.id ?? idFor(path)}` }, pick(factLabel(path)));
      a.addEventListener('click', (e) => {
        e.preventDefault();
        state.fields.get(path)?.focus();
      });
      list.append(h('li', {}, a));
    }
  }
  stop.hidden = !state.answer || (!state.batch.length && !state.stopped);
  stop.textContent = tr(state.stopped ? 'resume' : 'stop');
  renderVisibility();
}

/** Takes the answer's questions that the form can ask and picks the next batch. @param {Answer} answer */
export function advanceScreener(answer) {
  const paths = [...state.fields.keys()];
  const open = answer.questions.filter((q) => fieldsForFact(q.fact, paths).length);
  state.remaining = open.length;
  state.batch = state.stopped ? [] : nextBatch(open, state.asked, paths);
  for (const p of state.batch) state.asked.add(p);
}

/** The stop/resume button: stop asking (the batch empties) or resume with the last answer's questions. */
export function toggleStopped() {
  state.stopped = !state.stopped;
  if (state.stopped) state.batch = [];
  else if (state.answer) advanceScreener(state.answer);
  renderScreener();
}
