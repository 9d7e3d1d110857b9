import { addDays, evaluate, type RuleBase } from '../engine/index.ts';
import type { Answer, Profile } from '../schemas/index.ts';

export interface Period {
  from: string;
  to: string;
  /** The audit status and its basis, and by when and whether late (the due date's own basis in dueBasis). */
  audit: { status: string; basis: string[]; dueBy: string | null; dueBasis: string[]; overdue: boolean | null };
  route: string;
  incentives: string[];
  sanctions: string[];
  obligations: string[];
  rulesetsInForce: string[];
}

/** A dated event of an audit duty: due, met (by an audit), missed (due date passed unmet), made up (a later audit). */
export interface DutyPoint {
  date: string;
  kind: 'due' | 'met' | 'missed' | 'made-up';
  id: string;
  ruleset: string;
  version: string;
}

export interface Timeline {
  profileId: string | null;
  from: string;
  to: string;
  periods: Period[];
  /** The audit duties' dates up to `to`, in date order, as the answer on `to` sees them. */
  points: DutyPoint[];
}

/** Every date inside [from, to] where some version or rule of the rule base (or the profile's own dated facts) starts or stops holding. */
export function boundaryDates(base: RuleBase, profile: Profile, from: string, to: string): string[] {
  const dates = new Set<string>([from]);
  const add = (d: string | null | undefined, after = false) => {
    if (!d) return;
    const x = after ? addDays(d, 1) : d;
    if (x > from && x <= to) dates.add(x);
  };
  for (const versions of base.rulesets.values()) {
    for (const v of versions) {
      add(v.file.validFrom);
      add(v.file.validTo, true);
      for (const r of v.rules) {
        add(r.json.validFrom);
        add(r.json.validTo, true);
        add(r.json.due?.by, true);
      }
    }
  }
  for (const t of profile.titles ?? []) add(t.awardedOn);
  const audit = profile.audit;
  add(audit?.mandatoryListed?.listedOn);
  add(audit?.mandatoryListed?.deadline, true);
  if (typeof audit?.lastCompleted === 'string') add(audit.lastCompleted);
  for (const r of audit?.rounds ?? []) {
    add(r.completedOn);
    add(r.acceptedOn);
  }
  return [...dates].sort();
}

const periodOf = (a: Answer, from: string): Omit<Period, 'to'> => ({
  from,
  audit: {
    status: a.summary.audit.status,
    basis: a.summary.audit.basis,
    dueBy: a.summary.audit.dueBy,
    dueBasis: a.summary.audit.dueBasis,
    overdue: a.summary.audit.overdue,
  },
  route: a.summary.process.route,
  incentives: a.summary.incentives.map((x) => x.id),
  sanctions: a.summary.sanctions.map((x) => x.id),
  obligations: a.summary.obligations.map((x) => x.id),
  rulesetsInForce: a.rulesets.filter((r) => r.status === 'in-force').map((r) => `${r.id}@${r.version}`),
});

const signature = (p: Omit<Period, 'to' | 'from'>) => JSON.stringify(p);

/**
 * The enterprise's obligations over time: the profile evaluated at every boundary date, merged into periods in which
 * its audit status (and basis), route, incentives, sanctions and obligations held — "since when, and until when?".
 */
export function timeline(base: RuleBase, profile: Profile, range: { from?: string; to: string; rulesets?: readonly string[] }): Timeline {
  const from = range.from ?? '2003-01-01';
  const only = range.rulesets ? { rulesets: range.rulesets } : {};
  // The answer on the last day knows every duty's history; its due dates (cycles counted from the audits) bound periods too.
  const last = evaluate(base, profile, { asOf: range.to, ...only });
  const dates = new Set(boundaryDates(base, profile, from, range.to));
  for (const d of last.summary.audit.duties) {
    for (const date of [d.dueBy && addDays(d.dueBy, 1), d.metBy, d.madeUpOn]) if (date && date > from && date <= range.to) dates.add(date);
  }
  const periods: Period[] = [];
  for (const date of [...dates].sort()) {
    const p = periodOf(date === range.to ? last : evaluate(base, profile, { asOf: date, ...only }), date);
    const { from: _f, ...rest } = p;
    const prev = periods[periods.length - 1];
    if (prev) {
      const { from: _lf, to: _lt, ...lastRest } = prev;
      if (signature(lastRest) === signature(rest)) continue;
      prev.to = addDays(date, -1);
    }
    periods.push({ ...p, to: range.to });
  }
  return { profileId: profile.id ?? null, from, to: range.to, periods, points: dutyPoints(last, from) };
}

/** Every due, met, missed and made-up date of the duties the last day's answer shows, from `from` on. */
function dutyPoints(a: Answer, from: string): DutyPoint[] {
  const out: DutyPoint[] = [];
  const seen = new Set<string>();
  const push = (date: string | null, kind: DutyPoint['kind'], d: { id: string; ruleset: string; version: string }) => {
    const key = `${date}|${kind}|${d.id}`;
    if (!date || date < from || seen.has(key)) return;
    seen.add(key);
    out.push({ date, kind, id: d.id, ruleset: d.ruleset, version: d.version });
  };
  for (const m of a.summary.audit.missed) {
    push(m.dueBy, 'missed', m);
    push(m.madeUpOn, 'made-up', m);
  }
  for (const d of a.summary.audit.duties.filter((x) => x.applies)) {
    if (d.state !== 'missed' && d.state !== 'overdue') push(d.dueBy, 'due', d);
    push(d.metBy, 'met', d);
  }
  const order: Record<DutyPoint['kind'], number> = { met: 0, 'made-up': 1, due: 2, missed: 3 };
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : order[x.kind] - order[y.kind] || (x.id < y.id ? -1 : 1)));
}
