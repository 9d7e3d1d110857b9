import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Answer, GoldenCase } from '../schemas/index.ts';
import { inProject } from './root.ts';
import { describeErrors, validatorFor } from '../schemas/index.ts';
import { canonicalJson, compareSemver, evaluate, type PreparedRule, type PreparedVersion, type RuleBase } from '../engine/index.ts';

export const BUNDLED_CASES_DIR = `${inProject('cases')}/`;

export interface LoadedCase {
  file: string;
  /** The directory: the rule set the case is filed under. */
  ruleset: string;
  /** Filed under cases/<ruleset>/<version>/: the case stays with that version (pinned as if by `versions`). */
  pinnedVersion?: string;
  case: GoldenCase;
}

export const slugify = (sentence: string): string =>
  sentence
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const VERSION_DIR = /^\d+\.\d+\.\d+$/;

/**
 * Reads `cases/<ruleset-id>/<sentence>.yaml` and `cases/<ruleset-id>/<version>/<sentence>.yaml` (cases that stay with a
 * superseded version); returns the cases and the problems (invalid files, misnamed files).
 */
export function loadCases(dir: string = BUNDLED_CASES_DIR, only?: readonly string[]): { cases: LoadedCase[]; problems: string[] } {
  const cases: LoadedCase[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { cases, problems: [`${dir}: cases directory does not exist`] };
  const readDir = (sub: string, ruleset: string, pinnedVersion?: string) => {
    for (const f of readdirSync(sub).sort()) {
      const path = join(sub, f);
      if (statSync(path).isDirectory()) {
        if (pinnedVersion === undefined && VERSION_DIR.test(f)) readDir(path, ruleset, f);
        else problems.push(`${relative(process.cwd(), path)}: a case directory inside a rule set's must be named by a version (e.g. 1.0.0)`);
        continue;
      }
      if (!/\.ya?ml$/.test(f)) continue;
      const loaded = parseCase(readFileSync(path, 'utf8'), relative(process.cwd(), path), ruleset, pinnedVersion, problems);
      if (loaded) cases.push(loaded);
    }
  };
  for (const ruleset of readdirSync(dir).sort()) {
    const sub = join(dir, ruleset);
    if (!statSync(sub).isDirectory() || (only && !only.includes(ruleset))) continue;
    readDir(sub, ruleset);
  }
  return { cases, problems };
}

/**
 * One case file's text (`file`: its path as shown, named `<sentence>.yaml` under cases/<ruleset>/[<version>/]): the case,
 * or undefined with its problems (YAML, schema, misnamed, pinned to another version than its directory's) pushed.
 */
export function parseCase(text: string, file: string, ruleset: string, pinnedVersion: string | undefined, problems: string[]): LoadedCase | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(text, { uniqueKeys: true });
  } catch (e) {
    problems.push(`${file}: YAML: ${String(e).split('\n')[0]}`);
    return undefined;
  }
  const validate = validatorFor<GoldenCase>('GoldenCase');
  if (!validate(doc)) {
    problems.push(...describeErrors(validate.errors).map((e) => `${file}: ${e.path}: ${e.message}`));
    return undefined;
  }
  const expected = slugify(doc.name);
  if (basename(file).replace(/\.ya?ml$/, '') !== expected) problems.push(`${file}: file name must be the case's sentence: ${expected}.yaml`);
  if (pinnedVersion !== undefined && doc.versions?.[ruleset] !== undefined && doc.versions[ruleset] !== pinnedVersion) {
    problems.push(`${file}: filed under ${ruleset}/${pinnedVersion}/ but pins ${ruleset} ${doc.versions[ruleset]}`);
  }
  return { file, ruleset, ...(pinnedVersion !== undefined ? { pinnedVersion } : {}), case: doc };
}

/** The versions a case pins: its own `versions`, and the version its directory names. */
export function casePins(c: LoadedCase): Record<string, string> | undefined {
  if (c.pinnedVersion === undefined) return c.case.versions;
  return { ...c.case.versions, [c.ruleset]: c.pinnedVersion };
}

export function evaluateCase(base: RuleBase, c: LoadedCase): Answer {
  const g = c.case;
  const versions = casePins(c);
  return evaluate(base, g.profile, {
    asOf: g.asOf,
    ...(g.rulesets ? { rulesets: g.rulesets } : {}),
    ...(versions ? { versions } : {}),
  });
}

