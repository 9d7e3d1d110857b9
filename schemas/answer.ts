import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { AUDIT_OUTCOMES, CitationSchema } from './ruleset.ts';
import { IsoDate, Literals, Opt, Strict, RuleSetIdSchema, VersionSchema } from './common.ts';
import { ProfileRef } from './profile.ts';
import { DecisionSchema, DUTY_STATES, FactTest, Kind, Title } from './decision.ts';

// The decision's schemas live in decision.ts; the answer's module names them too, as it always has.
export * from './decision.ts';
import { QUESTION_TYPES } from './question.ts';

export const RULESET_STATUSES = ['in-force', 'expired', 'not-yet-in-force', 'not-applicable'] as const;
export type RuleSetStatus = (typeof RULESET_STATUSES)[number];

export const EvaluateRequestSchema = Type.Object(
  {
    profile: ProfileRef,
    asOf: Opt(IsoDate),
    rulesets: Opt(Type.Array(RuleSetIdSchema, { uniqueItems: true, maxItems: 50, description: 'evaluate only these rule sets' })),
    versions: Opt(Type.Record(RuleSetIdSchema, VersionSchema, { maxProperties: 50, description: 'pin a version per rule set id' })),
    includeOutOfForce: Opt(Type.Boolean({ description: 'also evaluate rule sets and rules not in force on asOf' })),
    view: Opt(Literals(['summary', 'standard', 'full'] as const, 'how much of the answer to return (default full): see the Answer schema')),
    language: Opt(Literals(['zh', 'en'] as const, "the answer's language; takes precedence over Accept-Language (default zh)")),
  },
  {
    ...Strict,
    $id: 'EvaluateRequest',
    examples: [
      {
        asOf: '2014-06-01',
        profile: {
          id: 'foshan-ceramics-01',
          sector: 'industry',
          location: { province: 'guangdong', city: 'foshan', district: 'nanhai' },
          industry: { keys: ['ceramics'] },
          energy: { annualConsumptionTce: 60000, exceedsConsumptionQuota: true },
        },
      },
    ],
  },
);
export type EvaluateRequest = Static<typeof EvaluateRequestSchema>;

/**
 * The summary's parts are built for two title schemas: required (the full answer, as the engine makes it) and optional
 * (the answer as served: the summary view leaves titles and citations out to stay small; the ids name the rules).
 */
const LEAN_TITLE = Opt(Type.Object({ zh: Type.String(), en: Type.String() }, { ...Strict, description: 'absent in the summary view' }));
const LEAN_CITATION = Opt(CitationSchema);
const listed = <T extends TSchema>(title: T) => Type.Object({ id: Type.String(), ruleset: Type.String(), outcome: Type.String(), title }, Strict);
const Listed = listed(Title);
export type ListedDecision = Static<typeof Listed>;

const missedSchema = <T extends TSchema, C extends TSchema>(title: T, citation: C) =>
  Type.Object(
    {
      id: Type.String(),
      ruleset: Type.String(),
      version: Type.String(),
      dueBy: IsoDate,
      madeUpOn: Type.Union([IsoDate, Type.Null()]),
      inForce: Type.Boolean({ description: 'whether the duty is still in force on asOf (then it is also overdue unless made up)' }),
      title,
      citation,
    },
    Strict,
  );
const MissedSchema = missedSchema(Title, CitationSchema);
export type MissedDuty = Static<typeof MissedSchema>;

const dutySummarySchema = <T extends TSchema>(title: T) =>
  Type.Object(
    {
      id: Type.String(),
      ruleset: Type.String(),
      version: Type.String(),
      outcome: Type.String(),
      inForce: Type.Boolean(),
      applies: Type.Boolean({ description: 'false: whether the rule applied depends on facts not given (see missingFacts)' }),
      missingFacts: Type.Array(Type.String()),
      state: Literals(DUTY_STATES),
      dueBy: Type.Union([IsoDate, Type.Null()]),
      metBy: Type.Union([IsoDate, Type.Null()]),
      madeUpOn: Type.Union([IsoDate, Type.Null()]),
      overdue: Type.Union([Type.Boolean(), Type.Null()]),
      title,
    },
    Strict,
  );
const DutySummarySchema = dutySummarySchema(Title);
export type DutySummary = Static<typeof DutySummarySchema>;

const rulesetsSchema = <T extends TSchema>(title: T) =>
  Type.Array(
    Type.Object(
      { id: Type.String(), version: Type.String(), title, status: Literals(RULESET_STATUSES), reason: Type.String(), pinned: Type.Boolean() },
      Strict,
    ),
  );

