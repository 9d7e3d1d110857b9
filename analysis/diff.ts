import type { PreparedVersion } from '../engine/index.ts';
import type { RuleJson } from '../schemas/index.ts';
import { canonicalJson } from '../engine/index.ts';
import { placedLeaves, type PlacedLeaf } from './describe.ts';
import { semanticCheck, type SemanticResult } from './semantic.ts';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}
export interface RuleRef {
  id: string;
  kind: string;
  outcome: string;
  title: { zh: string; en: string };
}
export interface RuleChange {
  id: string;
  /** Set when the rule was renumbered: the id it had in the older version. */
  previousId?: string;
  /**
   * Set when the quoted text differs (whitespace aside): the same facts may no longer answer the new wording (a narrowed
   * ground, a dropped 定期), whatever the semantic check finds on those facts.
   */
  wording?: { from: string; to: string };
  conditions?: { added: PlacedLeaf[]; removed: PlacedLeaf[]; restructured: boolean };
  fields: FieldChange[];
  semantic: SemanticResult;
}
export interface RuleSetDiff {
  ruleset: string;
  from: string;
  to: string;
  /**
   * Set when the two versions encode different texts (different `source.file`, e.g. the 2002 excerpt and the 2012 law):
   * a rule only in the newer version is absent from the older encoding, which does not show it was absent from the older
   * text unless that encoding covers the whole text.
   */
  differentTexts?: { from: string; to: string };
  metadata: FieldChange[];
  added: RuleRef[];
  removed: RuleRef[];
  changed: RuleChange[];
  unchanged: string[];
}

const ref = (r: RuleJson): RuleRef => ({ id: r.id, kind: r.kind, outcome: r.outcome, title: r.title });
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const key = (l: PlacedLeaf) => `${l.under}|${l.leaf}`;

const RULE_FIELDS = ['kind', 'outcome', 'validFrom', 'validTo', 'citation', 'title', 'explanation', 'due', 'fine', 'notEncoded', 'historic', 'note'] as const;
const META_FIELDS = ['title', 'validFrom', 'validTo', 'jurisdiction', 'appliesTo', 'source', 'assumptions', 'warnings'] as const;

/**
 * The structural diff of two versions of a rule set: rules matched by id (or by a newer rule's `replaces`), and for a
 * changed rule which of its conditions (leaf by leaf), outcome, kind, validity and citation changed — with a semantic
 * check that searches for a profile on which the two versions decide differently.
 */
export function diffVersions(a: PreparedVersion, b: PreparedVersion): RuleSetDiff {
  const metadata = META_FIELDS.filter((f) => !same(a.file[f], b.file[f])).map((f) => ({ field: f, from: a.file[f] ?? null, to: b.file[f] ?? null }));
  const olds = new Map(a.rules.map((r) => [r.json.id, r]));
  const matched = new Set<string>();
  const changed: RuleChange[] = [];
  const unchanged: string[] = [];
  const added: RuleRef[] = [];
  for (const nr of b.rules) {
    const previousId = olds.has(nr.json.id) ? nr.json.id : nr.json.replaces?.find((id) => olds.has(id));
    const or = previousId ? olds.get(previousId) : undefined;
    if (!or || !previousId) {
      added.push(ref(nr.json));
      continue;
    }
    matched.add(previousId);
    const fields = RULE_FIELDS.filter((f) => !same(or.json[f], nr.json[f])).map((f) => ({ field: f, from: or.json[f] ?? null, to: nr.json[f] ?? null }));
    const conditionsChanged = !same(or.json.conditions, nr.json.conditions);
    if (!conditionsChanged && fields.length === 0 && previousId === nr.json.id) {
      unchanged.push(nr.json.id);
      continue;
    }
    const change: RuleChange = { id: nr.json.id, fields, semantic: semanticCheck(or, nr) };
    if (previousId !== nr.json.id) change.previousId = previousId;
    const quote = (r: RuleJson) => (Array.isArray(r.citation.quote) ? r.citation.quote.join('…') : r.citation.quote);
    if (quote(or.json).replace(/\s+/gu, '') !== quote(nr.json).replace(/\s+/gu, '')) change.wording = { from: quote(or.json), to: quote(nr.json) };
    if (conditionsChanged) {
      const before = placedLeaves(or.json.conditions);
      const after = placedLeaves(nr.json.conditions);
      const beforeKeys = new Set(before.map(key));
      const afterKeys = new Set(after.map(key));
      const addedLeaves = after.filter((l) => !beforeKeys.has(key(l)));
      const removedLeaves = before.filter((l) => !afterKeys.has(key(l)));
      change.conditions = { added: addedLeaves, removed: removedLeaves, restructured: addedLeaves.length === 0 && removedLeaves.length === 0 };
    }
    changed.push(change);
  }
  const removed = a.rules.filter((r) => !matched.has(r.json.id)).map((r) => ref(r.json));
  const diff: RuleSetDiff = { ruleset: b.id, from: a.version, to: b.version, metadata, added, removed, changed, unchanged };
  if (a.file.source.file !== b.file.source.file) diff.differentTexts = { from: a.file.source.file, to: b.file.source.file };
  return diff;
}
