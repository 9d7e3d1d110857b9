// @ts-check
// Uploading a sheet to POST /v1/evaluate/file and following its job (GET /v1/jobs/{id}) with a progress bar until
// its summary can be shown; a file the server refuses gets its reasons, field by field.
import { byId, h } from '../dom.js';
import { state } from '../state.js';
import { renderSummary } from './summary.js';
import { num, say } from './words.js';

/** @import { JobStatus } from '../../jobs/status.ts' */
/** @typedef {{ title?: string, detail?: string, errors?: { path?: string, message?: string }[] }} Problem */

/** How often the job is asked how far it is, in ms. */
const POLL_MS = 400;

/** The job being followed, and the last status seen (the summary is re-rendered from it on a language switch). */
export const run = {
  /** @type {JobStatus | null} */
  job: null,
  seq: 0,
};

const acceptLanguage = () => (state.lang === 'zh' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en,zh-CN;q=0.5');

/** A refusal, in the page's language: its detail and each field's message. @param {Problem} problem */
function showProblem(problem) {
  const list = h(
    'ul',
    {},
    (problem.errors ?? []).map((e) =>
      h('li', {}, e.path && !e.path.startsWith('(') ? h('code', {}, e.path) : null, e.path && !e.path.startsWith('(') ? ': ' : '', e.message ?? ''),
    ),
  );
  byId('upload-errors').replaceChildren(h('p', {}, say('fixErrors')), h('p', { class: 'detail' }, problem.detail ?? problem.title ?? ''), list);
}

/** The progress bar and its sentence, from a job's status. @param {JobStatus} job */
export function renderProgress(job) {
  const bar = byId('progress', HTMLProgressElement);
  const p = job.progress;
  bar.value = p.percent;
  const rows =
    p.rowsTotal !== null
      ? say('rowsOf', { done: num(p.rowsDone), total: num(p.rowsTotal) })
      : say('rowsSoFar', { done: num(p.rowsDone), percent: Math.floor(p.percent) });
  const errors = p.failed > 0 ? ` · ${say('withErrors', { n: num(p.failed) })}` : '';
  const doneErrors = p.failed > 0 ? say('doneErrors', { n: num(p.failed) }) : '';
  const text =
    job.state === 'done' && job.summary
      ? say('done', { rows: num(job.summary.rows), errors: doneErrors, seconds: job.summary.seconds.toFixed(1) })
      : job.state === 'failed'
        ? `${say('failed')}${job.error && typeof job.error === 'object' && 'detail' in job.error ? String(job.error.detail) : ''}`
        : `${rows}${errors}`;
  byId('progress-text').textContent = text;
  byId('progress-section').dataset.state = job.state;
}

/** Shows a job: its progress and, once done, its summary. @param {JobStatus} job */
export function showJob(job) {
  run.job = job;
  renderProgress(job);
  const summary = byId('summary');
  if (job.state === 'done') {
    summary.hidden = false;
    renderSummary(job, byId('summary-body'));
  }
}

/** Follows a job until it is done or failed. @param {string} url @param {number} seq */
async function follow(url, seq) {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (seq !== run.seq) return;
    let job;
    try {
      const res = await fetch(url, { headers: { accept: 'application/json', 'accept-language': acceptLanguage() }, cache: 'no-store' });
      job = await res.json();
      if (!res.ok) throw new Error(job.detail ?? `HTTP ${res.status}`);
    } catch (err) {
      byId('progress-text').textContent = say('lostJob') + String(err instanceof Error ? err.message : err);
      return;
    }
    if (seq !== run.seq) return;
    showJob(job);
    if (job.state !== 'running') {
      if (job.state === 'done') byId('summary').focus();
      return;
    }
  }
}

/** Sends the form's file, date and language; then follows the job. */
export async function startUpload() {
  const errors = byId('upload-errors');
  errors.replaceChildren();
  const file = byId('file', HTMLInputElement).files?.[0];
  const asOf = byId('asOf', HTMLInputElement).value;
  if (!file) return errors.replaceChildren(h('p', {}, say('chooseFile')));
  if (!asOf) return errors.replaceChildren(h('p', {}, say('chooseDate')));
  const body = new FormData();
  body.append('asOf', asOf);
  body.append('language', byId('language', HTMLSelectElement).value);
  body.append('file', file, file.name);
  const seq = ++run.seq;
  const button = byId('start', HTMLButtonElement);
  button.disabled = true;
  byId('summary').hidden = true;
  byId('progress-section').hidden = false;
  byId('progress', HTMLProgressElement).value = 0;
  byId('progress-text').textContent = say('uploading', { name: file.name });
  try {
    const res = await fetch('/v1/evaluate/file', { method: 'POST', body, headers: { accept: 'application/json', 'accept-language': acceptLanguage() } });
    const data = await res.json();
    if (seq !== run.seq) return;
    if (res.status === 503) {
      byId('progress-section').hidden = true;
      return errors.replaceChildren(h('p', {}, say('busy', { s: res.headers.get('retry-after') ?? '10' })));
    }
    if (!res.ok) {
      byId('progress-section').hidden = true;
      return showProblem(data);
    }
    showJob(data);
    await follow(data.links.self, seq);
  } catch (err) {
    byId('progress-text').textContent = say('uploadFailed') + String(err instanceof Error ? err.message : err);
  } finally {
    if (seq === run.seq) button.disabled = false;
  }
}
