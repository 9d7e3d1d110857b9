// @ts-check
// The form, generated from the profile schema (GET /v1/schemas/profile), and the profile read back from it.
import { boolField, dateField, enumField, listTextField, numberField, textField } from './controls.js';
import { checkboxField, districtField } from './choices.js';
import { byId, h, idFor } from './dom.js';
import { fieldLabel } from './labels.js';
import { lastCompletedField, roundsField, titlesField } from './repeats.js';
import { state } from './state.js';
import { UI } from './text.js';

/** @import { SchemaNode } from './state.js' */
/** @typedef {{ cities: string[], districts: Record<string, string[]>, syncDistrict?: (city: string) => void }} FormContext */

/** The form's groups, in display order: `basics` holds the top-level scalars, the others are the profile's objects. */
const GROUPS = ['basics', 'location', 'industry', 'size', 'energy', 'environment', 'audit', 'titles', 'conduct', 'process', 'finance', 'project', 'ownership'];
/** Top-level fields shown in another group than their own. @type {Record<string, string>} */
const FIELD_GROUP = { id: 'basics', name: 'basics', sector: 'basics', trainedAuditStaff: 'audit' };

/**
 * Builds the controls for one property (recursing into objects as nested fieldsets).
 * @param {string} path
 * @param {SchemaNode} s
 * @param {FormContext} ctx
 * @returns {HTMLElement}
 */
function buildField(path, s, ctx) {
  if (path === 'titles') return titlesField(path, s);
  if (path === 'audit.lastCompleted') return lastCompletedField(path);
  if (path === 'audit.rounds') return roundsField(path);
  if (path === 'location.city') return enumField(path, ctx.cities);
  if (path === 'location.district') {
    const { wrap, sync } = districtField(path, ctx.districts);
    ctx.syncDistrict = sync;
    return wrap;
  }
  if (s.type === 'object' && s.properties) {
    const fs = h('fieldset', { class: 'sub-group', 'data-path': path }, h('legend', { text: fieldLabel(path) }));
    for (const [k, sub] of Object.entries(s.properties)) fs.append(buildField(`${path}.${k}`, sub, ctx));
    return fs;
  }
  if (s.type === 'boolean') return boolField(path);
  if (s.type === 'string' && s.enum) return enumField(path, s.enum);
  if (s.type === 'number' || s.type === 'integer') return numberField(path, s);
  if (s.type === 'string' && s.format === 'date') return dateField(path);
  if (s.type === 'array' && s.items?.enum) return checkboxField(path, s.items.enum);
  if (s.type === 'array') return listTextField(path);
  return textField(path, s);
}

/**
 * The cities and the districts by city, as the schema constrains them (location's allOf: Guangdong's cities, and a
 * district list where the contract enumerates one).
 * @param {SchemaNode} schema
 */
function places(schema) {
  const rules = schema.properties?.location?.allOf ?? [];
  const cities = rules.map((x) => x.else?.properties?.city?.enum).find(Boolean) ?? [];
  /** @type {Record<string, string[]>} */
  const districts = {};
  for (const rule of rules) {
    const city = rule.if?.properties?.city?.const;
    const list = rule.then?.properties?.district?.enum;
    if (city && list) districts[city] = list;
  }
  return { cities, districts };
}

/** Builds every group of the form into #groups and registers each field in state.fields. @param {SchemaNode} schema */
export function buildForm(schema) {
  /** @type {FormContext} */
  const ctx = places(schema);
  const groups = new Map(
    GROUPS.map((g) => [g, h('fieldset', { class: 'group', 'data-group': g }, h('legend', { text: g === 'basics' ? UI.basics : fieldLabel(g) }))]),
  );
  for (const [key, s] of Object.entries(schema.properties ?? {})) {
    const target = groups.get(FIELD_GROUP[key] ?? (groups.has(key) ? key : 'basics'));
    if (!target) continue;
    if (s.type === 'object' && s.properties) for (const [k, sub] of Object.entries(s.properties)) target.append(buildField(`${key}.${k}`, sub, ctx));
    else target.append(buildField(key, s, ctx));
  }
  byId('groups').replaceChildren(...groups.values());
  const city = byId(idFor('location.city'), HTMLSelectElement);
  city.addEventListener('change', () => ctx.syncDistrict?.(city.value));
}

/**
 * Sets `a.b.c` in an object, creating the objects on the way.
 * @param {Record<string, unknown>} obj
 * @param {string} path
 * @param {unknown} value
 */
export function setPath(obj, path, value) {
  const parts = path.split('.');
  const last = parts.pop() ?? path;
  let o = obj;
  for (const p of parts) {
    if (!o[p] || typeof o[p] !== 'object') o[p] = {};
    o = /** @type {Record<string, unknown>} */ (o[p]);
  }
  o[last] = value;
}

/** The profile as the form holds it: only what was given (a field left out is unknown, never "no"). */
export function readProfile() {
  /** @type {Record<string, unknown>} */
  const profile = {};
  for (const [path, f] of state.fields) {
    const v = f.read();
    if (v !== undefined) setPath(profile, path, v);
  }
  return profile;
}
