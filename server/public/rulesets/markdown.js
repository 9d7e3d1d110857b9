// @ts-check
// The little Markdown a CHANGELOG uses, as elements (never as HTML text): paragraphs, `- ` lists with their indented
// continuation lines, `#` headings and `inline code`. Anything else stays plain text.
import { h } from '../dom.js';

/** @import { Child } from '../dom.js' */

/** Inline code spans as <code>, the rest as text. @param {string} text @returns {Child[]} */
export function inline(text) {
  return text.split(/(`[^`]+`)/).map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? h('code', {}, part.slice(1, -1)) : part));
}

/**
 * A Markdown text as block elements.
 * @param {string} markdown
 * @returns {HTMLElement[]}
 */
export function markdownBlocks(markdown) {
  /** @type {HTMLElement[]} */
  const out = [];
  /** @type {string[]} */
  let para = [];
  /** @type {HTMLUListElement | null} */
  let list = null;
  /** @type {string[] | null} */
  let item = null;
  const flushItem = () => {
    if (list && item) list.append(h('li', {}, inline(item.join(' '))));
    item = null;
  };
  const flush = () => {
    flushItem();
    if (list) out.push(list);
    list = null;
    if (para.length) out.push(h('p', {}, inline(para.join(' '))));
    para = [];
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      out.push(h(heading[1]?.length === 1 ? 'h4' : 'h5', {}, inline(heading[2] ?? '')));
    } else if (/^\s*[-*]\s+/.test(line)) {
      if (para.length) {
        out.push(h('p', {}, inline(para.join(' '))));
        para = [];
      }
      flushItem();
      list ??= h('ul');
      item = [line.replace(/^\s*[-*]\s+/, '')];
    } else if (item && /^\s+/.test(raw)) item.push(line.trim());
    else {
      if (list) {
        flushItem();
        out.push(list);
        list = null;
      }
      para.push(line.trim());
    }
  }
  flush();
  return out;
}
