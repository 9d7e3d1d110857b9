// @ts-check
// The officials' batch page: a sheet of enterprises (CSV or XLSX) in, evaluated on the server as a job whose progress
// is followed, a summary with charts, and the same kind of sheet out. Plain ES modules, no build step; names from
// GET /v1/labels, the columns from GET /v1/templates/columns, the page's own words from words.js.
import { byId, relabel } from '../dom.js';
import { loadLabels } from '../labels.js';
import { state } from '../state.js';
import { loadColumns, renderColumns } from './columns.js';
import { renderSummary } from './summary.js';
import { renderProgress, run, startUpload } from './upload.js';
import { say } from './words.js';

/** @import { Lang } from '../state.js' */

/** Whether the result's language was chosen by hand (else it follows the page's). */
let languageChosen = false;

/** Puts the whole page in a language: its texts, the templates offered first, the columns and any summary. @param {Lang} lang */
function setLang(lang) {
  state.lang = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = say('title');
  byId('lang-zh').setAttribute('aria-pressed', String(lang === 'zh'));
  byId('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
  if (!languageChosen) byId('language', HTMLSelectElement).value = lang;
  relabel();
  renderColumns(byId('columns-body'));
  if (run.job) {
    renderProgress(run.job);
    if (run.job.state === 'done') renderSummary(run.job, byId('summary-body'));
  }
}

/** Today in the browser's time zone, YYYY-MM-DD. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Redraws the charts at the width they now have (a turned phone, a resized window). */
function redrawOnResize() {
  let width = byId('summary-body').clientWidth;
  let timer = 0;
  new ResizeObserver(() => {
    const now = byId('summary-body').clientWidth;
    if (now === width || !run.job || run.job.state !== 'done') return;
    width = now;
    clearTimeout(timer);
    timer = window.setTimeout(() => run.job && renderSummary(run.job, byId('summary-body')), 150);
  }).observe(byId('summary-body'));
}

async function boot() {
  const status = byId('load-status');
  status.textContent = say('loading');
  const initial = /** @type {Lang} */ (new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh');
  state.lang = initial;
  byId('lang-zh').addEventListener('click', () => setLang('zh'));
  byId('lang-en').addEventListener('click', () => setLang('en'));
  byId('language').addEventListener('change', () => {
    languageChosen = true;
  });
  try {
    [state.labels] = await Promise.all([loadLabels(), loadColumns()]);
  } catch (err) {
    status.textContent = say('loadFailed') + String(err instanceof Error ? err.message : err);
    return;
  }
  byId('asOf', HTMLInputElement).value = today();
  byId('upload-form', HTMLFormElement).addEventListener('submit', (e) => {
    e.preventDefault();
    void startUpload();
  });
  redrawOnResize();
  status.textContent = '';
  byId('upload-form').hidden = false;
  setLang(initial);
  document.body.dataset.ready = 'true';
}

void boot();
