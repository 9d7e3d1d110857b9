import { Type, type Static } from '@sinclair/typebox';
import { Bilingual, IsoDate, Literals, Opt, Strict } from './common.ts';
import { TopConditionSchema } from './condition.ts';

export const DECISION_KINDS = ['audit', 'process', 'incentive', 'sanction', 'obligation', 'recommendation'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const AUDIT_OUTCOMES = ['mandatory', 'required', 'deemed-done', 'encouraged', 'not-required'] as const;
export type AuditStatus = (typeof AUDIT_OUTCOMES)[number];
export const ROUTE_OUTCOMES = ['simplified', 'standard'] as const;
export const ACCEPTANCE_OUTCOMES = ['filing', 'municipal-acceptance', 'provincial-title-acceptance'] as const;

export const RULE_ID = '^[a-z0-9]+(-[a-z0-9]+)*$';

export const CitationSchema = Type.Object(
  {
    document: Type.String({ minLength: 1 }),
    section: Type.String({ minLength: 1, description: 'section path, e.g. 第二十七条第二款第（二）项 or 表8 电镀、纺织印染业 2011-2015年' }),
    quote: Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })], {
      description: 'verbatim from the source (compared with whitespace removed); a list where the source interrupts a sentence',
    }),
  },
  Strict,
);

/** What meets an audit duty (see rules/README.md, "Audit duties"). */
export const SATISFIED_BY = ['any-audit-by-due', 'audit-in-window', 'audit-since-listing', 'audit-each-cycle', 'any-audit', 'not-stated'] as const;
export type SatisfiedBy = (typeof SATISFIED_BY)[number];

export const DueSchema = Type.Object(
  {
    by: Opt(IsoDate),
    cycleYears: Opt(Type.Number({ exclusiveMinimum: 0, maximum: 50 })),
    fromFact: Opt(Type.String({ pattern: '^[a-zA-Z]+(\\.[a-zA-Z]+)+$', description: 'profile path of a deadline, e.g. audit.mandatoryListed.deadline' })),
    none: Opt(Type.String({ minLength: 1, description: 'the text sets no date: why, in a sentence' })),
    from: Opt(
      Type.Union([IsoDate, Type.Literal('listing')], {
        description: "the window's start: a date, or `listing` (audit.mandatoryListed.listedOn); default: the rule's validFrom, else the version's",
      }),
    ),
    satisfiedBy: Opt(
      Literals(
        SATISFIED_BY,
        'what meets the duty: any audit completed by the due date; an audit completed inside the window; an audit since the listing; one round per cycle; any audit at all; or not stated by the text',
      ),
    ),
    deemedBy: Opt(
      Type.String({
        pattern: '^[a-zA-Z]+(\\.[a-zA-Z]+)+$',
        description: 'profile path of a fact that, when true, counts as meeting the duty (e.g. audit.certified: 视同开展清洁生产审核)',
      }),
    ),
  },
  { ...Strict, description: 'the audit duty: its due date (by, fromFact, cycleYears, or none), its window and what meets it' },
);
export type DueJson = Static<typeof DueSchema>;

