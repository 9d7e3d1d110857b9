import type { DerivedFactDef, Profile } from '../schemas/index.ts';
import { GUANGDONG_CITIES, keysForCode, withParents } from '../schemas/index.ts';
import { OPERATORS, applyOperator } from './operators.ts';
import { wholeYearsBetween } from './dates.ts';
import { readAt } from './conditions.ts';
import type { Lang } from './explain.ts';
import { MESSAGES } from './messages.ts';

export interface DerivedContext {
  readonly profile: Profile;
  readonly asOf: string;
  /** Language of the warnings (default zh). */
  readonly lang?: Lang;
}
export interface DerivedResult {
  facts: Record<string, unknown>;
  warnings: { code: string; message: string; path: string | null }[];
}

const SPLIT = new Map<string, readonly string[]>();
const segments = (dotted: string): readonly string[] => {
  let s = SPLIT.get(dotted);
  if (!s) {
    s = dotted.split('.');
    SPLIT.set(dotted, s);
  }
  return s;
};

export function readPath(obj: unknown, dotted: string): unknown {
  return readAt(obj, segments(dotted));
}

type Deriver = (def: DerivedFactDef, ctx: DerivedContext, warn: DerivedResult['warnings']) => unknown;

/** How each kind of declared derived fact is computed; the definitions themselves are data (rules/derived-facts.yaml). */
const DERIVERS: Record<DerivedFactDef['kind'], Deriver> = {
  threshold(def, { profile, lang = 'zh' }, warn) {
    const input = readPath(profile, def.inputs[0]!);
    const computed = typeof input === 'number' ? applyOperator(OPERATORS.get(def.operator!)!, input, def.value) : undefined;
    const given = def.override ? readPath(profile, def.override) : undefined;
    if (typeof given === 'boolean') {
      if (computed !== undefined && computed !== given) {
        warn.push({
          code: 'derived-fact-conflict',
          path: def.override!,
          message: MESSAGES.derivedConflict[lang](def.override!, given, def.inputs[0]!, input, computed),
        });
      }
      return given;
    }
    return computed;
  },
  yearsSince(def, { profile, asOf }) {
    const date = readPath(profile, def.inputs[0]!);
    if (date === undefined) return undefined;
    if (date === null) return null;
    return wholeYearsBetween(String(date), asOf);
  },
  industryClosure(_def, { profile, lang = 'zh' }, warn) {
    const codes = profile.industry?.codes;
    const keys = profile.industry?.keys;
    if (codes === undefined && keys === undefined) return undefined;
    const fromCodes: string[] = [];
    for (const code of codes ?? []) {
      const mapped = keysForCode(code);
      if (mapped.length === 0) {
        warn.push({ code: 'industry-code-unmapped', path: 'industry.codes', message: MESSAGES.codeUnmapped[lang](code) });
      }
      fromCodes.push(...mapped);
    }
    return withParents([...(keys ?? []), ...fromCodes]);
  },
  heldTitles(def, { profile, asOf }) {
    const titles = profile.titles;
    if (titles === undefined) return undefined;
    const revokedWanted = def.value === 'revoked';
    return [...new Set(titles.filter((t) => (t.revoked === true) === revokedWanted && (!t.awardedOn || t.awardedOn <= asOf)).map((t) => t.kind))].sort();
  },
  // Computed from the audit duties once the rules' conditions are decided (engine/lateness.ts), not from the profile.
  auditDuties: () => undefined,
  inProvince(def, { profile }) {
    const province = profile.location?.province;
    if (province !== undefined) return province === def.value;
    const city = profile.location?.city;
    if (city !== undefined && def.value === 'guangdong') return city in GUANGDONG_CITIES ? true : undefined;
    return undefined;
  },
};

export function deriveFacts(defs: readonly DerivedFactDef[], ctx: DerivedContext): DerivedResult {
  const result: DerivedResult = { facts: {}, warnings: [] };
  for (const def of defs) {
    const value = DERIVERS[def.kind](def, ctx, result.warnings);
    if (value !== undefined) result.facts[def.name] = value;
  }
  return result;
}
