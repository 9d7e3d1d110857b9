import { canonicalJson, JsonRulesEngineReference, sha256, type RuleBase } from '../engine/index.ts';
import type { Answer, AnswerView, Profile } from '../schemas/index.ts';

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
const decisionsOf = (a: Pick<Answer, 'decisions'>) =>
  a.decisions.map((d) => `${d.ruleset}@${d.version} ${d.id} ${d.kind}:${d.outcome}${d.inForce ? '' : ' (not in force)'}`).sort();
/** The verdict two answers must share; an answer in the summary view carries the lists only as counts, so they are compared as counts. */
const verdictOf = (a: AnswerView, counted: boolean) => {
  const s = a.summary;
  const list = (l: readonly { id: string }[] | undefined) => (counted ? (l?.length ?? 0) : (l ?? []).map((x) => x.id).sort());
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
    incentives: counted ? s.counts.incentives : list(s.incentives),
    sanctions: counted ? s.counts.sanctions : list(s.sanctions),
    obligations: counted ? s.counts.obligations : list(s.obligations),
  });
};

const TEXT = {
  zh: {
    sameProfile: '企业信息与该答复所用的一致',
    otherProfile: (here: string, receipt: string) => `企业信息的哈希为 ${here}…，凭据记载的是 ${receipt}…`,
    missingSet: (id: string, v: string) => `本服务没有规则集 ${id} ${v}`,
    sameSet: (id: string, v: string) => `${id} ${v}：内容相同`,
    otherSet: (id: string, v: string, here: string, receipt: string) => `${id} ${v}：内容不同（此处 ${here}…，凭据中 ${receipt}…）`,
    sameDecisions: (n: number) => `参考引擎作出相同的 ${n} 项结论`,
    otherDecisions: (diff: string) => `参考引擎的结论不同：${diff}`,
    not: '少了',
    also: '多了',
    noDecisions: '该答复为摘要视图，不含逐项结论：只核对结论摘要',
    sameVerdict: '结论摘要相同：审核结论与期限、审核流程、激励、处罚、义务',
    otherVerdict: '结论摘要与参考引擎不同',
  },
  en: {
    sameProfile: 'the profile is the one the answer was given',
    otherProfile: (here: string, receipt: string) => `the profile hashes to ${here}…, the receipt names ${receipt}…`,
    missingSet: (id: string, v: string) => `${id} ${v} is not among the rule sets served here`,
    sameSet: (id: string, v: string) => `${id} ${v}: same content`,
    otherSet: (id: string, v: string, here: string, receipt: string) => `${id} ${v}: content differs (${here}… here, ${receipt}… in the receipt)`,
    sameDecisions: (n: number) => `the reference engine makes the same ${n} decisions`,
    otherDecisions: (diff: string) => `the reference engine differs: ${diff}`,
    not: 'not ',
    also: 'also ',
    noDecisions: 'the answer is a summary view, without its decisions: only the verdict is compared',
    sameVerdict: 'the same verdict: audit status and dates, route, incentives, sanctions, obligations',
    otherVerdict: 'the verdict differs from the reference engine',
  },
} as const;

/**
 * Re-checks a stored answer against its receipt: the profile it was given hashes to the receipt's profileSha256, every
 * rule-set version it names is still here with the same content hash, and json-rules-engine (the reference semantics),
 * deciding again with those versions pinned on the receipt's date, reaches the same decisions and verdict.
 */
export async function verifyAnswer(base: RuleBase, profile: Profile, stored: AnswerView): Promise<Verification> {
  const checks: VerifyCheck[] = [];
  const t = TEXT[stored.language];
  const r = stored.receipt;
  const profileHash = sha256(canonicalJson(profile));
  checks.push({
    check: 'profile',
    ok: profileHash === r.profileSha256,
    detail: profileHash === r.profileSha256 ? t.sameProfile : t.otherProfile(profileHash.slice(0, 12), r.profileSha256.slice(0, 12) || '-'),
  });
  const versions: Record<string, string> = {};
  for (const entry of r.rulesets) {
    const v = base.rulesets.get(entry.id)?.find((x) => x.version === entry.version);
    versions[entry.id] = entry.version;
    checks.push({
      check: 'ruleset',
      ok: v !== undefined && v.sha256 === entry.sha256,
      detail: !v
        ? t.missingSet(entry.id, entry.version)
        : v.sha256 === entry.sha256
          ? t.sameSet(entry.id, entry.version)
          : t.otherSet(entry.id, entry.version, v.sha256.slice(0, 12), entry.sha256.slice(0, 12)),
    });
  }
  if (checks.some((c) => !c.ok)) return { holds: false, checks, reference: null };
  const reference = await new JsonRulesEngineReference().evaluate(base, profile, {
    asOf: r.asOf,
    rulesets: r.rulesets.map((x) => x.id),
    versions,
    includeOutOfForce: (stored.decisions ?? []).some((d) => !d.inForce),
    lang: stored.language,
  });
  if (stored.decisions) {
    const before = decisionsOf({ decisions: stored.decisions });
    const after = decisionsOf(reference);
    const lost = before.filter((d) => !after.includes(d));
    const gained = after.filter((d) => !before.includes(d));
    const same = lost.length === 0 && gained.length === 0;
    const diff = [...lost.map((d) => `${t.not}${d}`), ...gained.map((d) => `${t.also}${d}`)].join('; ');
    checks.push({ check: 'decisions', ok: same, detail: same ? t.sameDecisions(after.length) : t.otherDecisions(diff) });
  } else checks.push({ check: 'decisions', ok: true, detail: t.noDecisions });
  // A summary view counts the lists; the reference is compared in the same form.
  const counted = stored.summary.incentives === undefined;
  const same = verdictOf(stored, counted) === verdictOf(reference, counted);
  checks.push({ check: 'summary', ok: same, detail: same ? t.sameVerdict : t.otherVerdict });
  return { holds: checks.every((c) => c.ok), checks, reference };
}
