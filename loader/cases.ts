import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Answer, GoldenCase } from '../schemas/index.ts';
import { describeErrors, validatorFor } from '../schemas/index.ts';
import { evaluate, type RuleBase } from '../engine/index.ts';

export const BUNDLED_CASES_DIR = fileURLToPath(new URL('../cases/', import.meta.url));

export interface LoadedCase {
  file: string;
  /** The directory: the rule set the case is filed under. */
  ruleset: string;
  case: GoldenCase;
}

export const slugify = (sentence: string): string =>
  sentence
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Reads `cases/<ruleset-id>/<sentence>.yaml`; returns the cases and the problems (invalid files, misnamed files). */
export function loadCases(dir: string = BUNDLED_CASES_DIR, only?: readonly string[]): { cases: LoadedCase[]; problems: string[] } {
  const cases: LoadedCase[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { cases, problems: [`${dir}: cases directory does not exist`] };
  const validate = validatorFor<GoldenCase>('GoldenCase');
  for (const ruleset of readdirSync(dir).sort()) {
    const sub = join(dir, ruleset);
    if (!statSync(sub).isDirectory() || (only && !only.includes(ruleset))) continue;
    for (const f of readdirSync(sub).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = relative(process.cwd(), join(sub, f));
      let doc: unknown;
      try {
        doc = parseYaml(readFileSync(join(sub, f), 'utf8'), { uniqueKeys: true });
      } catch (e) {
        problems.push(`${file}: YAML: ${String(e).split('\n')[0]}`);
        continue;
      }
      if (!validate(doc)) {
        problems.push(...describeErrors(validate.errors).map((e) => `${file}: ${e.path}: ${e.message}`));
        continue;
      }
      const expected = slugify(doc.name);
      if (f.replace(/\.ya?ml$/, '') !== expected) problems.push(`${file}: file name must be the case's sentence: ${expected}.yaml`);
      cases.push({ file, ruleset, case: doc });
    }
  }
  return { cases, problems };
}

export function evaluateCase(base: RuleBase, c: GoldenCase): Answer {
  return evaluate(base, c.profile, {
    asOf: c.asOf,
    ...(c.rulesets ? { rulesets: c.rulesets } : {}),
    ...(c.versions ? { versions: c.versions } : {}),
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
  if (e.audit?.status !== undefined && a.status !== e.audit.status) failures.push(`audit status: expected ${e.audit.status}, got ${a.status} (basis ${a.basis.join(', ')})`);
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
  return failures;
}

export interface RuleCoverage {
  ruleset: string;
  version: string;
  id: string;
  section: string;
  fires: string[];
  notFires: string[];
}

/** For every rule of every version: the cases that assert it fires and that it does not. */
export function coverage(base: RuleBase, cases: readonly LoadedCase[]): RuleCoverage[] {
  const out: RuleCoverage[] = [];
  for (const [id, versions] of base.rulesets) {
    for (const v of versions) {
      for (const rule of v.rules) {
        const applies = (c: LoadedCase) => {
          const pinned = c.case.versions?.[id];
          if (pinned !== undefined) return pinned === v.version;
          const covering = versions.filter((x) => x.file.validFrom <= c.case.asOf && (x.file.validTo === null || c.case.asOf <= x.file.validTo));
          return covering[covering.length - 1] === v;
        };
        out.push({
          ruleset: id,
          version: v.version,
          id: rule.json.id,
          section: rule.json.citation.section,
          fires: cases.filter((c) => applies(c) && c.case.expect.fires?.includes(rule.json.id)).map((c) => c.file),
          notFires: cases.filter((c) => applies(c) && c.case.expect.notFires?.includes(rule.json.id)).map((c) => c.file),
        });
      }
    }
  }
  return out;
}