/** What in the answer differs from what the case expects; empty when the case passes. */
export function checkCase(c: GoldenCase, answer: Answer): string[] {
  const failures: string[] = [];
  const fired = new Set(answer.decisions.filter((d) => d.inForce).map((d) => d.id));
  const undetermined = new Set(answer.undetermined.map((u) => u.id));
  const e = c.expect;
  for (const id of e.fires ?? []) if (!fired.has(id)) failures.push(`expected ${id} to fire${undetermined.has(id) ? ' (it is undetermined)' : ''}`);
  for (const id of e.notFires ?? []) {
    if (fired.has(id)) failures.push(`expected ${id} not to fire, but it fired`);
    if (undetermined.has(id)) failures.push(`expected ${id} not to fire, but it is undetermined`);
  }
  for (const id of e.undetermined ?? []) if (!undetermined.has(id)) failures.push(`expected ${id} to be undetermined`);
  const a = answer.summary.audit;
  if (e.audit?.status !== undefined && a.status !== e.audit.status)
    failures.push(`audit status: expected ${e.audit.status}, got ${a.status} (basis ${a.basis.join(', ')})`);
  if (e.audit?.dueBy !== undefined && a.dueBy !== e.audit.dueBy) failures.push(`audit dueBy: expected ${e.audit.dueBy}, got ${a.dueBy}`);
  if (e.audit?.overdue !== undefined && a.overdue !== e.audit.overdue) failures.push(`audit overdue: expected ${e.audit.overdue}, got ${a.overdue}`);
  if (e.audit?.couldBe !== undefined && JSON.stringify(a.couldBe) !== JSON.stringify(e.audit.couldBe)) {
    failures.push(`audit couldBe: expected ${JSON.stringify(e.audit.couldBe)}, got ${JSON.stringify(a.couldBe)}`);
  }
  if (e.route !== undefined && answer.summary.process.route !== e.route) failures.push(`route: expected ${e.route}, got ${answer.summary.process.route}`);
  for (const [id, status] of Object.entries(e.rulesets ?? {})) {
    const got = answer.rulesets.find((r) => r.id === id)?.status;
    if (got !== status) failures.push(`rule set ${id}: expected ${status}, got ${got}`);
  }
  const codes = new Set(answer.warnings.map((w) => w.code));
  for (const code of e.warnings ?? []) if (!codes.has(code)) failures.push(`expected warning ${code}`);
  const asked = new Set(answer.questions.map((q) => q.fact));
  for (const q of e.questions ?? []) if (!asked.has(q)) failures.push(`expected question ${q}`);
  if (e.audit?.metBy !== undefined && a.metBy !== e.audit.metBy) failures.push(`audit metBy: expected ${e.audit.metBy}, got ${a.metBy}`);
  const sameSet = (x: readonly string[], y: readonly string[]) => JSON.stringify([...new Set(x)].sort()) === JSON.stringify([...new Set(y)].sort());
  if (e.audit?.dueBasis !== undefined && !sameSet(a.dueBasis, e.audit.dueBasis))
    failures.push(`audit dueBasis: expected ${JSON.stringify(e.audit.dueBasis)}, got ${JSON.stringify(a.dueBasis)}`);
  const missed = a.missed.map((m) => m.id);
  if (e.audit?.missed !== undefined && !sameSet(missed, e.audit.missed))
    failures.push(`audit missed: expected ${JSON.stringify(e.audit.missed)}, got ${JSON.stringify([...new Set(missed)])}`);
  for (const [id, want] of Object.entries(e.duties ?? {})) {
    const expected = typeof want === 'string' ? { state: want } : want;
    const got = a.duties.filter((d) => d.id === id);
    const same = (d: (typeof got)[number]) => Object.entries(expected).every(([k, v]) => d[k as keyof typeof d] === v);
    if (!got.some(same)) {
      const shown = got.map((d) => JSON.stringify({ state: d.state, dueBy: d.dueBy, metBy: d.metBy, madeUpOn: d.madeUpOn })).join(', ');
      failures.push(`duty ${id}: expected ${JSON.stringify(expected)}, got ${shown || 'no such duty in summary.audit.duties'}`);
    }
  }
  return failures;
}

