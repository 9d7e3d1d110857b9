// @ts-check
// The form's simple controls, one per profile field: yes/no, a choice, a number, a date, a text, a list of texts.
// Each registers how it reads its value (undefined = left out, never "no") in state.fields.
import { bi, h, idFor } from './dom.js';
import { fieldHint, fieldLabel, optionLabel } from './labels.js';
import { state } from './state.js';
import { UI } from './text.js';

/** @import { SchemaNode } from './state.js' */

/**
 * Records a field's control: how it reads its value, takes focus and is set to a value (a profile opened by link).
 * @param {string} path
 * @param {HTMLElement} wrap
 * @param {() => unknown} read
 * @param {{ focus: () => void }} focusable
 * @param {(value: unknown) => boolean} write
 */
export function register(path, wrap, read, focusable, write) {
  state.fields.set(path, { wrap, read, focus: () => focusable.focus(), write });
}

/**
 * Sets a select to a value it offers (and tells its listeners); false when it has no such option.
 * @param {HTMLSelectElement} sel
 * @param {string} value
 */
export function choose(sel, value) {
  const known = [...sel.options].some((o) => o.value === value);
  sel.value = known ? value : '';
  sel.dispatchEvent(new Event('change'));
  return known;
}

/**
 * Sets an input's text (and tells its listeners).
 * @param {HTMLInputElement} input
 * @param {string} value
 */
export function fill(input, value) {
  input.value = value;
  input.dispatchEvent(new Event('input'));
  return true;
}

/**
 * A field's wrapper: its label, the control and, where the labels have one, its hint in the page's language.
 * @param {string} path
 * @param {HTMLElement} control
 * @param {{ hint?: boolean }} [options] hint: false leaves the hint to the caller
 */
export function fieldWrap(path, control, { hint = true } = {}) {
  const wrap = h('div', { class: 'field', 'data-path': path }, h('label', { for: control.id, text: fieldLabel(path) }), control);
  const text = hint ? fieldHint(path) : undefined;
  if (text) {
    const hid = `${control.id}-hint`;
    wrap.append(bi(h('p', { class: 'hint', id: hid }), text));
    control.setAttribute('aria-describedby', hid);
  }
  return wrap;
}

/**
 * Fills a select with a field's values, named by the labels (first "unknown / leave out" unless unknown is false).
 * @param {HTMLSelectElement} select
 * @param {string} path the field whose option names apply
 * @param {readonly string[]} values
 * @param {{ unknown?: boolean }} [options]
 */
export function enumOptions(select, path, values, { unknown = true } = {}) {
  if (unknown) select.append(h('option', { value: '', text: UI.unknown }));
  for (const v of values) select.append(h('option', { value: v, text: optionLabel(path, v) }));
}

/** @param {string} path */
export function boolField(path) {
  const sel = h('select', { id: idFor(path), name: path });
  sel.append(h('option', { value: '', text: UI.unknown }), h('option', { value: 'true', text: UI.yes }), h('option', { value: 'false', text: UI.no }));
  const wrap = fieldWrap(path, sel);
  register(
    path,
    wrap,
    () => (sel.value === '' ? undefined : sel.value === 'true'),
    sel,
    (v) => typeof v === 'boolean' && choose(sel, String(v)),
  );
  return wrap;
}

/**
 * @param {string} path
 * @param {readonly string[]} values
 */
export function enumField(path, values) {
  const sel = h('select', { id: idFor(path), name: path });
  enumOptions(sel, path, values);
  const wrap = fieldWrap(path, sel);
  register(
    path,
    wrap,
    () => (sel.value === '' ? undefined : sel.value),
    sel,
    (v) => typeof v === 'string' && choose(sel, v),
  );
  return wrap;
}

/**
 * @param {string} path
 * @param {SchemaNode} s
 */
export function numberField(path, s) {
  const input = h('input', {
    type: 'number',
    id: idFor(path),
    name: path,
    inputMode: s.type === 'integer' ? 'numeric' : 'decimal',
    min: s.minimum === undefined ? undefined : String(s.minimum),
    step: s.type === 'integer' ? '1' : 'any',
  });
  const wrap = fieldWrap(path, input);
  register(
    path,
    wrap,
    () => (input.value.trim() === '' ? undefined : Number(input.value)),
    input,
    (v) => typeof v === 'number' && fill(input, String(v)),
  );
  return wrap;
}

/** @param {string} path */
export function dateField(path) {
  const input = h('input', { type: 'date', id: idFor(path), name: path });
  const wrap = fieldWrap(path, input);
  register(
    path,
    wrap,
    () => input.value || undefined,
    input,
    (v) => typeof v === 'string' && fill(input, v) && input.value === v,
  );
  return wrap;
}

/**
 * @param {string} path
 * @param {SchemaNode} s
 */
export function textField(path, s) {
  const input = h('input', { type: 'text', id: idFor(path), name: path, autocomplete: 'off', spellcheck: 'false', maxLength: s.maxLength });
  const wrap = fieldWrap(path, input);
  register(
    path,
    wrap,
    () => (input.value.trim() === '' ? undefined : input.value.trim()),
    input,
    (v) => typeof v === 'string' && fill(input, v),
  );
  return wrap;
}

/** A list of free texts in one input, separated by commas (or 、；and spaces). @param {string} path */
export function listTextField(path) {
  const input = h('input', { type: 'text', id: idFor(path), name: path, autocomplete: 'off', spellcheck: 'false' });
  const wrap = fieldWrap(path, input, { hint: false });
  const hid = `${input.id}-hint`;
  const hint = fieldHint(path);
  wrap.append(
    h('p', { class: 'hint', id: hid }, hint ? [h('span', { text: hint }), h('span', { text: [' — ', ' — '] })] : null, h('span', { text: UI.commaSeparated })),
  );
  input.setAttribute('aria-describedby', hid);
  register(
    path,
    wrap,
    () => {
      const items = input.value
        .split(/[,，、;；\s]+/)
        .map((x) => x.trim())
        .filter(Boolean);
      return items.length ? [...new Set(items)] : undefined;
    },
    input,
    (v) => Array.isArray(v) && v.every((x) => typeof x === 'string') && fill(input, v.join(', ')),
  );
  return wrap;
}
