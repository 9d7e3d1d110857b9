import type { AuthorRule, RuleSetAuthorFile, RuleSetDelta } from '../schemas/index.ts';

/** A problem in applying a delta: the message and, where it is about one rule, its id. */
export interface DeltaProblem {
  message: string;
  ruleId?: string;
}

/** Top-level fields a delta may restate; any it leaves out are carried over from the base. */
const CARRIED = ['title', 'validFrom', 'validTo', 'jurisdiction', 'appliesTo', 'source', 'citeAs', 'warnings'] as const;

/**
 * The full version a delta describes, in the author form: the base with the delta's top-level fields, and its
 * definitions, assumptions and rules removed, replaced, changed and added, in that order. Every id or name a delta
 * names must exist in the base (or must not, for additions): a delta never silently does nothing. The result is
 * compiled as a whole, so the rules carried over take in the delta's definitions too.
 */
export function applyDelta(base: RuleSetAuthorFile, delta: RuleSetDelta): { file: RuleSetAuthorFile; problems: DeltaProblem[] } {
  const problems: DeltaProblem[] = [];
  const file = structuredClone(base) as RuleSetAuthorFile & Record<string, unknown>;
  file.id = delta.id;
  file.version = delta.version;
  file.extends = delta.extends;
  for (const key of CARRIED) if (delta[key] !== undefined) (file as Record<string, unknown>)[key] = structuredClone(delta[key]);

  const d = delta.definitions;
  if (d) {
    const defs: Record<string, unknown> = { ...file.definitions };
    const has = (name: string) => Object.hasOwn(defs, name);
    for (const name of d.remove ?? []) {
      if (!has(name)) problems.push({ message: `definitions.remove: ${name} is not a definition of ${base.version}` });
      delete defs[name];
    }
    for (const [name, c] of Object.entries(d.replace ?? {})) {
      if (!has(name)) problems.push({ message: `definitions.replace: ${name} is not a definition of ${base.version} (add it instead)` });
      else defs[name] = structuredClone(c);
    }
    for (const [name, c] of Object.entries(d.add ?? {})) {
      if (has(name)) problems.push({ message: `definitions.add: ${name} already exists (replace it instead)` });
      else defs[name] = structuredClone(c);
    }
    file.definitions = defs as RuleSetAuthorFile['definitions'];
  }

  const a = delta.assumptions;
  if (a) {
    const has = (id: string) => file.assumptions.some((x) => x.id === id);
    for (const id of a.remove ?? []) {
      if (!has(id)) problems.push({ message: `assumptions.remove: ${id} is not an assumption of ${base.version}` });
      file.assumptions = file.assumptions.filter((x) => x.id !== id);
    }
    for (const x of a.replace ?? []) {
      if (!has(x.id)) problems.push({ message: `assumptions.replace: ${x.id} is not an assumption of ${base.version} (add it instead)` });
      file.assumptions = file.assumptions.map((y) => (y.id === x.id ? structuredClone(x) : y));
    }
    for (const x of a.add ?? []) {
      if (has(x.id)) problems.push({ message: `assumptions.add: ${x.id} already exists (replace it instead)` });
      else file.assumptions.push(structuredClone(x));
    }
  }

  const r = delta.rules;
  if (r) {
    const index = (id: string) => file.rules.findIndex((x) => x.id === id);
    for (const id of r.remove ?? []) {
      if (index(id) < 0) problems.push({ ruleId: id, message: `rules.remove: ${id} is not a rule of ${base.version}` });
      else file.rules.splice(index(id), 1);
    }
    for (const rule of r.replace ?? []) {
      const i = index(rule.id);
      if (i < 0) problems.push({ ruleId: rule.id, message: `rules.replace: ${rule.id} is not a rule of ${base.version} (add it instead)` });
      else file.rules[i] = structuredClone(rule);
    }
    for (const { id, unset, ...fields } of r.change ?? []) {
      const i = index(id);
      if (i < 0) {
        problems.push({ ruleId: id, message: `rules.change: ${id} is not a rule of ${base.version}` });
        continue;
      }
      const changed = { ...file.rules[i]!, ...structuredClone(fields) } as Record<string, unknown>;
      for (const key of unset ?? []) delete changed[key];
      file.rules[i] = changed as AuthorRule;
    }
    for (const { after, ...rule } of r.add ?? []) {
      if (index(rule.id) >= 0) {
        problems.push({ ruleId: rule.id, message: `rules.add: ${rule.id} is already a rule of ${base.version} (change or replace it instead)` });
        continue;
      }
      if (after === undefined) {
        file.rules.push(structuredClone(rule));
        continue;
      }
      const at = index(after);
      if (at < 0) problems.push({ ruleId: rule.id, message: `rules.add: 'after: ${after}' names no rule of this version` });
      file.rules.splice(at < 0 ? file.rules.length : at + 1, 0, structuredClone(rule));
    }
  }
  return { file, problems };
}
