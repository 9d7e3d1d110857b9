import type { RuleSetAuthorFile } from '../schemas/index.ts';
import { type ConditionProblem, compileTopCondition, Definitions } from './shorthand.ts';

/**
 * Compiles a version as written (the author form, deltas already applied) to the compiled form the schema
 * `RuleSetFile` describes: every condition to json-rules-engine JSON, `use:` replaced by its definition, and a citation
 * without `document` given the rule set's (`citeAs`, else `source.document`). `definitions` and `citeAs` are dropped.
 * Every definition is compiled, used or not; one the file at hand wrote (`written`, default all) that no condition uses
 * is a problem: it would mislead a reader. (A delta's carried definitions may fall out of use with the rules it changes.)
 */
export function compileAuthorFile(
  author: RuleSetAuthorFile,
  written: readonly string[] = Object.keys(author.definitions ?? {}),
): { file: Record<string, unknown>; problems: ConditionProblem[] } {
  const { definitions, citeAs, ...rest } = structuredClone(author);
  const file = rest as Record<string, unknown> & Omit<RuleSetAuthorFile, 'definitions' | 'citeAs'>;
  const defs = new Definitions(definitions);
  const problems: ConditionProblem[] = [];
  const document = citeAs ?? file.source.document;
  const top = (node: unknown, path: string) => compileTopCondition(node, path, defs, problems);
  const cite = <C extends { document?: string }>(c: C): C & { document: string } => ({ document, ...c });

  if (file.appliesTo !== undefined) file.appliesTo = top(file.appliesTo, 'appliesTo') as typeof file.appliesTo;
  file.warnings?.forEach((w, i) => {
    w.conditions = top(w.conditions, `warnings[${i}].conditions`) as typeof w.conditions;
    if (w.citation) w.citation = cite(w.citation);
  });
  file.rules.forEach((r, i) => {
    r.conditions = top(r.conditions, `rules[${i}].conditions`) as typeof r.conditions;
    r.citation = cite(r.citation);
  });
  for (const name of defs.names) defs.resolve(name, `definitions.${name}`, problems, false);
  for (const name of written)
    if (!defs.used.has(name)) problems.push({ path: `definitions.${name}`, message: `definition '${name}' is used by no condition of this version` });
  return { file, problems };
}
