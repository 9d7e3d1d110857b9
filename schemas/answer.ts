import { Type, type Static } from '@sinclair/typebox';
import { AUDIT_OUTCOMES, CitationSchema, DECISION_KINDS } from './ruleset.ts';
import { IsoDate, Literals, Opt, Strict } from './common.ts';
import { ProfileRef } from './profile.ts';

export const RULESET_STATUSES = ['in-force', 'expired', 'not-yet-in-force', 'not-applicable'] as const;
export type RuleSetStatus = (typeof RULESET_STATUSES)[number];

const RuleSetId = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
const Version = Type.String({ pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' });

export const EvaluateRequestSchema = Type.Object(
  {
    profile: ProfileRef,
    asOf: Opt(IsoDate),
    rulesets: Opt(Type.Array(RuleSetId, { uniqueItems: true, description: 'evaluate only these rule sets' })),
    versions: Opt(Type.Record(RuleSetId, Version, { description: 'pin a version per rule set id' })),
    includeOutOfForce: Opt(Type.Boolean({ description: 'also evaluate rule sets and rules not in force on asOf' })),
  },
  { ...Strict, $id: 'EvaluateRequest', examples: [{ asOf: '2014-06-01', profile: { id: 'foshan-ceramics-01', sector: 'industry', location: { province: 'guangdong', city: 'foshan', district: 'nanhai' }, industry: { keys: ['ceramics'] }, energy: { annualConsumptionTce: 60000, exceedsConsumptionQuota: true } } }] },
);
export type EvaluateRequest = Static<typeof EvaluateRequestSchema>;

const FactTest = Type.Object(
  { fact: Type.String(), operator: Type.String(), value: Type.Unknown(), actual: Type.Unknown(), negated: Opt(Type.Boolean()) },
  Strict,
);
export type FactTest = Static<typeof FactTest>;
const Kind = Literals(DECISION_KINDS);
const Title = Type.Object({ zh: Type.String(), en: Type.String() }, Strict);

export const DecisionSchema = Type.Object(
  {
    id: Type.String(),
    ruleset: Type.String(),
    version: Type.String(),
    kind: Kind,
    outcome: Type.String(),
    title: Title,
    citation: CitationSchema,
    because: Type.Array(FactTest),
    inForce: Type.Boolean(),
    validFrom: Type.Union([IsoDate, Type.Null()]),
    validTo: Type.Union([IsoDate, Type.Null()]),
    dueBy: Opt(Type.Union([IsoDate, Type.Null()])),
    cycleYears: Opt(Type.Union([Type.Number(), Type.Null()])),
    overdue: Opt(Type.Union([Type.Boolean(), Type.Null()])),
    fine: Opt(Type.Object({ minYuan: Opt(Type.Number()), maxYuan: Type.Number() }, Strict)),
    notEncoded: Opt(Type.String()),
    historic: Opt(Type.String()),
    note: Opt(Type.String()),
    explanation: Opt(Type.String({ description: "the rule's plain-language explanation with the enterprise's own facts, in the answer's language" })),
  },
  Strict,
);
export type Decision = Static<typeof DecisionSchema>;

const Listed = Type.Object({ id: Type.String(), ruleset: Type.String(), outcome: Type.String(), title: Title }, Strict);
export type ListedDecision = Static<typeof Listed>;

export const AnswerSchema = Type.Object(
  {
    asOf: IsoDate,
    detail: Opt(Literals(['summary'] as const, 'present only on summary-detail answers (batch): no because, whyNot, explanations or profile hash')),
    language: Literals(['zh', 'en'] as const, 'language of explanations (Accept-Language); quotes stay verbatim'),
    profileId: Type.Union([Type.String(), Type.Null()]),
    rulesets: Type.Array(
      Type.Object(
        { id: Type.String(), version: Type.String(), title: Title, status: Literals(RULESET_STATUSES), reason: Type.String(), pinned: Type.Boolean() },
        Strict,
      ),
    ),
    summary: Type.Object(
      {
        audit: Type.Object(
          {
            status: Literals(AUDIT_OUTCOMES),
            dueBy: Type.Union([IsoDate, Type.Null()]),
            cycleYears: Type.Union([Type.Number(), Type.Null()]),
            overdue: Type.Union([Type.Boolean(), Type.Null()]),
            basis: Type.Array(Type.String()),
            couldBe: Type.Array(Literals(AUDIT_OUTCOMES)),
          },
          Strict,
        ),
        process: Type.Object(
          {
            route: Literals(['simplified', 'standard', 'undetermined'] as const),
            acceptance: Type.Array(Type.String()),
            basis: Type.Array(Type.String()),
            reason: Type.String(),
          },
          Strict,
        ),
        incentives: Type.Array(Listed),
        sanctions: Type.Array(Listed),
        obligations: Type.Array(Listed),
        recommendations: Type.Array(Listed),
      },
      Strict,
    ),
    decisions: Type.Array(DecisionSchema),
    whyNot: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          ruleset: Type.String(),
          kind: Kind,
          outcome: Type.String(),
          title: Title,
          missing: Type.Array(FactTest),
          whatIf: Opt(
            Type.Object({ changes: Type.Array(Type.Object({ path: Type.String(), value: Type.Unknown() }, Strict)) }, { ...Strict, description: 'the single profile change that would satisfy it (POST /v1/whatif with these changes)' }),
          ),
        },
        Strict,
      ),
    ),
    undetermined: Type.Array(
      Type.Object(
        { id: Type.String(), ruleset: Type.String(), kind: Kind, outcome: Type.String(), title: Title, missingFacts: Type.Array(Type.String()) },
        Strict,
      ),
    ),
    questions: Type.Array(Type.Object({ fact: Type.String(), affects: Type.Array(Type.String()) }, Strict)),
    facts: Type.Record(Type.String(), Type.Unknown()),
    warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), path: Type.Union([Type.String(), Type.Null()]) }, Strict)),
    receipt: Type.Object(
      {
        asOf: IsoDate,
        rulesets: Type.Array(Type.Object({ id: Type.String(), version: Type.String(), sha256: Type.String() }, Strict)),
        profileSha256: Type.String(),
        engineVersion: Type.String(),
      },
      Strict,
    ),
  },
  { ...Strict, $id: 'Answer' },
);
export type Answer = Static<typeof AnswerSchema>;
export type SummaryAudit = Answer['summary']['audit'];

