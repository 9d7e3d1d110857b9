// @ts-check
// Building elements: h() creates one, bi() gives it text that follows the language switch.
import { pick } from './state.js';

/** @import { Pair } from './state.js' */

/** @typedef {Node | string | number | null | undefined | false | Child[]} Child */
/**
 * Attributes and properties; `text: [zh, en]` makes a translated text, `on…` adds a listener.
 * @typedef {Record<string, unknown>} Attrs
 */

/**
 * Creates an element.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') bi(el, /** @type {Pair | string} */ (v));
    else if (k === 'class') el.className = String(v);
    else if (k === 'for' && el instanceof HTMLLabelElement) el.htmlFor = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), /** @type {EventListener} */ (v));
    else if (k in el && typeof v !== 'string') /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (el))[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/**
 * @param {HTMLElement} el
 * @param {Child[]} children
 */
function append(el, children) {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  }
}

/**
 * Gives an element translated text: it follows the language switch (see relabel).
 * @template {HTMLElement} E
 * @param {E} el
 * @param {Pair | string} pair
 * @returns {E}
 */
export function bi(el, pair) {
  if (typeof pair === 'string') {
    el.textContent = pair;
    return el;
  }
  el.dataset.zh = pair[0];
  el.dataset.en = pair[1];
  el.textContent = pick(pair);
  return el;
}

/** Every translated text on the page, in the page's language. */
export function relabel() {
  for (const el of document.querySelectorAll('[data-zh]')) {
    if (el instanceof HTMLElement) el.textContent = pick([el.dataset.zh ?? '', el.dataset.en ?? '']);
  }
}

/**
 * The id of a profile path's control: `location.city` → `f-location-city`.
 * @param {string} path
 */
export const idFor = (path) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/**
 * An element that must be on the page.
 * @template {HTMLElement} [E=HTMLElement]
 * @param {string} id
 * @param {new (...args: never[]) => E} [kind]
 * @returns {E}
 */
export function byId(id, kind) {
  const el = document.getElementById(id);
  if (!el || (kind && !(el instanceof kind))) throw new Error(`the page has no #${id}`);
  return /** @type {E} */ (el);
}
