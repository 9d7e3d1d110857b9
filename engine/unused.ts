import type { Answer, DerivedFactDef, Profile } from '../schemas/index.ts';
import { leavesOf, type Node } from './conditions.ts';
import type { PreparedRule, PreparedVersion } from './model.ts';
import type { Lang } from './explain.ts';

type Warning = Answer['warnings'][number];

/** Fields that name the enterprise rather than describe it: never "unused". */
const IDENTITY = new Set(['id', 'name']);
/** What the audit duties read, beyond their rules' conditions. */
const HISTORY = ['audit.rounds', 'audit.lastCompleted'];
const LISTING = ['audit.mandatoryListed'];

/** The profile paths a condition reads: a leaf's own path, or the inputs of the derived fact it reads. */
function pathsOf(node: Node, derived: ReadonlyMap<string, readonly string[]>, out: Set<string>): void {
  for (const leaf of leavesOf(node)) {
    const inputs = derived.get(leaf.fact);
    if (inputs) for (const p of inputs) out.add(p);
    else out.add(leaf.name);
  }
}

function derivedInputs(defs: readonly DerivedFactDef[]): Map<string, readonly string[]> {
  return new Map(defs.map((d) => [d.name, [...d.inputs, ...(d.override ? [d.override] : [])]]));
}

const READS = new WeakMap<PreparedVersion, Map<string, ReadonlySet<string>>>();
const DATES_KEPT = 256;

/**
 * The profile paths a version's rules in force on the date read — conditions, the version's place and scope, its
 * warnings, and what its audit duties read (the audit history, the listing, a deemed-done fact) — listed once per
 * version and date (`key`: the date, and whether rules out of force were evaluated too).
 */
export function pathsRead(v: PreparedVersion, rules: readonly PreparedRule[], key: string, defs: readonly DerivedFactDef[]): ReadonlySet<string> {
  let byDate = READS.get(v);
  if (!byDate) {
    byDate = new Map();
    READS.set(v, byDate);
  }
  let set = byDate.get(key);
  if (set) return set;
  const derived = derivedInputs(defs);
  const out = new Set<string>();
  pathsOf(v.place.node, derived, out);
  if (v.appliesTo) pathsOf(v.appliesTo, derived, out);
  for (const w of v.warnings) pathsOf(w.node, derived, out);
  for (const rule of rules) {
    pathsOf(rule.node, derived, out);
    const duty = rule.duty;
    if (!duty) continue;
    for (const p of HISTORY) out.add(p);
    if (duty.dueKind === 'listing' || duty.satisfiedBy === 'audit-since-listing') for (const p of LISTING) out.add(p);
    if (duty.deemedBy) out.add(duty.deemedBy);
  }
  if (byDate.size >= DATES_KEPT) byDate.clear();
  set = out;
  byDate.set(key, set);
  return set;
}

/** The leaf paths of what the profile gives (a list, like industry.keys or titles, is one leaf). */
export function givenPaths(profile: Profile): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) if (v !== undefined) walk(v, path ? `${path}.${k}` : k);
    } else if (!IDENTITY.has(path)) out.push(path);
  };
  walk(profile, '');
  return out;
}

const MESSAGE = {
  zh: (path: string, asOf: string) => `档案给出了 ${path}，但 ${asOf} 有效的规则都不读取它：它不影响本次结论。`,
  en: (path: string, asOf: string) => `${path} was given, but no rule in force on ${asOf} reads it: it does not affect this answer.`,
};

/** One warning per given fact that no rule in force read (a read of a parent path, e.g. audit.mandatoryListed, counts). */
export function unusedFactWarnings(profile: Profile, read: readonly ReadonlySet<string>[], asOf: string, lang: Lang): Warning[] {
  const used = (path: string) => {
    for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') if (read.some((s) => s.has(p))) return true;
    return false;
  };
  return givenPaths(profile)
    .filter((p) => !used(p))
    .map((path) => ({ code: 'fact-not-used', path, message: MESSAGE[lang](path, asOf) }));
}
