import { hash } from 'node:crypto';

/** JSON for keys, memoised: profiles repeat the same few dozen field names. */
const KEY_JSON = new Map<string, string>();
function keyJson(k: string): string {
  let j = KEY_JSON.get(k);
  if (j === undefined) {
    j = JSON.stringify(k);
    if (KEY_JSON.size < 10_000) KEY_JSON.set(k, j);
  }
  return j;
}

/** JSON with object keys sorted at every level: the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'object':
      break;
    default:
      return JSON.stringify(value) ?? 'null';
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += value[i] === undefined ? 'null' : canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  sortSmall(keys);
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${keyJson(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/**
 * Sorts keys in place as Array.prototype.sort would (UTF-16 code units), without its work arrays: a profile's objects
 * have a handful of keys each.
 */
function sortSmall(keys: string[]): void {
  if (keys.length > 16) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
}

export const sha256 = (text: string): string => hash('sha256', text, 'hex');
