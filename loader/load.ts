import { readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { DerivedFactDef, RuleSetAuthorFile, RuleSetDelta, RuleSetFile } from '../schemas/index.ts';
import { describeErrors, validatorFor } from '../schemas/index.ts';
import { compareSemver, sha256 } from '../engine/index.ts';
import { applyDelta } from './delta.ts';
import { compileAuthorFile } from './author.ts';
import { versionHash } from './lock.ts';
import { pathsOutside } from './lint.ts';
import { inProject } from './root.ts';
import { parseYamlCached } from './parse-cache.ts';
import { newBudget, readWithinLimits, rulesDirProblem, type ReadBudget } from './limits.ts';
import type { RuleSetVersionInput } from '../engine/index.ts';

/** The rule sets bundled with the product. */
export const BUNDLED_RULES_DIR = `${inProject('rules')}/`;

export interface LintProblem {
  file: string;
  ruleId?: string;
  message: string;
}

/** A version as loaded: compiled, with the hash of its compiled form (`sha256`) and of its file's text. */
export interface LoadedVersion extends RuleSetVersionInput {
  /** sha256 of the version file's text (for a delta, the delta's): what a lock written before `hashOf: compiled` holds. */
  readonly textSha256: string;
  /** The names of the definitions its conditions could use (its own and, for a delta, those carried over). */
  readonly definitions: readonly string[];
}

export interface LoadedRules {
  dir: string;
  versions: LoadedVersion[];
  /** Source texts by `<rule-set id>/<file name>` (source.txt, source-2002.txt, …). */
  sources: Map<string, string>;
  derivedFacts: DerivedFactDef[];
  /** CHANGELOG.md per rule-set id (absent when the file is missing). */
  changelogs: Map<string, string>;
  problems: LintProblem[];
}

const VERSION_FILE = /^(\d+\.\d+\.\d+)\.ya?ml$/;

/** Reads every `rules/<id>/<version>.yaml`, its `source.txt`, and `rules/derived-facts.yaml`; schema errors become problems. */
export function loadRulesDir(dir: string = BUNDLED_RULES_DIR, only?: readonly string[]): LoadedRules {
  const out: LoadedRules = { dir, versions: [], sources: new Map(), derivedFacts: [], changelogs: new Map(), problems: [] };
  const rel = (p: string) => relative(process.cwd(), p) || p;
  const dirProblem = rulesDirProblem(dir);
  if (dirProblem) {
    out.problems.push({ file: rel(dir), message: dirProblem });
    return out;
  }
  // Every file is read within the caps of limits.ts (size checked before reading), so no file can exhaust the process.
  const budget = newBudget();
  const read = (path: string): string | undefined => {
    const r = readWithinLimits(path, budget);
    if ('text' in r) return r.text;
    out.problems.push({ file: rel(path), message: r.problem });
    return undefined;
  };
  const derivedPath = join(dir, 'derived-facts.yaml');
  if (existsSync(derivedPath)) {
    const doc = parseFile(derivedPath, rel(derivedPath), out.problems, budget);
    const validate = validatorFor<{ derivedFacts: DerivedFactDef[] }>('DerivedFactsFile');
    if (doc !== undefined) {
      if (validate(doc)) out.derivedFacts = doc.derivedFacts;
      else for (const e of describeErrors(validate.errors)) out.problems.push({ file: rel(derivedPath), message: `${e.path}: ${e.message}` });
    }
  } else out.problems.push({ file: rel(derivedPath), message: 'missing: the derived facts the rules use are declared here' });

  for (const name of readdirSync(dir).sort()) {
    const sub = join(dir, name);
    if (!statSync(sub).isDirectory() || (only && !only.includes(name))) continue;
    for (const f of readdirSync(sub).filter((n) => /^source[a-z0-9.-]*\.txt$/.test(n))) {
      const text = read(join(sub, f));
      if (text !== undefined) out.sources.set(`${name}/${f}`, text);
    }
    const changelog = join(sub, 'CHANGELOG.md');
    const changelogText = existsSync(changelog) ? read(changelog) : undefined;
    if (changelogText !== undefined) {
      out.problems.push(...pathsOutside(changelogText, rel(changelog)));
      out.changelogs.set(name, changelogText);
    }
    const files = readdirSync(sub)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
    if (files.length === 0) out.problems.push({ file: rel(sub), message: 'rule set has no version file (<version>.yaml)' });
    const deltas: { doc: RuleSetDelta; text: string; file: string }[] = [];
    /** Each version as written (deltas applied) and as compiled. */
    const full = new Map<string, { author: RuleSetAuthorFile; loaded: LoadedVersion }>();
    const compile = (author: RuleSetAuthorFile, text: string, file: string, delta?: RuleSetDelta) => {
      const prefix = delta === undefined ? '' : `compiled from ${delta.extends}: `;
      const written = delta === undefined ? undefined : [...Object.keys(delta.definitions?.add ?? {}), ...Object.keys(delta.definitions?.replace ?? {})];
      const { file: compiled, problems } = compileAuthorFile(author, written);
      for (const p of problems) out.problems.push({ file, ruleId: ruleIdAt(author, p.path), message: `${prefix}${p.path}: ${p.message}` });
      if (problems.length > 0) return;
      const validate = validatorFor<RuleSetFile>('RuleSetFile');
      if (!validate(compiled)) {
        for (const e of describeErrors(validate.errors))
          out.problems.push({ file, ruleId: ruleIdAt(compiled, e.path), message: `${prefix}${e.path}: ${e.message}` });
        return;
      }
      // A delta's text hash is the delta file's; its base is named by `extends` and locked in its turn.
      full.set(author.version, {
        author,
        loaded: {
          file: compiled,
          sha256: versionHash(compiled),
          textSha256: sha256(text),
          location: file,
          definitions: Object.keys(author.definitions ?? {}),
        },
      });
    };
    for (const f of files) {
      const path = join(sub, f);
      const file = rel(path);
      const m = VERSION_FILE.exec(f);
      if (!m) {
        out.problems.push({ file, message: `file name must be <version>.yaml, e.g. 1.0.0.yaml` });
        continue;
      }
      const text = read(path);
      if (text === undefined) continue;
      out.problems.push(...pathsOutside(text, file));
      const doc = parseText(text, file, out.problems, true);
      if (doc === undefined) continue;
      const isDelta = doc !== null && typeof doc === 'object' && 'extends' in doc;
      const validate = validatorFor<RuleSetAuthorFile | RuleSetDelta>(isDelta ? 'RuleSetDelta' : 'RuleSetAuthorFile');
      if (!validate(doc)) {
        for (const e of describeErrors(validate.errors)) out.problems.push({ file, ruleId: ruleIdAt(doc, e.path), message: `${e.path}: ${e.message}` });
        continue;
      }
      if (doc.id !== name) out.problems.push({ file, message: `id '${doc.id}' does not match its directory '${name}'` });
      if (doc.version !== m[1]) out.problems.push({ file, message: `version '${doc.version}' does not match its file name '${f}'` });
      if (isDelta) deltas.push({ doc: doc as RuleSetDelta, text, file });
      else compile(doc as RuleSetAuthorFile, text, file);
    }
    // Deltas in version order, each on its (full or already compiled) base.
    for (const d of deltas.sort((a, b) => compareSemver(a.doc.version, b.doc.version))) {
      const base = full.get(d.doc.extends);
      if (compareSemver(d.doc.extends, d.doc.version) >= 0) {
        out.problems.push({ file: d.file, message: `extends ${d.doc.extends}, which is not an earlier version than ${d.doc.version}` });
        continue;
      }
      if (!base) {
        out.problems.push({ file: d.file, message: `extends ${d.doc.extends}, but rules/${name}/ has no valid version ${d.doc.extends}` });
        continue;
      }
      const { file: author, problems } = applyDelta(base.author, d.doc);
      for (const p of problems) out.problems.push({ file: d.file, ...(p.ruleId ? { ruleId: p.ruleId } : {}), message: p.message });
      compile(author, d.text, d.file, d.doc);
    }
    out.versions.push(...[...full.values()].map((v) => v.loaded).sort((a, b) => compareSemver(a.file.version, b.file.version)));
  }
  return out;
}

function parseFile(path: string, file: string, problems: LintProblem[], budget: ReadBudget): unknown {
  const r = readWithinLimits(path, budget);
  if ('problem' in r) {
    problems.push({ file, message: r.problem });
    return undefined;
  }
  return parseText(r.text, file, problems);
}

function parseText(text: string, file: string, problems: LintProblem[], cached = false): unknown {
  try {
    return cached ? parseYamlCached(text) : parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    problems.push({ file, message: `YAML: ${e instanceof YAMLParseError ? e.message.split('\n')[0] : String(e)}` });
    return undefined;
  }
}

/** For an error at `rules[3].citation` (or a delta's `rules.add[0].citation`), the id of that rule if it has one. */
function ruleIdAt(doc: unknown, path: string): string | undefined {
  const m = /^rules(?:\.(add|replace|change))?\[(\d+)\]/.exec(path);
  if (!m) return undefined;
  const rules = (doc as { rules?: unknown }).rules;
  const list = m[1] === undefined ? rules : (rules as Record<string, unknown> | undefined)?.[m[1]];
  const id = Array.isArray(list) ? (list[Number(m[2])] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}
