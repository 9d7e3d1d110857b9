// @ts-check
// The labels of the profile's fields, the answer's values and the derived facts, from GET /v1/labels (derived on the
// server from schemas/): both languages are loaded once, so the language switch needs no request.
import { state } from './state.js';

/** @import { Labels } from '../../schemas/labels/index.ts' */
/** @import { Lang, Pair } from './state.js' */

/**
 * Loads the labels in both languages.
 * @returns {Promise<Record<Lang, Labels>>}
 */
export async function loadLabels() {
  /** @param {Lang} lang @returns {Promise<Labels>} */
  const one = async (lang) => {
    const res = await fetch(`/v1/labels?lang=${lang}`, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET /v1/labels?lang=${lang}: HTTP ${res.status}`);
    return res.json();
  };
  const [zh, en] = await Promise.all([one('zh'), one('en')]);
  return { zh, en };
}

/**
 * The same text in both label documents, as a pair; `fallback` where a document has none.
 * @param {(labels: Labels) => string | undefined} get
 * @param {string} fallback
 * @returns {Pair}
 */
function both(get, fallback) {
  const docs = state.labels;
  return docs ? [get(docs.zh) ?? fallback, get(docs.en) ?? fallback] : [fallback, fallback];
}

/** `titles.0.kind` → `titles.kind`. @param {string} path */
const generic = (path) => path.replace(/\.\d+(?=\.|$)/g, '');

/**
 * A profile field's label (its last segment where the labels have none).
 * @param {string} path
 * @returns {Pair}
 */
export const fieldLabel = (path) => both((l) => l.fields[generic(path)]?.label, generic(path).split('.').pop() ?? path);

/**
 * A profile field's hint, or undefined where it has none.
 * @param {string} path
 * @returns {Pair | undefined}
 */
export function fieldHint(path) {
  const [zh, en] = both((l) => l.fields[generic(path)]?.hint, '');
  return zh && en ? [zh, en] : undefined;
}

/**
 * The name of one of a field's values (the value itself where the labels have none).
 * @param {string} path
 * @param {string} value
 * @returns {Pair}
 */
export const optionLabel = (path, value) => both((l) => l.fields[generic(path)]?.options?.[value], value);

/**
 * The name of one of the answer's values.
 * @param {keyof Labels['values']} kind
 * @param {string} value
 * @returns {Pair}
 */
export const valueLabel = (kind, value) => both((l) => l.values[kind][value], value);

/**
 * A fact the answer names (a profile path or a derived fact): its label.
 * @param {string} fact
 * @returns {Pair}
 */
export const factLabel = (fact) => both((l) => l.fields[generic(fact)]?.label ?? l.facts[fact]?.label, fact);

/**
 * A value of a fact the answer shows, named where it is a key (a field's option, an industry of `industryKeys`).
 * @param {string} fact
 * @param {string} value
 * @returns {Pair}
 */
export const factValue = (fact, value) => both((l) => l.fields[generic(fact)]?.options?.[value] ?? l.facts[fact]?.options?.[value], value);
