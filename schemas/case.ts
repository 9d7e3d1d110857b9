import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Literals, Opt, Strict } from './common.ts';
import { AUDIT_OUTCOMES } from './ruleset.ts';
import { RULESET_STATUSES } from './answer.ts';
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
              couldBe: Opt(Type.Array(Literals(AUDIT_OUTCOMES))),
            },
            Strict,
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