export const RuleSchema = Type.Object(
  {
    id: Type.String({ pattern: RULE_ID, description: 'stable id naming the source place' }),
    kind: Literals(DECISION_KINDS),
    outcome: Type.String({ pattern: RULE_ID }),
    title: Bilingual,
    explanation: Type.Object(
      { zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
      {
        ...Strict,
        description: 'plain-language explanation; {profile.path}, {derivedFact} and {decision.field} placeholders are filled with the enterprise’s own facts',
      },
    ),
    conditions: TopConditionSchema,
    validFrom: Opt(IsoDate),
    validTo: Opt(Type.Union([IsoDate, Type.Null()])),
    citation: CitationSchema,
    due: Opt(DueSchema),
    fine: Opt(Type.Object({ minYuan: Opt(Type.Number({ minimum: 0 })), maxYuan: Type.Number({ minimum: 0 }) }, Strict)),
    notEncoded: Opt(Type.String({ minLength: 1, description: 'what of this provision is not encoded, and why' })),
    historic: Opt(Type.String({ minLength: 1, description: 'stated only as history, not as a current entitlement' })),
    note: Opt(Type.String()),
    replaces: Opt(
      Type.Array(Type.String({ pattern: RULE_ID }), {
        description: 'ids of the rules in the previous version that this rule continues (renumbered articles); the diff pairs them',
      }),
    ),
  },
  Strict,
);
export type RuleJson = Static<typeof RuleSchema>;

export const WarningRuleSchema = Type.Object(
  {
    code: Type.String({ pattern: RULE_ID }),
    conditions: TopConditionSchema,
    message: Bilingual,
    path: Type.String({ description: 'the profile path the warning is about' }),
    citation: Opt(CitationSchema),
  },
  Strict,
);

export const JurisdictionSchema = Type.Object(
  {
    level: Literals(['country', 'province', 'city'] as const),
    country: Type.Literal('CN'),
    province: Opt(Type.String()),
    city: Opt(Type.String()),
    districts: Opt(Type.Array(Type.String())),
    note: Opt(Type.String()),
  },
  Strict,
);

export const SEMVER = '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$';

export const AssumptionSchema = Type.Object(
  { id: Type.String({ pattern: RULE_ID }), about: Type.String(), decision: Type.String(), why: Type.String() },
  Strict,
);

export const SourceSchema = Type.Object(
  {
    document: Type.String({ minLength: 1, description: "the document's name; a rule's citation names it unless it says otherwise" }),
    file: Type.String({
      pattern: '^source[a-z0-9.-]*\\.txt$',
      description:
        "the byte-identical copy of the encoded text in this rule set's directory: source.txt, or source-<edition>.txt where versions encode different editions",
    }),
    origin: Type.String({
      minLength: 1,
      description:
        'where the text comes from, in words: its issuer, document number and date as the text states them (never a path; not part of the version hash)',
    }),
    issuer: Opt(Type.String()),
    language: Literals(['zh-Hans', 'zh-Hant'] as const),
  },
  Strict,
);

/**
 * A version in its compiled form: what lint, evaluation, diff, coverage and the lock read. Rule files are written in the
 * author form (ruleset-author.ts), which the loader compiles to this.
 */
export const RuleSetFileSchema = Type.Object(
  {
    id: Type.String({ pattern: RULE_ID }),
    version: Type.String({ pattern: SEMVER }),
    extends: Opt(
      Type.String({ pattern: SEMVER, description: 'written as a delta on this earlier version (see RuleSetDelta); the compiled form keeps the name' }),
    ),
    title: Bilingual,
    validFrom: IsoDate,
    validTo: Type.Union([IsoDate, Type.Null()]),
    jurisdiction: JurisdictionSchema,
    appliesTo: Opt(TopConditionSchema),
    source: SourceSchema,
    assumptions: Type.Array(AssumptionSchema),
    warnings: Opt(Type.Array(WarningRuleSchema)),
    rules: Type.Array(RuleSchema, { minItems: 1 }),
  },
  { ...Strict, $id: 'RuleSetFile' },
);
export type RuleSetFile = Static<typeof RuleSetFileSchema>;

export const DERIVATION_KINDS = ['threshold', 'yearsSince', 'industryClosure', 'heldTitles', 'inProvince', 'auditDuties'] as const;
export const DerivedFactSchema = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z][A-Za-z0-9]*$' }),
    kind: Literals(DERIVATION_KINDS),
    inputs: Type.Array(Type.String({ pattern: '^[a-zA-Z]+(\\.[a-zA-Z]+)*$' }), { minItems: 1, description: 'profile paths it is computed from' }),
    ask: Type.String({ description: 'the profile path to ask for when it cannot be computed' }),
    operator: Opt(Type.String()),
    value: Opt(Type.Unknown()),
    override: Opt(Type.String({ description: 'a profile path whose value, when given, is used as is' })),
    description: Bilingual,
    basis: Type.String({ minLength: 1, description: 'where the definition comes from' }),
  },
  Strict,
);
export const DerivedFactsFileSchema = Type.Object({ derivedFacts: Type.Array(DerivedFactSchema) }, { ...Strict, $id: 'DerivedFactsFile' });
export type DerivedFactDef = Static<typeof DerivedFactSchema>;
