// @ts-check
// Building inline SVG for the charts (the timeline on /, the impact charts on /rulesets): elements in the SVG
// namespace, with attributes and children, and a few measures shared by the charts. No inline style: colours come
// from classes in the style sheets (the CSP allows no inline style).

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** @typedef {SVGElement | string | number | null | undefined | false | SvgChild[]} SvgChild */

/**
 * Creates an SVG element.
 * @param {string} tag
 * @param {Record<string, string | number | null | undefined | false>} [attrs]
 * @param {...SvgChild} children
 * @returns {SVGElement}
 */
export function s(tag, attrs = {}, ...children) {
  const el = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== false) el.setAttribute(k, String(v));
  const add = (/** @type {SvgChild[]} */ list) => {
    for (const c of list) {
      if (Array.isArray(c)) add(c);
      else if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'object' ? c : String(c));
    }
  };
  add(children);
  return el;
}

/** Roughly how wide a text is at the charts' 12px font: CJK characters are square, others about half as wide. @param {string} text */
export function textWidth(text) {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 6.8;
  return w;
}

/** The width a chart may take in its container (its CSS width, at least `min`). @param {HTMLElement} container */
export const chartWidth = (container, min = 280) => Math.max(min, Math.floor(container.getBoundingClientRect().width || min));
