import type { Answer, Profile } from '../schemas/index.ts';
import type { DutyRecord } from './duties.ts';

type Warning = Answer['warnings'][number];

/**
 * The derived facts that rules about lateness read (逾期未完成 / 按時或提前完成), computed from the same audit duties the
 * summary shows, so that a sanction for lateness never contradicts the summary's overdue and missed:
 * - auditLate: some dated audit duty's due date passed unmet (made up later or not);
 * - auditOnTime: some dated duty was met by its due date, and none passed unmet;
 * - listedAuditLate: the published list's deadline passed unmet.
 * A value the duties leave open is absent (the rules that read it are undetermined), unless the profile states
 * `audit.completedOnTime`, which settles what the dates leave open; where the dates decide, they win over a
 * contradicting statement, with a warning.
 */
export const LATENESS_FACTS = ['auditLate', 'auditOnTime', 'listedAuditLate'] as const;
export type LatenessFact = (typeof LATENESS_FACTS)[number];

type Value = boolean | undefined;

function late(records: readonly DutyRecord[]): Value {
  if (records.some((r) => r.applies === 'T' && r.result.late === true)) return true;
  if (records.some((r) => r.result.late === null || (r.applies === 'U' && r.result.late !== false))) return undefined;
  return false;
}

function onTime(records: readonly DutyRecord[], isLate: Value): Value {
  if (isLate === true) return false;
  if (records.some((r) => r.applies === 'T' && r.result.onTime === true)) return isLate === false ? true : undefined;
  if (isLate === undefined || records.some((r) => r.result.onTime === null || (r.applies === 'U' && r.result.onTime !== false))) return undefined;
  return false;
}

export interface Lateness {
  readonly facts: Partial<Record<LatenessFact, boolean>>;
  /** For each fact left open: the profile fields that would settle it. */
  readonly ask: Partial<Record<LatenessFact, string[]>>;
  readonly warnings: Warning[];
}

const MESSAGES = {
  zh: (given: boolean, fact: LatenessFact, derived: boolean) =>
    `档案写明 audit.completedOnTime 为${given ? '“是”（按时完成）' : '“否”（逾期）'}，但按审核日期与各项审核义务的期限计算，${fact === 'auditOnTime' ? (derived ? '企业按时完成了审核' : '企业并非按时完成审核') : derived ? '企业有审核期限已逾期未完成' : '企业没有逾期未完成的审核期限'}；采用按日期计算的结果。若期限已延长，请给出新的期限。`,
  en: (given: boolean, fact: LatenessFact, derived: boolean) =>
    `the profile states audit.completedOnTime ${given}, but the audit dates against the duties' due dates show that ${fact === 'auditOnTime' ? (derived ? 'the audit was completed on time' : 'the audit was not completed on time') : derived ? 'a due date passed with the audit not completed' : 'no due date passed unmet'}; the dates are used. If a deadline was extended, give the new deadline.`,
};

export function lateness(records: readonly DutyRecord[], profile: Profile, lang: 'zh' | 'en'): Lateness {
  const dated = records.filter((r) => r.result.dueKind !== 'none');
  const listed = dated.filter((r) => r.result.dueKind === 'listing');
  const isLate = late(dated);
  const derived: Record<LatenessFact, Value> = { auditLate: isLate, auditOnTime: onTime(dated, isLate), listedAuditLate: late(listed) };
  const given = profile.audit?.completedOnTime;
  const facts: Partial<Record<LatenessFact, boolean>> = {};
  const ask: Partial<Record<LatenessFact, string[]>> = {};
  const warnings: Warning[] = [];
  for (const fact of LATENESS_FACTS) {
    const value = derived[fact];
    const statedAs = given === undefined ? undefined : fact === 'auditOnTime' ? given : !given;
    if (value === undefined) {
      if (statedAs !== undefined) facts[fact] = statedAs;
      else ask[fact] = askFor(fact === 'listedAuditLate' ? listed : dated);
      continue;
    }
    facts[fact] = value;
    if (statedAs !== undefined && statedAs !== value && fact !== 'listedAuditLate' && warnings.length === 0) {
      warnings.push({ code: 'completed-on-time-conflict', path: 'audit.completedOnTime', message: MESSAGES[lang](given!, fact, value) });
    }
  }
  return { facts, ask, warnings };
}

/** The fields that would settle the open duties: the audit history, listing dates, or the facts the rules need. */
function askFor(records: readonly DutyRecord[]): string[] {
  const out = new Set<string>();
  for (const r of records) {
    if (r.result.late === false) continue;
    for (const a of r.result.ask) out.add(a);
    for (const a of r.missingFacts) out.add(a);
  }
  if (out.size === 0) out.add('audit.completedOnTime');
  return [...out];
}
