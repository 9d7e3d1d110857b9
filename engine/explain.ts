import type { Decision } from '../schemas/index.ts';
import type { Facts } from './tri.ts';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** `{energy.annualConsumptionTce}`, `{aboveDesignatedSize}`, `{decision.dueBy}`: the placeholders of a template. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

function read(root: unknown, segments: readonly string[]): unknown {
  let v = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}

function show(value: unknown, lang: Lang): string {
  if (value === undefined) return lang === 'zh' ? '（未提供）' : '(not given)';
  if (value === null) return lang === 'zh' ? '无' : 'none';
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? (lang === 'zh' ? '无' : 'none') : value.map((v) => show(v, lang)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'number') return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  return String(value);
}

/** Fills a rule's plain-language template with the enterprise's own facts (and the decision's due date, fine, …). */
export function renderExplanation(template: string, facts: Facts, decision: Partial<Decision>, lang: Lang): string {
  return template.replace(PLACEHOLDER, (_m, path: string) => {
    const [head, ...rest] = path.split('.');
    return show(head === 'decision' ? read(decision, rest) : read(facts, [head!, ...rest]), lang);
  });
}
