import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Literals, Opt, Strict } from './common.ts';
import { AUDIT_OUTCOMES } from './ruleset.ts';
import { DUTY_STATES, RULESET_STATUSES } from './answer.ts';
import { ProfileRef } from './profile.ts';

const Ids = Opt(Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true }));

/** A golden case: a profile, a date and the decisions it must produce. Its file name is its sentence, slugged. */
export const GoldenCaseSchema = Type.Object(
  {
    name: Type.String({ minLength: 10, description: 'a sentence stating the expected outcome' }),
    asOf: IsoDate,
    rulesets: Opt(Type.Array(Type.String(), { uniqueItems: true })),
    versions: Opt(Type.Record(Type.String(), Type.String())),
    profile: ProfileRef,
    expect: Type.Object(
      {
        fires: Ids,
        notFires: Ids,
        undetermined: Ids,
        audit: Opt(
          Type.Object(
            {
              status: Opt(Literals(AUDIT_OUTCOMES)),
              dueBy: Opt(Type.Union([IsoDate, Type.Null()])),
              overdue: Opt(Type.Union([Type.Boolean(), Type.Null()])),
              dueBasis: Opt(Type.Array(Type.String(), { description: 'the exact set of decisions behind dueBy' })),
              metBy: Opt(Type.Union([IsoDate, Type.Null()])),
              missed: Opt(Type.Array(Type.String(), { description: 'the exact set of rule ids in summary.audit.missed (any order)' })),
              couldBe: Opt(Type.Array(Literals(AUDIT_OUTCOMES))),
            },
            Strict,
          ),
        ),
        duties: Opt(
          Type.Record(
            Type.String(),
            Type.Union([
              Literals(DUTY_STATES),
              Type.Object(
                {
                  state: Literals(DUTY_STATES),
                  dueBy: Opt(Type.Union([IsoDate, Type.Null()])),
                  metBy: Opt(Type.Union([IsoDate, Type.Null()])),
                  madeUpOn: Opt(Type.Union([IsoDate, Type.Null()])),
                },
                Strict,
              ),
            ]),
            {
              description:
                'rule id → the state of its audit duty in summary.audit.duties (met, pending, overdue, missed, undetermined), or the state with its dates',
            },
          ),
        ),
        route: Opt(Literals(['simplified', 'standard', 'undetermined'] as const)),
        rulesets: Opt(Type.Record(Type.String(), Literals(RULESET_STATUSES))),
        warnings: Opt(Type.Array(Type.String())),
        questions: Opt(Type.Array(Type.String())),
      },
      Strict,
    ),
  },
  { ...Strict, $id: 'GoldenCase' },
);
export type GoldenCase = Static<typeof GoldenCaseSchema>;