export interface RuleCoverage {
  ruleset: string;
  version: string;
  id: string;
  section: string;
  /** The case files that assert it fires (directly, or for the same rule unchanged in a later version). */
  fires: string[];
  notFires: string[];
  /** The later version whose cases count for this rule, where it is unchanged there. */
  inheritedFrom?: string;
  /** The later version in which this rule's conditions (or its rule set's place or scope) changed, or that dropped it. */
  changedIn?: string;
}

/** What decides whether a rule fires: its kind, outcome, conditions and validity, and its version's place and scope. */
function firingSignature(v: PreparedVersion, rule: PreparedRule): string {
  const r = rule.json;
  return canonicalJson({
    kind: r.kind,
    outcome: r.outcome,
    conditions: r.conditions,
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
    j: v.file.jurisdiction,
    scope: v.file.appliesTo ?? null,
  });
}

const coversRange = (outer: PreparedVersion, inner: PreparedVersion) =>
  outer.file.validFrom <= inner.file.validFrom && (outer.file.validTo === null || (inner.file.validTo !== null && inner.file.validTo <= outer.file.validTo));

/**
 * For every rule of every version: the cases that assert it fires and that it does not. A case counts for the version
 * it pins (by `versions` or by its directory), else for the newest version covering its date. A superseded version's
 * rule that a later version (covering all its days) keeps unchanged counts as covered by that version's cases; a rule
 * changed or dropped there needs cases of its own that stay with it (cases/<rule set>/<version>/, see `cases --pin`).
 */
export function coverage(base: RuleBase, cases: readonly LoadedCase[]): RuleCoverage[] {
  const out: RuleCoverage[] = [];
  for (const [id, versions] of base.rulesets) {
    const byKey = new Map<string, RuleCoverage>();
    for (const v of [...versions].reverse()) {
      const applies = (c: LoadedCase) => {
        const pinned = casePins(c)?.[id];
        if (pinned !== undefined) return pinned === v.version;
        const covering = versions.filter((x) => x.file.validFrom <= c.case.asOf && (x.file.validTo === null || c.case.asOf <= x.file.validTo));
        return covering[covering.length - 1] === v;
      };
      const mine = cases.filter(applies);
      const later = versions.filter((w) => compareSemver(w.version, v.version) > 0 && coversRange(w, v));
      for (const rule of v.rules) {
        const ruleId = rule.json.id;
        const row: RuleCoverage = {
          ruleset: id,
          version: v.version,
          id: ruleId,
          section: rule.json.citation.section,
          fires: mine.filter((c) => c.case.expect.fires?.includes(ruleId)).map((c) => c.file),
          notFires: mine.filter((c) => c.case.expect.notFires?.includes(ruleId)).map((c) => c.file),
        };
        const next = later[0];
        if (next && (row.fires.length === 0 || row.notFires.length === 0)) {
          const successor = next.rules.find((r) => r.json.id === ruleId);
          if (successor && firingSignature(next, successor) === firingSignature(v, rule)) {
            const inherited = byKey.get(`${next.version}/${ruleId}`)!;
            if (row.fires.length === 0) row.fires = inherited.fires;
            if (row.notFires.length === 0) row.notFires = inherited.notFires;
            row.inheritedFrom = next.version;
          } else row.changedIn = next.version;
        }
        byKey.set(`${v.version}/${ruleId}`, row);
      }
    }
    out.push(...versions.flatMap((v) => v.rules.map((r) => byKey.get(`${v.version}/${r.json.id}`)!)));
  }
  return out;
}

/** What to do about a rule that is not tested on both sides. */
export function coverageFix(row: RuleCoverage): string {
  const missing =
    row.fires.length === 0 && row.notFires.length === 0 ? 'fires and one in which it does not' : row.fires.length === 0 ? 'fires' : 'does not fire';
  if (row.changedIn !== undefined) {
    return `${row.version}'s form of this rule differs in ${row.changedIn}, whose cases no longer test it: keep the cases that tested it with ${row.version} (\`cleanprod cases --pin ${row.ruleset}@${row.version}\` copies them to cases/${row.ruleset}/${row.version}/), or add a case there in which it ${missing}`;
  }
  return `add a case under cases/${row.ruleset}/ (dated inside ${row.ruleset} ${row.version}'s validity) in which it ${missing}`;
}
