import type { RuleSetStatus } from '../schemas/index.ts';
import { covers } from './dates.ts';
import { UnknownRuleSetError } from './errors.ts';
import type { PreparedRule, PreparedVersion, RuleBase } from './model.ts';

export interface Selection {
  readonly version: PreparedVersion;
  readonly dateStatus: Exclude<RuleSetStatus, 'not-applicable'>;
  readonly pinned: boolean;
}

/** The version for a date: the highest whose validity covers it, or the one the caller pinned. */
export function selectVersion(id: string, versions: readonly PreparedVersion[], asOf: string, pinned?: string): Selection {
  if (pinned !== undefined) {
    const version = versions.find((v) => v.version === pinned);
    if (!version) {
      throw UnknownRuleSetError.version(
        id,
        pinned,
        versions.map((v) => v.version),
        `versions.${id}`,
      );
    }
    return { version, dateStatus: dateStatus(version, asOf), pinned: true };
  }
  const covering = versions.filter((v) => covers(v.file.validFrom, v.file.validTo, asOf));
  if (covering.length > 0) return { version: covering[covering.length - 1]!, dateStatus: 'in-force', pinned: false };
  // Out of force: the version used on the nearest day it was (or will be) in force — its last day, or its first.
  const ends = versions.map((v) => v.file.validTo).filter((d): d is string => d !== null && d < asOf);
  if (ends.length > 0)
    return {
      version: highestOn(
        versions,
        ends.reduce((a, b) => (b > a ? b : a)),
      ),
      dateStatus: 'expired',
      pinned: false,
    };
  const starts = versions.map((v) => v.file.validFrom).filter((d) => d > asOf);
  return {
    version: highestOn(
      versions,
      starts.reduce((a, b) => (b < a ? b : a)),
    ),
    dateStatus: 'not-yet-in-force',
    pinned: false,
  };
}

/** The highest version whose validity covers the date (versions ascending). */
function highestOn(versions: readonly PreparedVersion[], date: string): PreparedVersion {
  return versions.filter((v) => covers(v.file.validFrom, v.file.validTo, date)).at(-1)!;
}

function dateStatus(v: PreparedVersion, asOf: string): Selection['dateStatus'] {
  if (v.file.validFrom > asOf) return 'not-yet-in-force';
  if (v.file.validTo !== null && v.file.validTo < asOf) return 'expired';
  return 'in-force';
}

const IN_FORCE = new WeakMap<PreparedVersion, Map<string, readonly PreparedRule[]>>();
/** Dates remembered per version; beyond this the list is rebuilt (a batch or a server sees few distinct dates). */
const DATES_KEPT = 256;

/**
 * The version's rules in force on `asOf` (a rule may start later or end earlier than its version), listed once per
 * version and date: a pure function of its arguments, remembered because every evaluation on that date asks again.
 */
export function rulesInForce(v: PreparedVersion, asOf: string): readonly PreparedRule[] {
  let byDate = IN_FORCE.get(v);
  if (!byDate) {
    byDate = new Map();
    IN_FORCE.set(v, byDate);
  }
  let rules = byDate.get(asOf);
  if (!rules) {
    if (byDate.size >= DATES_KEPT) byDate.clear();
    rules = v.rules.filter((rule) => covers(rule.json.validFrom, rule.json.validTo, asOf));
    byDate.set(asOf, rules);
  }
  return rules;
}

/** A rule set's versions, or an UnknownRuleSetError naming `path` and the known ids. */
export function versionsOf(base: RuleBase, id: string, path = 'ruleset'): readonly PreparedVersion[] {
  const versions = base.rulesets.get(id);
  if (!versions) throw UnknownRuleSetError.ruleSet(id, [...base.rulesets.keys()], path);
  return versions;
}

/** One version of a rule set, or an UnknownRuleSetError naming `path` (or `idPath` for the rule set) and what exists. */
export function versionOf(base: RuleBase, id: string, version: string, path: string, idPath = 'ruleset'): PreparedVersion {
  const versions = versionsOf(base, id, idPath);
  const found = versions.find((v) => v.version === version);
  if (!found)
    throw UnknownRuleSetError.version(
      id,
      version,
      versions.map((v) => v.version),
      path,
    );
  return found;
}
