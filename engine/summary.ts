import type { Answer, AuditStatus, Decision, DecisionKind, ListedDecision } from '../schemas/index.ts';
import { AUDIT_OUTCOMES } from '../schemas/index.ts';
import type { DutyFields } from './audit-summary.ts';

type Undetermined = Answer['undetermined'][number];
type Summary = Answer['summary'];

/** mandatory > required > deemed-done > encouraged > not-required (AUDIT_OUTCOMES is in that order). */
const strength = (s: string): number => {
  const i = AUDIT_OUTCOMES.indexOf(s as AuditStatus);
  return i < 0 ? -1 : AUDIT_OUTCOMES.length - i;
};

const listed = (d: Decision): ListedDecision => ({ id: d.id, ruleset: d.ruleset, outcome: d.outcome, title: d.title });

function ids(list: readonly { id: string }[]): string {
  return list.map((d) => d.id).join(', ');
}

/** The route's reason in the answer's language (ids stay ids). */
const REASONS = {
  // Said in the engine's own words: each rule set's grounds are in its rules (and a rule set may add a warning quoting its text).
  both: {
    en: (std: string, simp: string) => `grounds for both routes hold; the standard route wins: ${std} prevail over ${simp}`,
    zh: (std: string, simp: string) => `两种审核流程的条件均满足，规范流程优先：${std} 优先于 ${simp}`,
  },
  standard: { en: (ids: string) => `standard route: ${ids}`, zh: (ids: string) => `规范审核流程：${ids}` },
  simplified: { en: (ids: string) => `simplified route: ${ids}`, zh: (ids: string) => `简化审核流程：${ids}` },
  simplifiedButOpen: {
    en: (ids: string) => `the simplified route holds, but the standard route, which would win, depends on facts not given (${ids})`,
    zh: (ids: string) => `简化流程的条件成立，但会优先适用的规范流程取决于尚未提供的事实（${ids}）`,
  },
  open: { en: (ids: string) => `depends on facts not given (${ids})`, zh: (ids: string) => `取决于尚未提供的事实（${ids}）` },
  noRule: { en: 'no rule in force decides the audit route for this enterprise', zh: '现行规则未对该企业的审核流程作出规定' },
  noneHolds: { en: 'no route rule holds', zh: '没有成立的审核流程规则' },
} as const;

/** Decisions by kind, in one pass. */
function byKind(decisions: readonly Decision[]): Record<DecisionKind, Decision[]> {
  const out: Record<DecisionKind, Decision[]> = { audit: [], process: [], incentive: [], sanction: [], obligation: [], recommendation: [] };
  for (const d of decisions) out[d.kind as DecisionKind].push(d);
  return out;
}

export function summarise(decisions: readonly Decision[], undetermined: readonly Undetermined[], lang: 'zh' | 'en', duties: DutyFields): Summary {
  const kinds = byKind(decisions);
  const audit = kinds.audit;
  let status: AuditStatus = 'not-required';
  for (const d of audit) if (strength(d.outcome) > strength(status)) status = d.outcome as AuditStatus;
  const basisDecisions = audit.filter((d) => d.outcome === status);
  const couldBe = [
    ...new Set(undetermined.filter((u) => u.kind === 'audit' && strength(u.outcome) > strength(status)).map((u) => u.outcome as AuditStatus)),
  ].sort((a, b) => strength(b) - strength(a));

  const process = kinds.process;
  const standard = process.filter((d) => d.outcome === 'standard');
  const simplified = process.filter((d) => d.outcome === 'simplified');
  const openRoute = undetermined.filter((u) => u.kind === 'process' && (u.outcome === 'standard' || u.outcome === 'simplified'));
  let route: Summary['process']['route'] = 'undetermined';
  let reason: string;
  if (standard.length > 0) {
    route = 'standard';
    reason = simplified.length > 0 ? REASONS.both[lang](ids(standard), ids(simplified)) : REASONS.standard[lang](ids(standard));
  } else if (simplified.length > 0 && !openRoute.some((u) => u.outcome === 'standard')) {
    route = 'simplified';
    reason = REASONS.simplified[lang](ids(simplified));
  } else if (simplified.length > 0) {
    reason = REASONS.simplifiedButOpen[lang](ids(openRoute));
  } else if (openRoute.length > 0) {
    reason = REASONS.open[lang](ids(openRoute));
  } else {
    reason = process.length === 0 ? REASONS.noRule[lang] : REASONS.noneHolds[lang];
  }
  const acceptance = process.filter((d) => d.outcome !== 'standard' && d.outcome !== 'simplified');
  const routeBasis = route === 'standard' ? standard : route === 'simplified' ? simplified : [];

  return {
    audit: {
      status,
      dueBy: duties.dueBy,
      dueBasis: duties.dueBasis,
      cycleYears: duties.cycleYears,
      overdue: duties.overdue,
      metBy: duties.metBy,
      missed: duties.missed,
      duties: duties.duties,
      basis: basisDecisions.map((d) => d.id),
      couldBe,
    },
    process: {
      route,
      acceptance: [...new Set(acceptance.map((d) => d.outcome))],
      basis: [...routeBasis, ...acceptance].map((d) => d.id),
      reason,
    },
    incentives: kinds.incentive.map(listed),
    sanctions: kinds.sanction.map(listed),
    obligations: kinds.obligation.map(listed),
    recommendations: kinds.recommendation.map(listed),
    counts: {
      incentives: kinds.incentive.length,
      sanctions: kinds.sanction.length,
      obligations: kinds.obligation.length,
      recommendations: kinds.recommendation.length,
    },
  };
}
