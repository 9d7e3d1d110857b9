// @ts-check
// The bilingual cleaner-production self-assessment page: plain ES modules, no build step, no framework. The form is
// generated from GET /v1/schemas/profile and labelled from GET /v1/labels; answers come from POST /v1/evaluate.
import { byId, h, relabel } from './dom.js';
import { evaluateNow } from './evaluate.js';
import { buildForm } from './form.js';
import { loadLabels } from './labels.js';
import { fillForm, readProfileLink } from './profile-link.js';
import { renderResult } from './result.js';
import { renderScreener, toggleStopped } from './screener.js';
import { pick, state } from './state.js';
import { UI, tr } from './text.js';
import { drawTimeline } from './timeline.js';

/** @import { Lang, SchemaNode } from './state.js' */

/** Puts the whole page in a language: every translated text, the screener and the answer. @param {Lang} lang */
function setLang(lang) {
  state.lang = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = pick(UI.title);
  byId('lang-zh').setAttribute('aria-pressed', String(lang === 'zh'));
  byId('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
  relabel();
  renderScreener();
  if (state.answer) renderResult(state.answer);
  drawTimeline();
}

/**
 * A profile passed by link (`#profile=…&asOf=…`, profile-link.js): fills the form, says what it could not take, and
 * evaluates. Returns whether there was one.
 */
function openLinkedProfile() {
  const linked = readProfileLink(location.hash);
  if (!linked) return false;
  const status = byId('link-status');
  if ('error' in linked) {
    status.replaceChildren(h('p', { class: 'error' }, h('span', { text: UI.linkBroken }), linked.error));
    return false;
  }
  if (linked.asOf) byId('asOf', HTMLInputElement).value = linked.asOf;
  const refused = fillForm(linked.profile);
  const codes = refused.flatMap((p, i) => [...(i ? [', '] : []), h('code', {}, p)]);
  status.replaceChildren(
    h('p', { text: UI.linkOpened }),
    ...(refused.length ? [h('p', { id: 'link-refused', class: 'error' }, h('span', { text: UI.linkRefused }), codes)] : []),
  );
  return true;
}

/** Today in the browser's time zone, YYYY-MM-DD. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The profile schema. @returns {Promise<SchemaNode>} */
async function loadSchema() {
  const res = await fetch('/v1/schemas/profile', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /v1/schemas/profile: HTTP ${res.status}`);
  return res.json();
}

async function boot() {
  const status = byId('load-status');
  status.textContent = tr('loading');
  byId('lang-zh').addEventListener('click', () => setLang('zh'));
  byId('lang-en').addEventListener('click', () => setLang('en'));
  try {
    [state.schema, state.labels] = await Promise.all([loadSchema(), loadLabels()]);
  } catch (err) {
    status.textContent = tr('loadFailed') + String(err instanceof Error ? err.message : err);
    return;
  }
  buildForm(state.schema);
  byId('asOf', HTMLInputElement).value = today();
  const form = byId('profile-form', HTMLFormElement);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void evaluateNow();
  });
  byId('full-form').addEventListener('change', renderScreener);
  byId('stop-screener').addEventListener('click', toggleStopped);
  form.hidden = false;
  status.textContent = '';
  setLang(state.lang);
  let resized = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = window.setTimeout(drawTimeline, 150);
  });
  if (openLinkedProfile()) {
    renderScreener();
    await evaluateNow();
  }
  document.body.dataset.ready = 'true';
}

void boot();
