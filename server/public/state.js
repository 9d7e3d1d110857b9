// @ts-check
// The page's one mutable state: the language, what the server sent (profile schema, labels), the form's fields, the
// screener's progress and the last answer. Every other module reads and writes it here.

/** @import { Answer } from '../../schemas/answer.ts' */
/** @import { Labels } from '../../schemas/labels/index.ts' */

/** @typedef {'zh' | 'en'} Lang */
/** A text in both languages: [zh, en]. @typedef {readonly [zh: string, en: string]} Pair */

/**
 * A node of the profile JSON Schema, as far as the form reads it.
 * @typedef {{
 *   type?: string,
 *   description?: string,
 *   enum?: string[],
 *   format?: string,
 *   minimum?: number,
 *   maxLength?: number,
 *   properties?: Record<string, SchemaNode>,
 *   items?: SchemaNode,
 *   allOf?: { if?: SchemaNode & { properties?: { city?: { const?: string } } }, then?: SchemaNode, else?: SchemaNode }[],
 * }} SchemaNode
 */

/**
 * One control of the form, by profile path: its wrapper, how it reads its value (undefined = left out), how it takes
 * focus, and how it is set to a value (false: the control cannot show that value, and is left out).
 * @typedef {{ wrap: HTMLElement, read: () => unknown, focus: () => void, write: (value: unknown) => boolean }} Field
 */

/** The first questions of the screener (before the engine has said which facts matter). */
export const START_FIELDS = ['sector', 'location.city', 'location.district', 'industry.keys', 'size.annualRevenue'];

export const state = {
  /** @type {Lang} */
  lang: 'zh',
  /** @type {SchemaNode | null} */
  schema: null,
  /** GET /v1/labels in each language. @type {Record<Lang, Labels> | null} */
  labels: null,
  /** @type {Map<string, Field>} */
  fields: new Map(),
  /** @type {Set<string>} */
  asked: new Set(START_FIELDS),
  /** @type {string[]} */
  batch: [...START_FIELDS],
  /** @type {number | null} */
  remaining: null,
  stopped: false,
  /** @type {Answer | null} */
  answer: null,
  /** Numbers each evaluation, so a slow answer to an older request is dropped. */
  seq: 0,
};

/**
 * The text of a pair in the page's language; a plain string stays as it is.
 * @param {Pair | string} pair
 * @returns {string}
 */
export const pick = (pair) => (typeof pair === 'string' ? pair : pair[state.lang === 'zh' ? 0 : 1]);

/** The `lang` attribute for text in the page's language. */
export const langTag = () => (state.lang === 'zh' ? 'zh-CN' : 'en');
