// @ts-check
// The policy staff's page, /rulesets: every rule set and version with its period, jurisdiction, assumptions and
// CHANGELOG; a version's source text with the rules quoting each passage; the diff of two versions in words; the
// impact of a change on a population. Plain ES modules, no build step; zh and en, as on the self-assessment page.
import { byId, relabel } from '../dom.js';
import { loadLabels } from '../labels.js';
import { state } from '../state.js';
import { fillDiffChoice, loadDiff, redrawDiff } from './diff.js';
import { drawImpact, fillImpactChoice, runImpact } from './impact.js';
import { redrawRule } from './rule.js';
import { loadRuleSets, renderRuleSets } from './sets.js';
import { applyFilter, fillSourceChoice, loadSource, redrawSource } from './source.js';
import { tr } from './text.js';

/** @import { Lang } from '../state.js' */

/** Opens a version's source text (`id@version`) and scrolls to it. @param {string} key */
function openSource(key) {
  void loadSource(key);
  byId('source').scrollIntoView({ block: 'start' });
}

/** Puts the page in a language: its own words, the labels' names, and the API's worded answers fetched again. @param {Lang} lang */
function setLang(lang) {
  state.lang = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = tr('title');
  byId('lang-zh').setAttribute('aria-pressed', String(lang === 'zh'));
  byId('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
  relabel();
  renderRuleSets(openSource);
  redrawSource();
  redrawRule();
  redrawDiff();
  drawImpact();
}

/** The population the impact form uses: synthetic (size, seed) or a file. */
function syncPopulation() {
  const file = byId('pop-file', HTMLInputElement).checked;
  byId('synthetic-fields').hidden = file;
  byId('file-fields').hidden = !file;
}

async function boot() {
  const status = byId('load-status');
  status.textContent = tr('loading');
  byId('lang-zh').addEventListener('click', () => setLang('zh'));
  byId('lang-en').addEventListener('click', () => setLang('en'));
  try {
    [state.labels] = await Promise.all([loadLabels(), loadRuleSets()]);
  } catch (err) {
    status.textContent = tr('loadFailed') + String(err instanceof Error ? err.message : err);
    return;
  }
  fillSourceChoice();
  fillDiffChoice(true);
  fillImpactChoice(true);
  byId('source-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void loadSource(byId('source-version', HTMLSelectElement).value);
  });
  byId('only-unquoted').addEventListener('change', applyFilter);
  byId('diff-ruleset').addEventListener('change', () => fillDiffChoice(true));
  byId('diff-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void loadDiff();
  });
  byId('impact-ruleset').addEventListener('change', () => fillImpactChoice(true));
  for (const id of ['pop-synthetic', 'pop-file']) byId(id).addEventListener('change', syncPopulation);
  syncPopulation();
  byId('impact-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void runImpact();
  });
  let resized = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = window.setTimeout(drawImpact, 150);
  });
  status.textContent = '';
  setLang(state.lang);
  await loadSource(byId('source-version', HTMLSelectElement).value);
  document.body.dataset.ready = 'true';
}

void boot();
