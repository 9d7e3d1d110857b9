import { hash } from 'node:crypto';

/** JSON with object keys sorted at every level: the same data always hashes the same. */
const SAFE_KEY = /^[A-Za-z0-9_.-]*$/;

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value === 'boolean' || typeof value === 'number' ? String(Number.isFinite(value) || typeof value === 'boolean' ? value : null) : JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (value[i] === undefined ? 'null' : canonicalJson(value[i]));
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${SAFE_KEY.test(k) ? `"${k}"` : JSON.stringify(k)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

export const sha256 = (text: string): string => hash('sha256', text, 'hex');
