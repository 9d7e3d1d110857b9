import { canonicalJson, JsonRulesEngineReference, sha256, type RuleBase } from '../engine/index.ts';
import type { Answer, Profile } from '../schemas/index.ts';

export interface VerifyCheck {
  check: 'profile' | 'ruleset' | 'decisions' | 'summary';
  ok: boolean;
  detail: string;
}
export interface Verification {
  /** The stored answer still holds: same input, same rule-set versions (by content hash), same decisions and verdict. */
  holds: boolean;
  checks: VerifyCheck[];
  /** The answer re-decided by json-rules-engine, the reference engine, with the receipt's versions pinned. */
  reference: Answer | null;
}

/** What two answers must share for the stored one to still hold: the decisions and the verdict. */
const decisionsOf = (a: Answer) =>
  a.decisions.map((d) => `${d.ruleset}@${d.version} ${d.id} ${d.kind}:${d.outcome}${d.inForce ? '' : ' (not in force)'}`).sort();
const verdictOf = (a: Answer) => {
  const s = a.summary;
  return canonicalJson({
    audit: {
      status: s.audit.status,
      dueBy: s.audit.dueBy,
      dueBasis: [...s.audit.dueBasis].sort(),
      overdue: s.audit.overdue,
      metBy: s.audit.metBy,
      missed: s.audit.missed.map((m) => `${m.id}@${m.dueBy}`).sort(),
    },
    route: s.process.route,
    incentives: s.incentives.map((x) => x.id).sort(),
    sanctions: s.sanctions.map((x) => x.id).sort(),
    obligations: s.obligations.map((x) => x.id).sort(),
  });
};

/**
 * Re-checks a stored answer against its receipt: the profile it was given hashes to the receipt's profileSha256, every
 * rule-set version it names is still here with the same content hash, and json-rules-engine (the reference semantics),
 * deciding again with those versions pinned on the receipt's date, reaches the same decisions and verdict.
 */
export async function verifyAnswer(base: RuleBase, profile: Profile, stored: Answer): Promise<Verification> {
  const checks: VerifyCheck[] = [];
  const r = stored.receipt;
  const profileHash = sha256(canonicalJson(profile));
  checks.push({
    check: 'profile',
    ok: profileHash === r.profileSha256,
    detail:
      profileHash === r.profileSha256
        ? 'the profile is the one the answer was given'
        : `the profile hashes to ${profileHash.slice(0, 12)}…, the receipt names ${r.profileSha256.slice(0, 12) || '(none)'}…`,
  });
  const versions: Record<string, string> = {};
  for (const entry of r.rulesets) {
    const v = base.rulesets.get(entry.id)?.find((x) => x.version === entry.version);
    versions[entry.id] = entry.version;
    checks.push({
      check: 'ruleset',
      ok: v !== undefined && v.sha256 === entry.sha256,
      detail: !v
        ? `${entry.id} ${entry.version} is not among the rule sets served here`
        : v.sha256 === entry.sha256
          ? `${entry.id} ${entry.version}: same content`
          : `${entry.id} ${entry.version}: content differs (${v.sha256.slice(0, 12)}… here, ${entry.sha256.slice(0, 12)}… in the receipt)`,
    });
  }
  if (checks.some((c) => !c.ok)) return { holds: false, checks, reference: null };
  const reference = await new JsonRulesEngineReference().evaluate(base, profile, {
    asOf: r.asOf,
    rulesets: r.rulesets.map((x) => x.id),
    versions,
    includeOutOfForce: stored.decisions.some((d) => !d.inForce),
    lang: stored.language,
  });
  const before = decisionsOf(stored);
  const after = decisionsOf(reference);
  const lost = before.filter((d) => !after.includes(d));
  const gained = after.filter((d) => !before.includes(d));
  checks.push({
    check: 'decisions',
    ok: lost.length === 0 && gained.length === 0,
    detail:
      lost.length === 0 && gained.length === 0
        ? `the reference engine makes the same ${after.length} decisions`
        : `the reference engine differs: ${[...lost.map((d) => `not ${d}`), ...gained.map((d) => `also ${d}`)].join('; ')}`,
  });
  const same = verdictOf(stored) === verdictOf(reference);
  checks.push({
    check: 'summary',
    ok: same,
    detail: same ? 'the same verdict: audit status and dates, route, incentives, sanctions, obligations' : 'the verdict differs from the reference engine',
  });
  return { holds: checks.every((c) => c.ok), checks, reference };
}
