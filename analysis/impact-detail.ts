import type { RuleBase } from '../engine/index.ts';
import { keysForCode, type Profile } from '../schemas/index.ts';
import { impact, sortedGroups, type ImpactReport } from './impact.ts';

/** A change of audit status between the two versions, with how many profiles made it and a few of them. */
export interface StatusTransition {
  from: string;
  to: string;
  count: number;
  /** Up to EXAMPLE_PROFILES profiles that made it, whole, so a page can open each in the self-assessment form. */
  examples: Profile[];
}

/** One city's or industry's share of the population: its size, how many changed at all, and its status transitions. */
export interface ImpactBreakdown {
  /** The city or industry key; null for profiles that give none. */
  key: string | null;
  population: number;
  /** Profiles whose answer changed in any way (status, route or a decision). */
  changed: number;
  transitions: { from: string; to: string; count: number }[];
}

/** The impact report (analysis/impact.ts, unchanged) with the audit-status transitions and their breakdown by city and industry. */
export interface ImpactDetail extends ImpactReport {
  transitions: StatusTransition[];
  byCity: ImpactBreakdown[];
  /** A profile with several industries counts under each; one with none under null. */
  byIndustry: ImpactBreakdown[];
}

export const EXAMPLE_PROFILES = 3;
const STATUS_CHANGE = /^audit (\S+) → (\S+)$/;

/** The industry keys a profile names, its codes mapped to keys (without the parent groups they imply). */
function industriesOf(p: Profile): (string | null)[] {
  const keys = new Set<string>(p.industry?.keys ?? []);
  for (const code of p.industry?.codes ?? []) for (const k of keysForCode(code)) keys.add(k);
  return keys.size > 0 ? [...keys] : [null];
}

class Tally {
  readonly groups = new Map<string | null, { population: number; changed: number; transitions: Map<string, number> }>();
  add(key: string | null, changed: boolean, transition: string | undefined): void {
    const g = this.groups.get(key) ?? { population: 0, changed: 0, transitions: new Map<string, number>() };
    g.population += 1;
    if (changed) g.changed += 1;
    if (transition) g.transitions.set(transition, (g.transitions.get(transition) ?? 0) + 1);
    this.groups.set(key, g);
  }
  list(): ImpactBreakdown[] {
    return [...this.groups]
      .map(([key, g]) => ({
        key,
        population: g.population,
        changed: g.changed,
        transitions: [...g.transitions].map(([t, count]) => ({ ...split(t), count })).sort((a, b) => b.count - a.count),
      }))
      .sort((a, b) => b.population - a.population || String(a.key).localeCompare(String(b.key)));
  }
}
const split = (t: string) => {
  const [from, to] = t.split('|');
  return { from: from!, to: to! };
};

/**
 * Impact with its breakdown: each profile is run through `impact` (two evaluations, as for the whole report) and the
 * per-profile reports merged — the merged groups, counts and examples equal one `impact` call over the whole
 * population — while the audit-status transitions are counted overall, by city and by industry, with example profiles.
 * A profile without an id gets `#<n>` (its place in the population), as in `impact`.
 */
export function impactDetail(base: RuleBase, rulesetId: string, from: string, to: string, profiles: Iterable<Profile>, asOf?: string): ImpactDetail {
  const groups = new Map<string, ImpactReport['groups'][number]>();
  const transitions = new Map<string, StatusTransition>();
  const byCity = new Tally();
  const byIndustry = new Tally();
  let population = 0;
  let changed = 0;
  let date = asOf;
  for (const given of profiles) {
    population += 1;
    const profile = given.id === undefined ? { ...given, id: `#${population}` } : given;
    const one = impact(base, rulesetId, from, to, [profile], date);
    date = one.asOf;
    if (one.changed > 0) changed += 1;
    let transition: string | undefined;
    for (const g of one.groups) {
      const merged = groups.get(g.change) ?? { change: g.change, count: 0, examples: [] };
      merged.count += 1;
      if (merged.examples.length < 5) merged.examples.push(profile.id!);
      groups.set(g.change, merged);
      const m = STATUS_CHANGE.exec(g.change);
      if (m) {
        transition = `${m[1]}|${m[2]}`;
        const t = transitions.get(transition) ?? { from: m[1]!, to: m[2]!, count: 0, examples: [] };
        t.count += 1;
        if (t.examples.length < EXAMPLE_PROFILES) t.examples.push(profile);
        transitions.set(transition, t);
      }
    }
    byCity.add(given.location?.city ?? null, one.changed > 0, transition);
    for (const k of industriesOf(given)) byIndustry.add(k, one.changed > 0, transition);
  }
  if (date === undefined) date = impact(base, rulesetId, from, to, [], asOf).asOf;
  return {
    ruleset: rulesetId,
    from,
    to,
    asOf: date,
    population,
    changed,
    unchanged: population - changed,
    groups: sortedGroups(groups.values()),
    transitions: [...transitions.values()].sort((a, b) => b.count - a.count),
    byCity: byCity.list(),
    byIndustry: byIndustry.list(),
  };
}
