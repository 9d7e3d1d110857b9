/**
 * JSON text for answers, equal to `JSON.stringify` but faster: an answer repeats the rule base's static objects (each
 * rule's bilingual title and its citation with the verbatim quote) in decisions, whyNot, undetermined and the summary,
 * and those are most of its bytes. Objects marked static are serialised once and their text reused.
 */
const STATIC = new WeakSet<object>();
const TEXT = new WeakMap<object, string>();
const KEYS = new Map<string, string>();

function freezeDeep(o: object): void {
  if (Object.isFrozen(o)) return;
  Object.freeze(o);
  for (const v of Object.values(o)) if (v !== null && typeof v === 'object') freezeDeep(v);
}

/** Marks an object (and everything in it) as never changing again: it is frozen, and its JSON text kept once made. */
export function markStatic<T extends object>(o: T): T {
  freezeDeep(o);
  STATIC.add(o);
  return o;
}

function quotedKey(k: string): string {
  let q = KEYS.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (KEYS.size < 10_000) KEYS.set(k, q);
  }
  return q;
}

function write(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      if (STATIC.has(v)) {
        let text = TEXT.get(v);
        if (text === undefined) TEXT.set(v, (text = JSON.stringify(v)));
        return text;
      }
      if (Array.isArray(v)) {
        let s = '[';
        for (let i = 0; i < v.length; i++) s += (i === 0 ? '' : ',') + (write(v[i]) ?? 'null');
        return `${s}]`;
      }
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(v);
      let s = '{';
      let first = true;
      for (const k of Object.keys(v)) {
        const x = write((v as Record<string, unknown>)[k]);
        if (x === undefined) continue;
        s += (first ? '' : ',') + quotedKey(k) + ':' + x;
        first = false;
      }
      return `${s}}`;
    }
    case 'bigint':
      return JSON.stringify(v); // throws, as JSON.stringify does
    default:
      return undefined;
  }
}

/** `JSON.stringify(value)` (no replacer, no indent), reusing the text of static objects. */
export function toJson(value: unknown): string {
  return write(value) ?? 'null';
}
