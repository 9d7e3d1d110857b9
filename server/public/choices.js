// @ts-check
// Two controls with more to them: a set of values as checkboxes (with a filter for a long list, e.g. the industries),
// and the district, a list where the contract enumerates the city's districts and free pinyin elsewhere.
import { h, idFor } from './dom.js';
import { fieldHint, fieldLabel, optionLabel } from './labels.js';
import { UI } from './text.js';
import { choose, enumOptions, fill, register } from './controls.js';

/**
 * An array of enum values as a group of checkboxes; over 12 values get a filter that matches either language's name.
 * @param {string} path
 * @param {readonly string[]} values
 */
export function checkboxField(path, values) {
  const base = idFor(path);
  const fs = h('fieldset', { class: 'field checks', 'data-path': path, id: base }, h('legend', { text: fieldLabel(path) }));
  const long = values.length > 12;
  const list = h('div', { class: `check-list${long ? ' long' : ''}` });
  if (long) {
    const fid = `${base}-filter`;
    const filter = h('input', { type: 'search', id: fid, autocomplete: 'off' });
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLowerCase();
      for (const item of list.children) if (item instanceof HTMLElement) item.hidden = q !== '' && !(item.dataset.search ?? '').includes(q);
    });
    fs.append(h('div', { class: 'filter' }, h('label', { for: fid, text: UI.filterIndustries }), filter));
  }
  for (const v of values) {
    const cid = `${base}-${v}`;
    const name = optionLabel(path, v);
    list.append(
      h(
        'div',
        { class: 'check', 'data-search': `${v} ${name[0]} ${name[1]}`.toLowerCase() },
        h('input', { type: 'checkbox', id: cid, name: path, value: v }),
        h('label', { for: cid, text: name }),
      ),
    );
  }
  fs.append(list);
  const boxes = () => [...list.querySelectorAll('input[type=checkbox]')].filter((b) => b instanceof HTMLInputElement);
  register(
    path,
    fs,
    () => {
      const on = boxes()
        .filter((b) => b.checked)
        .map((b) => b.value);
      return on.length ? on : undefined;
    },
    {
      focus: () => {
        const target = fs.querySelector('input[type=search]') ?? boxes()[0];
        if (target instanceof HTMLElement) target.focus();
      },
    },
    (v) => {
      if (!Array.isArray(v)) return false;
      for (const b of boxes()) b.checked = v.includes(b.value);
      return v.every((x) => boxes().some((b) => b.value === x));
    },
  );
  return fs;
}

/**
 * The district: a select where the contract enumerates the city's districts, free pinyin text elsewhere. The form
 * calls `syncDistrict(city)` when the city changes.
 * @param {string} path
 * @param {Record<string, string[]>} byCity
 */
export function districtField(path, byCity) {
  const id = idFor(path);
  const sel = h('select', { id, name: path });
  const selLabel = h('label', { for: id, text: fieldLabel(path) });
  const textId = `${id}-text`;
  const textLabel = h('label', { for: textId, text: UI.districtOther });
  const input = h('input', { type: 'text', id: textId, name: `${path}-text`, autocomplete: 'off', spellcheck: 'false', pattern: '[a-z][a-z\\-]*' });
  const wrap = h('div', { class: 'field', 'data-path': path }, selLabel, sel, textLabel, input);
  const hint = fieldHint(path);
  if (hint) {
    const hid = `${id}-hint`;
    wrap.append(h('p', { class: 'hint', id: hid, text: hint }));
    sel.setAttribute('aria-describedby', hid);
    input.setAttribute('aria-describedby', hid);
  }
  /** @param {string} city */
  const sync = (city) => {
    const list = byCity[city];
    selLabel.hidden = sel.hidden = !list;
    textLabel.hidden = input.hidden = !!list;
    if (list) {
      const keep = sel.value;
      sel.replaceChildren();
      enumOptions(sel, path, list);
      sel.value = list.includes(keep) ? keep : '';
    }
  };
  sync('');
  register(
    path,
    wrap,
    () => {
      if (!sel.hidden) return sel.value === '' ? undefined : sel.value;
      const v = input.value.trim().toLowerCase();
      return v === '' ? undefined : v;
    },
    { focus: () => (sel.hidden ? input : sel).focus() },
    (v) => typeof v === 'string' && (sel.hidden ? fill(input, v) : choose(sel, v)),
  );
  return { wrap, sync };
}
