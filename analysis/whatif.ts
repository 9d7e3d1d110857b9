import { evaluate, type EvaluateOptions, type RuleBase } from '../engine/index.ts';
import type { Answer, Profile } from '../schemas/index.ts';
import { applyChanges, type ProfileChange } from './change.ts';
import { linkWhyNot } from './links.ts';
import { WHATIF_TEXT } from './whatif-text.ts';

export interface Difference {
  audit: { from: string; to: string; changed: boolean; basisFrom: string[]; basisTo: string[] };
  /** By when, and whether late: the due date with its basis, overdue, and the missed due dates (rule@date). */
  due: { from: string | null; to: string | null; changed: boolean; basisFrom: string[]; basisTo: string[] };
  overdue: { from: boolean | null; to: boolean | null; changed: boolean };
  missed: { added: string[]; removed: string[] };
  route: { from: string; to: string; changed: boolean };
  decisions: { added: string[]; removed: string[] };
  incentives: { added: string[]; removed: string[] };
  sanctions: { added: string[]; removed: string[] };
  obligations: { added: string[]; removed: string[] };
  /** Plain sentences, e.g. "if …, the audit stops being mandatory under …". */
  summary: string[];
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);
/** A missed due date as `rule@date` (made up or not: that it was missed is what matters here). */
const missedKeys = (a: Answer) => a.summary.audit.missed.map((m) => `${m.id}@${m.dueBy}`);
const delta = (a: string[], b: string[]) => ({ added: b.filter((x) => !a.includes(x)), removed: a.filter((x) => !b.includes(x)) });

export function differenceOf(before: Answer, after: Answer, changes: readonly ProfileChange[]): Difference {
  // The changes and the sentences about them are in the answers' language.
  const what = changes.map(WHATIF_TEXT[after.language].change).join(WHATIF_TEXT[after.language].and);
  const a = before.summary;
  const b = after.summary;
  const diff: Difference = {
    audit: { from: a.audit.status, to: b.audit.status, changed: a.audit.status !== b.audit.status, basisFrom: a.audit.basis, basisTo: b.audit.basis },
    due: {
      from: a.audit.dueBy,
      to: b.audit.dueBy,
      changed: a.audit.dueBy !== b.audit.dueBy || a.audit.dueBasis.join() !== b.audit.dueBasis.join(),
      basisFrom: a.audit.dueBasis,
      basisTo: b.audit.dueBasis,
    },
    overdue: { from: a.audit.overdue, to: b.audit.overdue, changed: a.audit.overdue !== b.audit.overdue },
    missed: delta(missedKeys(before), missedKeys(after)),
    route: { from: a.process.route, to: b.process.route, changed: a.process.route !== b.process.route },
    decisions: delta(ids(before.decisions), ids(after.decisions)),
    incentives: delta(ids(a.incentives), ids(b.incentives)),
    sanctions: delta(ids(a.sanctions), ids(b.sanctions)),
    obligations: delta(ids(a.obligations), ids(b.obligations)),
    summary: [],
  };
  const s = diff.summary;
  const t = WHATIF_TEXT[after.language];
  const list = (ids: readonly string[]) => ids.join(', ');
  if (diff.audit.changed) {
    s.push(
      b.audit.status === 'not-required' || (a.audit.status === 'mandatory' && b.audit.status !== 'mandatory')
        ? t.stops(what, a.audit.status, list(a.audit.basis), b.audit.status, list(b.audit.basis))
        : t.becomes(what, b.audit.status, list(b.audit.basis), a.audit.status),
    );
  }
  if (diff.due.changed) {
    s.push(b.audit.dueBy === null ? t.noDue(what, a.audit.dueBy, list(a.audit.dueBasis)) : t.due(what, b.audit.dueBy, list(b.audit.dueBasis), a.audit.dueBy));
  }
  if (diff.overdue.changed) s.push(t.overdue(what, b.audit.overdue, a.audit.overdue));
  for (const m of diff.missed.added) s.push(t.missedAdded(what, m));
  for (const m of diff.missed.removed) s.push(t.missedRemoved(what, m));
  if (diff.route.changed) s.push(t.route(what, a.process.route, b.process.route));
  for (const id of diff.incentives.added) s.push(t.incentiveAdded(what, id));
  for (const id of diff.incentives.removed) s.push(t.incentiveRemoved(what, id));
  for (const id of diff.sanctions.added) s.push(t.sanctionAdded(what, id));
  for (const id of diff.sanctions.removed) s.push(t.sanctionRemoved(what, id));
  if (s.length === 0) s.push(t.nothing(what));
  return diff;
}

/** Both answers — the profile as given and as changed — and their difference. */
export function whatIf(
  base: RuleBase,
  profile: Profile,
  options: EvaluateOptions,
  changes: readonly ProfileChange[],
): { before: Answer; after: Answer; changed: Profile; difference: Difference } {
  const changed = applyChanges(profile, changes);
  // Each answer's whyNot names the single change that would satisfy it, as POST /v1/evaluate's does.
  const before = linkWhyNot(base, profile, evaluate(base, profile, options));
  const after = linkWhyNot(base, changed, evaluate(base, changed, options));
  return { before, after, changed, difference: differenceOf(before, after, changes) };
}
