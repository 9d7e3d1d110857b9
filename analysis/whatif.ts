import { evaluate, type EvaluateOptions, type RuleBase } from '../engine/index.ts';
import type { Answer, Profile } from '../schemas/index.ts';
import { applyChanges, type ProfileChange } from './change.ts';
import { linkWhyNot } from './links.ts';

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
  const what = changes.map((c) => (c.remove ? `${c.path} is not given` : `${c.path} is ${JSON.stringify(c.value)}`)).join(' and ');
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
  if (diff.audit.changed) {
    s.push(
      b.audit.status === 'not-required' || (a.audit.status === 'mandatory' && b.audit.status !== 'mandatory')
        ? `if ${what}, the audit stops being ${a.audit.status} under ${a.audit.basis.join(', ')} and becomes ${b.audit.status}${b.audit.basis.length ? ` under ${b.audit.basis.join(', ')}` : ''}`
        : `if ${what}, the audit becomes ${b.audit.status} under ${b.audit.basis.join(', ')} (was ${a.audit.status})`,
    );
  }
  if (diff.due.changed) {
    s.push(
      b.audit.dueBy === null
        ? `if ${what}, no due date applies any more (was ${a.audit.dueBy} under ${a.audit.dueBasis.join(', ')})`
        : `if ${what}, the audit is due ${b.audit.dueBy} under ${b.audit.dueBasis.join(', ')}${a.audit.dueBy ? ` (was ${a.audit.dueBy})` : ''}`,
    );
  }
  if (diff.overdue.changed)
    s.push(
      `if ${what}, overdue becomes ${b.audit.overdue === null ? 'not known' : b.audit.overdue ? 'yes' : 'no'} (was ${a.audit.overdue === null ? 'not known' : a.audit.overdue ? 'yes' : 'no'})`,
    );
  for (const m of diff.missed.added) s.push(`if ${what}, the due date ${m} counts as missed`);
  for (const m of diff.missed.removed) s.push(`if ${what}, the due date ${m} no longer counts as missed`);
  if (diff.route.changed) s.push(`if ${what}, the audit route changes from ${a.process.route} to ${b.process.route}`);
  for (const id of diff.incentives.added) s.push(`if ${what}, the enterprise may claim ${id}`);
  for (const id of diff.incentives.removed) s.push(`if ${what}, the enterprise no longer gets ${id}`);
  for (const id of diff.sanctions.added) s.push(`if ${what}, the enterprise faces ${id}`);
  for (const id of diff.sanctions.removed) s.push(`if ${what}, the enterprise no longer faces ${id}`);
  if (s.length === 0) s.push(`if ${what}, nothing in the summary changes`);
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
