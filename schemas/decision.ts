import { Type, type Static } from '@sinclair/typebox';
import { CitationSchema, DECISION_KINDS } from './ruleset.ts';
import { IsoDate, Literals, Opt, Strict } from './common.ts';

/** One decision of an answer — a rule that holds, with its citation, the facts behind it and its audit duty. */
export const FactTest = Type.Object(
  {
    fact: Type.String(),
    operator: Type.String(),
    value: Type.Unknown(),
    actual: Type.Unknown(),
    negated: Opt(Type.Boolean()),
    text: Opt(Type.String({ description: "the condition in words, in the answer's language (whyNot)" })),
  },
  Strict,
);
export type FactTest = Static<typeof FactTest>;
export const Kind = Literals(DECISION_KINDS);

export const DUTY_STATES = ['met', 'pending', 'overdue', 'missed', 'undetermined'] as const;
export type DutyStateName = (typeof DUTY_STATES)[number];

/** One audit duty on asOf: when it was due, and whether and by which audit it was met. */
export const DutySchema = Type.Object(
  {
    state: Literals(
      DUTY_STATES,
      'met (by metBy), pending (not yet due), overdue (due date passed unmet, duty in force), missed (due date passed unmet; madeUpOn if a later audit came), undetermined (the audit history or a fact it needs is not given)',
    ),
    dueKind: Literals(
      ['date', 'listing', 'cycle', 'none'] as const,
      'where the due date comes from: a fixed date, the listing deadline, a cycle, or none stated',
    ),
    dueBy: Type.Union([IsoDate, Type.Null()]),
    windowFrom: Type.Union([IsoDate, Type.Null()], { description: 'the earliest date an audit counts for this duty (null: any audit by the due date)' }),
    satisfiedBy: Type.String({
      description: 'what meets it (any-audit-by-due, audit-in-window, audit-since-listing, audit-each-cycle, any-audit, not-stated)',
    }),
    metBy: Type.Union([IsoDate, Type.Null()], { description: 'the audit that met it' }),
    madeUpOn: Type.Union([IsoDate, Type.Null()], { description: 'the first audit after a missed due date' }),
    cycleYears: Type.Union([Type.Number(), Type.Null()]),
    overdue: Type.Union([Type.Boolean(), Type.Null()]),
    deemed: Opt(Type.Boolean({ description: 'met by a fact that counts as an audit (e.g. a certification)' })),
    missed: Type.Array(Type.Object({ dueBy: IsoDate, madeUpOn: Type.Union([IsoDate, Type.Null()]) }, Strict), {
      description: 'earlier due dates passed unmet',
    }),
    ask: Type.Array(Type.String(), { description: 'profile fields that would settle an undetermined state' }),
  },
  Strict,
);
export type Duty = Static<typeof DutySchema>;
export const Title = Type.Object({ zh: Type.String(), en: Type.String() }, Strict);

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
    duty: Opt(DutySchema),
    fine: Opt(Type.Object({ minYuan: Opt(Type.Number()), maxYuan: Type.Number() }, Strict)),
    notEncoded: Opt(Type.String()),
    historic: Opt(Type.String()),
    note: Opt(Type.String()),
    explanation: Opt(Type.String({ description: "the rule's plain-language explanation with the enterprise's own facts, in the answer's language" })),
  },
  Strict,
);
export type Decision = Static<typeof DecisionSchema>;
