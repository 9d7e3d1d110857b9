import type { Decision } from '../schemas/index.ts';
import type { Facts } from './tri.ts';
import { readAt } from './conditions.ts';
import { GUANGDONG_CITIES, INDUSTRIES, WATERSHEDS } from '../schemas/index.ts';

const SECTOR_NAMES: Record<string, { zh: string; en: string }> = {
  industry: { zh: '工业', en: 'industry' },
  agriculture: { zh: '农业', en: 'agriculture' },
  services: { zh: '服务业', en: 'services' },
  construction: { zh: '建筑业', en: 'construction' },
  transport: { zh: '交通运输业', en: 'transport' },
  'public-institution': { zh: '公共机构', en: 'public institution' },
};
const TITLE_NAMES: Record<string, { zh: string; en: string }> = {
  'guangdong-cp-enterprise': { zh: '广东省清洁生产企业', en: 'Guangdong cleaner-production enterprise' },
  'foshan-cp-enterprise': { zh: '佛山市清洁生产企业', en: 'Foshan cleaner-production enterprise' },
  'cp-demonstration': { zh: '清洁生产示范企业', en: 'cleaner-production demonstration enterprise' },
  'guangdong-cp-benchmark': { zh: '广东省清洁生产标杆企业', en: 'Guangdong cleaner-production benchmark enterprise' },
};

/** Contract keys (industries, cities, sectors, titles) read as names in the answer's language. */
export function nameOf(key: string, lang: Lang): string {
  const industry = (INDUSTRIES as Record<string, { zh: string; en: string }>)[key];
  if (industry) return industry[lang];
  const city = (GUANGDONG_CITIES as Record<string, string>)[key];
  if (city) return lang === 'zh' ? `${city}市` : key[0]!.toUpperCase() + key.slice(1);
  const watershed = (WATERSHEDS as Record<string, string>)[key];
  if (watershed) return lang === 'zh' ? watershed : key;
  return (SECTOR_NAMES[key] ?? TITLE_NAMES[key])?.[lang] ?? key;
}

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** `{energy.annualConsumptionTce}`, `{aboveDesignatedSize}`, `{decision.dueBy}`: the placeholders of a template. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Number.prototype.toLocaleString builds a formatter on every call; these are built once (same output). */
const NUMBER_FORMAT: Record<Lang, Intl.NumberFormat> = { zh: new Intl.NumberFormat('zh-CN'), en: new Intl.NumberFormat('en-US') };

function show(value: unknown, lang: Lang): string {
  if (value === undefined) return lang === 'zh' ? '（未提供）' : '(not given)';
  if (value === null) return lang === 'zh' ? '无' : 'none';
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? (lang === 'zh' ? '无' : 'none') : value.map((v) => show(v, lang)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'number') return NUMBER_FORMAT[lang].format(value);
  if (typeof value === 'object') {
    const kind = (value as { kind?: unknown }).kind;
    return typeof kind === 'string' ? nameOf(kind, lang) : JSON.stringify(value);
  }
  return nameOf(String(value), lang);
}

type Segment = string | { head: string; rest: readonly string[] };
const parsed = new Map<string, readonly Segment[]>();

/** A template split once into literal text and placeholders (cached: the rule base's templates are few). */
function segmentsOf(template: string): readonly Segment[] {
  let segs = parsed.get(template);
  if (!segs) {
    const out: Segment[] = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      if (m.index > last) out.push(template.slice(last, m.index));
      const [head, ...rest] = m[1]!.split('.');
      out.push({ head: head!, rest });
      last = m.index + m[0].length;
    }
    if (last < template.length) out.push(template.slice(last));
    segs = out;
    parsed.set(template, segs);
  }
  return segs;
}

/** Fills a rule's plain-language template with the enterprise's own facts (and the decision's due date, fine, …). */
export function renderExplanation(template: string, facts: Facts, decision: Partial<Decision>, lang: Lang): string {
  let out = '';
  for (const seg of segmentsOf(template)) {
    if (typeof seg === 'string') out += seg;
    else out += show(seg.head === 'decision' ? readAt(decision, seg.rest) : readAt(facts[seg.head], seg.rest), lang);
  }
  return out;
}
