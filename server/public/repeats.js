// @ts-check
// The fields with a "none" that means something: the last audit (a date, or never), and the repeatable lists of
// titles and audit rounds ("none" sends [], "unknown" leaves the field out, "listed" sends the rows).
import { h, idFor } from './dom.js';
import { fieldLabel } from './labels.js';
import { UI } from './text.js';
import { choose, enumOptions, fieldWrap, fill, register } from './controls.js';

/** @import { Pair, SchemaNode } from './state.js' */

/** audit.lastCompleted: a date, or null for "never audited", or left out. @param {string} path */
export function lastCompletedField(path) {
  const id = idFor(path);
  const sel = h('select', { id, name: path });
  sel.append(h('option', { value: '', text: UI.unknown }), h('option', { value: 'never', text: UI.never }), h('option', { value: 'date', text: UI.onDate }));
  const dateId = `${id}-date`;
  const date = h('input', { type: 'date', id: dateId, name: `${path}-date` });
  const dateBox = h('div', { class: 'sub', hidden: true }, h('label', { for: dateId, text: UI.lastCompletedDate }), date);
  sel.addEventListener('change', () => {
    dateBox.hidden = sel.value !== 'date';
  });
  const wrap = fieldWrap(path, sel);
  wrap.append(dateBox);
  register(
    path,
    wrap,
    () => (sel.value === 'never' ? null : sel.value === 'date' ? date.value || undefined : undefined),
    sel,
    (v) => (v === null ? choose(sel, 'never') : typeof v === 'string' && choose(sel, 'date') && fill(date, v) && date.value === v),
  );
  return wrap;
}

/**
 * A repeatable list of rows behind a select: unknown (left out), none ([]) or listed (the rows' values).
 * @template T
 * @param {string} path
 * @param {{ held: Pair, none: Pair, listed: Pair, add: Pair, remove: Pair }} text
 * @param {(rid: string) => { cells: HTMLElement[], first: HTMLElement, read: () => T | undefined, write: (item: unknown) => boolean }} makeRow
 */
function repeatable(path, text, makeRow) {
  const id = idFor(path);
  const sel = h('select', { id, name: path });
  sel.append(h('option', { value: '', text: UI.unknown }), h('option', { value: 'none', text: text.none }), h('option', { value: 'list', text: text.listed }));
  const rows = h('ol', { class: 'title-rows' });
  /** @type {Map<HTMLElement, () => T | undefined>} */
  const readers = new Map();
  let n = 0;
  /** @param {boolean} [focus] */
  const addRow = (focus = true) => {
    const { cells, first, read, write } = makeRow(`${id}-${++n}`);
    const row = h('li', { class: 'title-row' }, cells);
    row.append(
      h('button', {
        type: 'button',
        class: 'secondary remove',
        text: text.remove,
        onclick: () => {
          row.remove();
          readers.delete(row);
          if (!rows.children.length) sel.value = 'none';
          sync();
        },
      }),
    );
    readers.set(row, read);
    rows.append(row);
    if (focus) first.focus();
    return write;
  };
  const onAdd = () => {
    sel.value = 'list';
    addRow();
    sync();
  };
  const box = h('div', { class: 'titles-box' }, rows, h('button', { type: 'button', class: 'secondary', text: text.add, onclick: onAdd }));
  const sync = () => {
    box.hidden = sel.value !== 'list';
    if (sel.value === 'list' && !rows.children.length) addRow();
  };
  sel.addEventListener('change', sync);
  const wrap = h('div', { class: 'field wide', 'data-path': path }, h('label', { for: id, text: text.held }), sel, box);
  sync();
  /** @returns {T[] | undefined} */
  const read = () => {
    if (sel.value === 'none') return [];
    if (sel.value !== 'list') return undefined;
    /** @type {T[]} */
    const out = [];
    for (const r of rows.children) {
      const v = r instanceof HTMLElement ? readers.get(r)?.() : undefined;
      if (v !== undefined) out.push(v);
    }
    return out;
  };
  /** @param {unknown} v */
  const write = (v) => {
    if (!Array.isArray(v)) return false;
    rows.replaceChildren();
    readers.clear();
    sel.value = v.length ? 'list' : 'none';
    const ok = v.map((item) => addRow(false)(item)).every(Boolean);
    sync();
    return ok;
  };
  register(path, wrap, read, sel, write);
  return wrap;
}

/**
 * A labelled cell of a row.
 * @param {string} path the profile path whose label it takes
 * @param {HTMLElement} control
 */
const cell = (path, control) => h('div', { class: 'field' }, h('label', { for: control.id, text: fieldLabel(path) }), control);

/**
 * titles: the titles held, each with its kind, award date and whether it was revoked.
 * @param {string} path
 * @param {SchemaNode} s
 */
export function titlesField(path, s) {
  const kinds = s.items?.properties?.kind?.enum ?? [];
  const text = { held: UI.titlesHeld, none: UI.titlesNone, listed: UI.titlesListed, add: UI.addTitle, remove: UI.removeTitle };
  return repeatable(path, text, (rid) => {
    const kind = h('select', { id: `${rid}-kind` });
    enumOptions(kind, `${path}.kind`, kinds, { unknown: false });
    const awarded = h('input', { type: 'date', id: `${rid}-awardedOn` });
    const revoked = h('select', { id: `${rid}-revoked` });
    revoked.append(h('option', { value: 'false', text: UI.no }), h('option', { value: 'true', text: UI.yes }));
    return {
      cells: [cell(`${path}.kind`, kind), cell(`${path}.awardedOn`, awarded), cell(`${path}.revoked`, revoked)],
      first: kind,
      read: () => ({ kind: kind.value, ...(awarded.value ? { awardedOn: awarded.value } : {}), ...(revoked.value === 'true' ? { revoked: true } : {}) }),
      write: (item) => {
        const t = /** @type {{ kind?: unknown, awardedOn?: unknown, revoked?: unknown }} */ (item ?? {});
        const ok = typeof t.kind === 'string' && choose(kind, t.kind);
        if (typeof t.awardedOn === 'string') fill(awarded, t.awardedOn);
        revoked.value = t.revoked === true ? 'true' : 'false';
        return ok;
      },
    };
  });
}

/** audit.rounds: the whole audit history, each round with its completion and acceptance dates. @param {string} path */
export function roundsField(path) {
  const text = { held: fieldLabel(path), none: UI.never, listed: UI.roundsListed, add: UI.addRound, remove: UI.removeRound };
  return repeatable(path, text, (rid) => {
    const done = h('input', { type: 'date', id: `${rid}-completedOn`, required: true });
    const accepted = h('input', { type: 'date', id: `${rid}-acceptedOn` });
    return {
      cells: [cell(`${path}.completedOn`, done), cell(`${path}.acceptedOn`, accepted)],
      first: done,
      // A round without its completion date is not a round yet: left out.
      read: () => (done.value ? { completedOn: done.value, ...(accepted.value ? { acceptedOn: accepted.value } : {}) } : undefined),
      write: (item) => {
        const r = /** @type {{ completedOn?: unknown, acceptedOn?: unknown }} */ (item ?? {});
        if (typeof r.acceptedOn === 'string') fill(accepted, r.acceptedOn);
        return typeof r.completedOn === 'string' && fill(done, r.completedOn);
      },
    };
  });
}
