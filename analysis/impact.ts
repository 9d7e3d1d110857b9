import { evaluate, versionOf, type RuleBase } from '../engine/index.ts';
import type { Answer, Profile } from '../schemas/index.ts';

export interface ImpactGroup {
  change: string;
  count: number;
  examples: string[];
}
export interface ImpactReport {
  ruleset: string;
  from: string;
  to: string;
  asOf: string;
  population: number;
  changed: number;
  unchanged: number;
  groups: ImpactGroup[];
}

const EXAMPLES = 5;

/** What a profile's answer decides, with renumbered rules mapped to the newer ids so a renumbering is no change. */
function decided(a: Answer, lineage: ReadonlyMap<string, string>): Set<string> {
  return new Set(a.decisions.map((d) => `${lineage.get(d.id) ?? d.id} (${d.kind}: ${d.outcome})`));
}

/**
 * Evaluates a population under two versions of one rule set and reports which profiles' summaries and decisions
 * change, grouped by kind of change ("audit not-required → mandatory: 37 profiles"), with example profile ids.
 * `asOf` defaults to the day the newer version takes effect; both versions are applied as if in force on it.
 */
export function impact(base: RuleBase, rulesetId: string, from: string, to: string, profiles: Iterable<Profile>, asOf?: string): ImpactReport {
  const vFrom = versionOf(base, rulesetId, from, 'from');
  const vTo = versionOf(base, rulesetId, to, 'to');
  const date = asOf ?? (vTo.file.validFrom > vFrom.file.validFrom ? vTo.file.validFrom : vFrom.file.validFrom);
  const lineage = new Map<string, string>();
  for (const r of vTo.rules) for (const old of r.json.replaces ?? []) lineage.set(old, r.json.id);

  const groups = new Map<string, ImpactGroup>();
  const note = (change: string, id: string) => {
    const g = groups.get(change) ?? { change, count: 0, examples: [] };
    g.count += 1;
    if (g.examples.length < EXAMPLES) g.examples.push(id);
    groups.set(change, g);
  };
  let population = 0;
  let changed = 0;
  for (const profile of profiles) {
    population += 1;
    const id = profile.id ?? `#${population}`;
    const run = (version: string) =>
      evaluate(base, profile, { asOf: date, rulesets: [rulesetId], versions: { [rulesetId]: version }, includeOutOfForce: true });
    const a = run(from);
    const b = run(to);
    const changes: string[] = [];
    if (a.summary.audit.status !== b.summary.audit.status) changes.push(`audit ${a.summary.audit.status} → ${b.summary.audit.status}`);
    if (a.summary.process.route !== b.summary.process.route) changes.push(`route ${a.summary.process.route} → ${b.summary.process.route}`);
    const da = decided(a, lineage);
    const db = decided(b, lineage);
    for (const d of db) if (!da.has(d)) changes.push(`+ ${d}`);
    for (const d of da) if (!db.has(d)) changes.push(`− ${d}`);
    if (changes.length > 0) changed += 1;
    for (const c of changes) note(c, id);
  }
  return {
    ruleset: rulesetId,
    from,
    to,
    asOf: date,
    population,
    changed,
    unchanged: population - changed,
    groups: sortedGroups(groups.values()),
  };
}

export function impactToText(r: ImpactReport): string {
  const lines = [`${r.ruleset} ${r.from} → ${r.to} as of ${r.asOf}: ${r.population} profiles, ${r.changed} changed, ${r.unchanged} unchanged`];
  for (const g of r.groups) lines.push(`  ${g.change}: ${g.count} profile${g.count === 1 ? '' : 's'} (e.g. ${g.examples.join(', ')})`);
  return lines.join('\n');
}

/** Impact groups in reading order: changes of the audit status first, then the largest, then by name. */
export function sortedGroups<G extends { change: string; count: number }>(groups: Iterable<G>): G[] {
  return [...groups].sort(
    (x, y) => Number(y.change.startsWith('audit')) - Number(x.change.startsWith('audit')) || y.count - x.count || x.change.localeCompare(y.change),
  );
}