/** The summary: `lean` for the served schema, where the summary view leaves out titles, citations, duties and lists. */
const summarySchema = (lean: boolean) => {
  const title = lean ? LEAN_TITLE : Title;
  const missed = missedSchema(title, lean ? LEAN_CITATION : CitationSchema);
  const optional = <T extends TSchema>(t: T, description: string) => (lean ? Opt(Type.Array(t, { description })) : Type.Array(t, { description }));
  const item = listed(title);
  const ABSENT = ' (absent in the summary view: see counts)';
  return Type.Object(
    {
      audit: Type.Object(
        {
          status: Literals(AUDIT_OUTCOMES),
          dueBy: Type.Union([IsoDate, Type.Null()], {
            description: 'the due date of the duties in dueBasis: the earliest open one in force, else the earliest met one',
          }),
          dueBasis: Type.Array(Type.String(), { description: 'the decisions whose own due date is dueBy' }),
          cycleYears: Type.Union([Type.Number(), Type.Null()]),
          overdue: Type.Union([Type.Boolean(), Type.Null()], {
            description: 'a duty in force on asOf has passed its due date unmet (null: the audit history or a fact leaves it open)',
          }),
          metBy: Type.Union([IsoDate, Type.Null()], { description: 'the audit that meets the duty behind dueBy' }),
          missed: Type.Array(missed, { description: 'due dates passed unmet, also of plan stages, versions and rule sets no longer in force' }),
          duties: optional(dutySummarySchema(title), 'every audit duty in force, and every earlier one whose due date has passed (absent in the summary view)'),
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
      incentives: optional(item, `incentives that apply${ABSENT}`),
      sanctions: optional(item, `sanctions the enterprise faces${ABSENT}`),
      obligations: optional(item, `obligations that bind it${ABSENT}`),
      recommendations: optional(item, `recommendations addressed to it${ABSENT}`),
      counts: Type.Object(
        { incentives: Type.Integer(), sanctions: Type.Integer(), obligations: Type.Integer(), recommendations: Type.Integer() },
        { ...Strict, description: 'how many decisions of each kind the lists hold' },
      ),
    },
    Strict,
  );
};

const ANSWER_PROPERTIES = {
  asOf: IsoDate,
  detail: Opt(
    Literals(
      ['summary', 'verdict'] as const,
      'present only on lean answers: summary (batch rows) has no because, whyNot, explanations or profile hash; verdict (inside the summary view) no questions, and only the undetermined audit and process rules, without their missing facts',
    ),
  ),
  language: Literals(['zh', 'en'] as const, 'language of explanations (Accept-Language); quotes stay verbatim'),
  profileId: Type.Union([Type.String(), Type.Null()]),
  rulesets: rulesetsSchema(Title),
  summary: summarySchema(false),
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
          Type.Object(
            { changes: Type.Array(Type.Object({ path: Type.String(), value: Type.Unknown() }, Strict)) },
            { ...Strict, description: 'the single profile change that would satisfy it (POST /v1/whatif with these changes)' },
          ),
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
  questions: Type.Array(
    Type.Object(
      {
        fact: Type.String({ description: 'the profile path asked for' }),
        text: Type.String({ description: "the question, in the answer's language" }),
        type: Literals(QUESTION_TYPES, 'the kind of answer: boolean, number, date, or choice (one of options; several when multiple)'),
        options: Opt(Type.Array(Type.Object({ value: Type.String(), label: Type.String() }, Strict), { description: 'the choices, for a choice' })),
        multiple: Opt(Type.Boolean({ description: 'several options may be chosen (a list field)' })),
        affects: Type.Array(Type.String(), { description: 'the rules (and duties) its answer could settle' }),
      },
      Strict,
    ),
    { description: 'facts whose answers could settle undetermined rules, most decisive first' },
  ),
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
};

export const ANSWER_VIEWS = ['summary', 'standard', 'full'] as const;
export type AnswerViewName = (typeof ANSWER_VIEWS)[number];
const FullAnswerSchema = Type.Object(ANSWER_PROPERTIES, Strict);

/**
 * The answer as served: the full answer, or a view of it (request `view`). `summary` keeps asOf, profileId, language,
 * rulesets, summary, warnings and receipt; `standard` adds decisions, whyNot and questions; `full` (the default) is
 * everything, and carries no `view` field.
 */
export const AnswerSchema = Type.Object(
  {
    ...ANSWER_PROPERTIES,
    rulesets: rulesetsSchema(LEAN_TITLE),
    summary: summarySchema(true),
    view: Opt(Literals(['summary', 'standard'] as const, 'present on a view other than full: the fields it leaves out are absent')),
    decisions: Opt(ANSWER_PROPERTIES.decisions),
    whyNot: Opt(ANSWER_PROPERTIES.whyNot),
    undetermined: Opt(ANSWER_PROPERTIES.undetermined),
    questions: Opt(ANSWER_PROPERTIES.questions),
    facts: Opt(ANSWER_PROPERTIES.facts),
  },
  { ...Strict, $id: 'Answer' },
);
/** The full answer, as the engine makes it. */
export type Answer = Static<typeof FullAnswerSchema>;
/** An answer as served, in any view. */
export type AnswerView = Static<typeof AnswerSchema>;
export type SummaryAudit = Answer['summary']['audit'];
