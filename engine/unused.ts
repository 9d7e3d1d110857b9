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

/** The leaf paths of what the profile gives (a list, like industry.keys or titles, is one leaf): every one is unused when nothing is read. */
export function givenPaths(profile: Profile): string[] {
  const out: string[] = [];
  unusedUnder(profile as Record<string, unknown>, { path: '', used: false, kids: new Map() }, [], out);
  return out;
}

const MESSAGE = {
  zh: (path: string, asOf: string) => `档案给出了 ${path}，但 ${asOf} 有效的规则都不读取它：它不影响本次结论。`,
  en: (path: string, asOf: string) => `${path} was given, but no rule in force on ${asOf} reads it: it does not affect this answer.`,
};

/** Each read set's number (pathsRead makes few, and keeps them), so that a combination of them can be named. */
const SET_IDS = new WeakMap<ReadonlySet<string>, number>();
let nextSetId = 0;

/** A profile path, and whether a rule in force reads it or a path above it (then nothing below it is unused). */
interface PathNode {
  readonly path: string;
  readonly used: boolean;
  readonly kids: Map<string, PathNode>;
}
/** Per combination of read sets, the tree of the paths profiles gave so far (built as they come, then kept). */
const TREES = new Map<string, PathNode>();
const COMBINATIONS_KEPT = 256;
/** A validated profile's paths are the schema's, so the trees stay small; a cap keeps them so for any input. */
const KIDS_KEPT = 256;

function treeFor(read: readonly ReadonlySet<string>[]): PathNode {
  let key = '';
  for (const s of read) {
    let id = SET_IDS.get(s);
    if (id === undefined) {
      id = nextSetId++;
      SET_IDS.set(s, id);
    }
    key += `${id},`;
  }
  let root = TREES.get(key);
  if (!root) {
    if (TREES.size >= COMBINATIONS_KEPT) TREES.clear();
    root = { path: '', used: false, kids: new Map() };
    TREES.set(key, root);
  }
  return root;
}

function child(node: PathNode, key: string, read: readonly ReadonlySet<string>[]): PathNode {
  let c = node.kids.get(key);
  if (c === undefined) {
    const path = node.path === '' ? key : `${node.path}.${key}`;
    c = { path, used: node.used || read.some((s) => s.has(path)), kids: new Map() };
    if (node.kids.size < KIDS_KEPT) node.kids.set(key, c);
  }
  return c;
}

/** The given leaf paths under `node` that no rule reads (a read path covers everything below it). */
function unusedUnder(value: Record<string, unknown>, node: PathNode, read: readonly ReadonlySet<string>[], out: string[]): void {
  for (const k of Object.keys(value)) {
    const v = value[k];
    if (v === undefined) continue;
    const c = child(node, k, read);
    if (c.used) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) unusedUnder(v as Record<string, unknown>, c, read, out);
    else if (!IDENTITY.has(c.path)) out.push(c.path);
  }
}

/**
 * One warning per given fact that no rule in force read (a read of a parent path, e.g. audit.mandatoryListed, counts):
 * the paths of givenPaths that no read set holds, itself or through a path above it.
 */
export function unusedFactWarnings(profile: Profile, read: readonly ReadonlySet<string>[], asOf: string, lang: Lang): Warning[] {
  const paths: string[] = [];
  unusedUnder(profile as Record<string, unknown>, treeFor(read), read, paths);
  return paths.map((path) => ({ code: 'fact-not-used', path, message: MESSAGE[lang](path, asOf) }));
}
