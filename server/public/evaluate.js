// @ts-check
// Evaluating: the form's profile to POST /v1/evaluate in the page's language, then the answer (or the problems,
// linked to the fields they name), and the timeline of the same profile up to that date.
import { byId, h } from './dom.js';
import { readProfile } from './form.js';
import { fieldLabel } from './labels.js';
import { renderResult } from './result.js';
import { advanceScreener, fullForm, renderScreener } from './screener.js';
import { START_FIELDS, pick, state } from './state.js';
import { tr } from './text.js';
import { loadTimeline } from './timeline.js';

/** @import { Answer } from '../../schemas/answer.ts' */
/** @typedef {{ title?: string, detail?: string, errors?: { path?: string, message?: string }[] }} Problem */

/** Sends the form and shows the answer; an older request's answer arriving late is dropped. */
export async function evaluateNow() {
  byId('form-errors').replaceChildren();
  for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const asOf = byId('asOf', HTMLInputElement).value;
  const body = { profile: readProfile(), ...(asOf ? { asOf } : {}) };
  const seq = ++state.seq;
  const button = byId('evaluate', HTMLButtonElement);
  const status = byId('load-status');
  button.disabled = true;
  status.textContent = tr('evaluating');
  try {
    const res = await fetch('/v1/evaluate', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, application/problem+json',
        'accept-language': state.lang === 'zh' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en,zh-CN;q=0.5',
      },
      body: JSON.stringify(body),
    });
    const data = await res.json();
    if (seq !== state.seq) return;
    if (!res.ok) {
      showProblem(data);
      return;
    }
    /** @type {Answer} */
    const answer = data;
    state.answer = answer;
    advanceScreener(answer);
    renderResult(answer);
    renderScreener();
    void loadTimeline(body.profile, answer.asOf);
    status.textContent = '';
    const first = state.batch.find((p) => !START_FIELDS.includes(p));
    const field = first === undefined ? undefined : state.fields.get(first);
    if (!fullForm() && field) field.focus();
    else byId('result').focus();
  } catch (err) {
    status.textContent = tr('evaluateFailed') + String(err instanceof Error ? err.message : err);
  } finally {
    button.disabled = false;
  }
}

/** The problems of a 400, each linked to the field it names (and that field marked invalid). @param {Problem} problem */
function showProblem(problem) {
  byId('load-status').textContent = '';
  const list = h('ul');
  for (const e of problem.errors ?? []) {
    const path = String(e.path ?? '')
      .replace(/^profile\./, '')
      .replace(/\[\d+\]/g, '');
    const field = state.fields.get(path);
    const control = field?.wrap.querySelector('input:not([hidden]), select:not([hidden])');
    control?.setAttribute('aria-invalid', 'true');
    const name = field
      ? h(
          'a',
          {
            href: `#${control?.id ?? ''}`,
            onclick: (/** @type {Event} */ ev) => {
              ev.preventDefault();
              field.focus();
            },
          },
          pick(fieldLabel(path)),
        )
      : (e.path ?? '');
    list.append(h('li', {}, name, ': ', e.message ?? ''));
  }
  if (!list.children.length) list.append(h('li', {}, problem.detail ?? problem.title ?? tr('error')));
  byId('form-errors').replaceChildren(h('p', {}, tr('fixErrors')), list);
}
