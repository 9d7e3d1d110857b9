// @ts-check
// A profile passed to the self-assessment page by link: `/#profile=<base64url of its JSON>&asOf=YYYY-MM-DD`. Other
// pages (the rule sets page's example profiles and golden cases) make such links; this page reads one and fills its
// form with it. The profile travels in the fragment, so it is never sent to the server with the page request.
import { state } from './state.js';

/** Most characters of a profile link's fragment read (a profile is a few hundred; a golden case's a few thousand). */
export const MAX_LINK = 64 * 1024;

/** @param {string} text @returns {string} */
function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** @param {string} encoded @returns {string} */
function fromBase64Url(encoded) {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * The link that opens a profile in the self-assessment page.
 * @param {unknown} profile
 * @param {string} [asOf]
 */
export function profileLink(profile, asOf) {
  return `/#profile=${toBase64Url(JSON.stringify(profile))}${asOf ? `&asOf=${asOf}` : ''}`;
}

/**
 * The profile (and date) a fragment carries; null when it carries none; `{ error }` when it carries one that cannot be read.
 * @param {string} hash location.hash
 * @returns {{ profile: Record<string, unknown>, asOf?: string } | { error: string } | null}
 */
export function readProfileLink(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get('profile');
  if (encoded === null) return null;
  if (encoded.length > MAX_LINK) return { error: `longer than ${MAX_LINK} characters` };
  let profile;
  try {
    profile = JSON.parse(fromBase64Url(encoded));
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  if (profile === null || typeof profile !== 'object' || Array.isArray(profile)) return { error: 'not a JSON object' };
  const asOf = params.get('asOf');
  return { profile, ...(asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}) };
}

/**
 * The profile's values by form path: nested objects are walked down to the paths the form has a control for (an array,
 * or a list of records such as titles, is one value).
 * @param {Record<string, unknown>} profile
 * @param {ReadonlySet<string>} paths
 */
export function flatten(profile, paths, prefix = '') {
  /** @type {Map<string, unknown>} */
  const out = new Map();
  for (const [k, v] of Object.entries(profile)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (!paths.has(path) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [p, x] of flatten(/** @type {Record<string, unknown>} */ (v), paths, path)) out.set(p, x);
    } else out.set(path, v);
  }
  return out;
}

/**
 * Fills the form with a profile, in the form's order (a city before its district); the filled fields are shown.
 * Returns the paths the form could not take (no such field, or a value its control cannot show).
 * @param {Record<string, unknown>} profile
 * @returns {string[]}
 */
export function fillForm(profile) {
  const values = flatten(profile, new Set(state.fields.keys()));
  /** @type {string[]} */
  const refused = [];
  for (const [path, field] of state.fields) {
    if (!values.has(path)) continue;
    if (!field.write(values.get(path))) refused.push(path);
    state.asked.add(path);
    values.delete(path);
  }
  return [...refused, ...values.keys()];
}
