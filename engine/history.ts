import type { Profile } from '../schemas/index.ts';
import { bilingualDetail, ERROR_TEXT, type ErrorDetail, ValidationError } from './errors.ts';

/**
 * What the profile says about the audits completed by `asOf`:
 * - `complete`: every audit is known (`audit.rounds` given, or `lastCompleted: null` = never audited);
 * - `latest`: only the latest audit is known (`lastCompleted` without `rounds`): earlier ones may exist;
 * - `unknown`: neither is given (or the only date given lies after asOf).
 */
export type HistoryKind = 'complete' | 'latest' | 'unknown';

export interface AuditHistory {
  readonly kind: HistoryKind;
  /** Completion dates on or before asOf, ascending (for `latest`, just the latest). */
  readonly dates: readonly string[];
  /** The latest audit on or before asOf: a date, null (none), or undefined (not known). */
  readonly latest: string | null | undefined;
  /** Completion dates after asOf, which did not exist on that date and are ignored. */
  readonly ignored: readonly string[];
}

export function auditHistory(profile: Profile, asOf: string): AuditHistory {
  const audit = profile.audit;
  const rounds = audit?.rounds;
  if (rounds !== undefined) {
    const all = rounds.map((r) => r.completedOn).sort();
    const dates = all.filter((d) => d <= asOf);
    return { kind: 'complete', dates, latest: dates.length > 0 ? dates[dates.length - 1]! : null, ignored: all.filter((d) => d > asOf) };
  }
  const last = audit?.lastCompleted;
  if (last === null) return { kind: 'complete', dates: [], latest: null, ignored: [] };
  if (typeof last === 'string') {
    if (last <= asOf) return { kind: 'latest', dates: [last], latest: last, ignored: [] };
    return { kind: 'unknown', dates: [], latest: undefined, ignored: [last] };
  }
  return { kind: 'unknown', dates: [], latest: undefined, ignored: [] };
}

/**
 * The profile's audit facts as they stood on `asOf`, as the rules read them: `lastCompleted` is the latest audit on or
 * before asOf (absent when that is not known), `accepted` follows its round's acceptedOn when not given, and a given
 * `mandatoryListed` object means listed
 * (from its listedOn: a listing dated after asOf did not exist on that date).
 * Nothing else is changed; the profile itself is never altered (the receipt hashes it as given).
 */
export function auditOnDate(profile: Profile, history: AuditHistory, asOf: string): Profile {
  const audit = profile.audit;
  if (!audit) return profile;
  // (Object.assign, not spread: several times faster on these objects, and this runs for every evaluation.)
  const out: NonNullable<Profile['audit']> = Object.assign({}, audit);
  if (history.latest === undefined) delete out.lastCompleted;
  else out.lastCompleted = history.latest;
  const rounds = audit.rounds;
  if (out.accepted === undefined && rounds && typeof history.latest === 'string') {
    const acceptedOn = rounds.find((r) => r.completedOn === history.latest && r.acceptedOn !== undefined)?.acceptedOn;
    if (acceptedOn !== undefined) out.accepted = acceptedOn <= asOf;
  }
  const listing = audit.mandatoryListed;
  if (listing && listing.listed === undefined) {
    // Listed on a date after asOf: not yet on the list on that date.
    out.mandatoryListed = listing.listedOn !== undefined && listing.listedOn > asOf ? { listed: false } : { ...listing, listed: true };
  }
  return Object.assign({}, profile, { audit: out });
}

/**
 * Checks the audit facts against each other (the schema checks each on its own): a contradiction is a clear error
 * naming the field, never a silent choice between the two.
 */
export function checkAuditFacts(profile: Profile): void {
  const audit = profile.audit;
  if (!audit) return;
  const errors: ErrorDetail[] = [];
  const rounds = audit.rounds;
  if (rounds) {
    rounds.forEach((r, i) => {
      if (r.acceptedOn !== undefined && r.acceptedOn < r.completedOn) {
        errors.push(bilingualDetail(`audit.rounds[${i}].acceptedOn`, ERROR_TEXT.acceptedBeforeCompleted(r.completedOn, r.acceptedOn)));
      }
    });
    if (audit.lastCompleted !== undefined) {
      const latest = rounds.length > 0 ? rounds.map((r) => r.completedOn).sort()[rounds.length - 1]! : null;
      if (audit.lastCompleted !== latest) {
        errors.push(bilingualDetail('audit.lastCompleted', ERROR_TEXT.lastCompletedNotLatest(latest, audit.lastCompleted ?? null)));
      }
    }
  }
  const listing = audit.mandatoryListed;
  if (listing) {
    if (listing.listed === false && (listing.listedOn !== undefined || listing.deadline !== undefined)) {
      errors.push(bilingualDetail('audit.mandatoryListed.listed', ERROR_TEXT.listedFalseWithDates()));
    }
    if (listing.listedOn !== undefined && listing.deadline !== undefined && listing.deadline < listing.listedOn) {
      errors.push(bilingualDetail('audit.mandatoryListed.deadline', ERROR_TEXT.deadlineBeforeListing(listing.listedOn, listing.deadline)));
    }
  }
  if (errors.length > 0) throw new ValidationError(ERROR_TEXT.inconsistentAudit(errors), errors);
}
