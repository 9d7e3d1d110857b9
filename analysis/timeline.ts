import { addDays, evaluate, type RuleBase } from '../engine/index.ts';
import type { Answer, Profile } from '../schemas/index.ts';

export interface Period {
  from: string;
  to: string;
  audit: { status: string; basis: string[] };
  route: string;
  incentives: string[];
  sanctions: string[];
  obligations: string[];
  rulesetsInForce: string[];
}

export interface Timeline {
  profileId: string | null;
  from: string;
  to: string;
  periods: Period[];
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
  add(profile.audit?.mandatoryListed?.deadline, true);
  return [...dates].sort();
}

const periodOf = (a: Answer, from: string): Omit<Period, 'to'> => ({
  from,
  audit: { status: a.summary.audit.status, basis: a.summary.audit.basis },
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
  const dates = boundaryDates(base, profile, from, range.to);
  const periods: Period[] = [];
  for (const date of dates) {
    const p = periodOf(evaluate(base, profile, { asOf: date, ...(range.rulesets ? { rulesets: range.rulesets } : {}) }), date);
    const { from: _f, ...rest } = p;
    const last = periods[periods.length - 1];
    if (last) {
      const { from: _lf, to: _lt, ...lastRest } = last;
      if (signature(lastRest) === signature(rest)) continue;
      last.to = addDays(date, -1);
    }
    periods.push({ ...p, to: range.to });
  }
  return { profileId: profile.id ?? null, from, to: range.to, periods };
}
