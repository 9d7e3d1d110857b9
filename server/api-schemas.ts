import { type TSchema, Type } from '@sinclair/typebox';
import { Bilingual, IsoDate, JurisdictionSchema, Literals, Opt, RuleSetFileSchema, SourceSchema, Strict, ProfileRef, VersionSchema } from '../schemas/index.ts';

/**
 * The success responses of the routes that are not answers (answers are the shared `Answer` schema): what the
 * analyses, the rule-set routes and verify return, as the OpenAPI document declares them. tests/server/openapi.test.ts
 * validates real responses of every route against these.
 */

const Ids = Type.Array(Type.String(), { maxItems: 1000 });
const Added = Type.Object({ added: Ids, removed: Ids }, Strict);
const DateOrNull = Type.Union([IsoDate, Type.Null()]);

/** A `normalized` warning: a place or industry name read as its key. */
export const NormalizedWarnings = Opt(
  Type.Array(Type.Object({ code: Type.Literal('normalized'), path: Type.String(), message: Type.String() }, Strict), {
    maxItems: 1000,
    description: 'names read as keys (佛山市 → foshan), present when any was',
  }),
);

const FieldChange = Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() }, Strict);
const RuleRef = Type.Object({ id: Type.String(), kind: Type.String(), outcome: Type.String(), title: Bilingual }, Strict);
const PlacedLeaf = Type.Object({ under: Type.String(), leaf: Type.String() }, Strict);
const FromTo = Type.Object({ from: Type.String(), to: Type.String() }, Strict);

export const DiffSchema = Type.Object(
  {
    ruleset: Type.String(),
    from: Type.String(),
    to: Type.String(),
    differentTexts: Opt(FromTo),
    metadata: Type.Array(FieldChange),
    added: Type.Array(RuleRef),
    removed: Type.Array(RuleRef),
    changed: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          previousId: Opt(Type.String({ description: 'the id the rule had in the older version, when renumbered' })),
          wording: Opt(FromTo),
          conditions: Opt(Type.Object({ added: Type.Array(PlacedLeaf), removed: Type.Array(PlacedLeaf), restructured: Type.Boolean() }, Strict)),
          fields: Type.Array(FieldChange),
          semantic: Type.Object(
            {
              verdict: Literals(['differs', 'same-on-all-searched'] as const),
              searched: Type.Integer(),
              exhaustive: Type.Boolean(),
              counterexample: Opt(Type.Object({ facts: Type.Record(Type.String(), Type.Unknown()), before: Type.String(), after: Type.String() }, Strict)),
            },
            Strict,
          ),
        },
        Strict,
      ),
    ),
    unchanged: Ids,
  },
  { ...Strict, description: 'the structural diff of two versions, with semantic counterexamples' },
);

export const ImpactSchema = Type.Object(
  {
    ruleset: Type.String(),
    from: Type.String(),
    to: Type.String(),
    asOf: IsoDate,
    population: Type.Integer(),
    changed: Type.Integer(),
    unchanged: Type.Integer(),
    groups: Type.Array(Type.Object({ change: Type.String(), count: Type.Integer(), examples: Ids }, Strict)),
    warnings: NormalizedWarnings,
  },
  { ...Strict, description: 'whose decisions change between the two versions, grouped by kind of change' },
);

export const TimelineSchema = Type.Object(
  {
    profileId: Type.Union([Type.String(), Type.Null()]),
    from: IsoDate,
    to: IsoDate,
    periods: Type.Array(
      Type.Object(
        {
          from: IsoDate,
          to: IsoDate,
          audit: Type.Object(
            { status: Type.String(), basis: Ids, dueBy: DateOrNull, dueBasis: Ids, overdue: Type.Union([Type.Boolean(), Type.Null()]) },
            Strict,
          ),
          route: Type.String(),
          incentives: Ids,
          sanctions: Ids,
          obligations: Ids,
          rulesetsInForce: Ids,
        },
        Strict,
      ),
    ),
    points: Type.Array(
      Type.Object(
        { date: IsoDate, kind: Literals(['due', 'met', 'missed', 'made-up'] as const), id: Type.String(), ruleset: Type.String(), version: Type.String() },
        Strict,
      ),
    ),
    warnings: NormalizedWarnings,
  },
  { ...Strict, description: 'the periods in which status, route, incentives and sanctions held, and each duty’s dates' },
);

const Change = <T extends TSchema>(value: T) => Type.Object({ from: value, to: value, changed: Type.Boolean() }, Strict);
export const WhatIfSchema = Type.Object(
  {
    before: Type.Ref('Answer'),
    after: Type.Ref('Answer'),
    changed: Type.Ref('Profile'),
    difference: Type.Object(
      {
        audit: Type.Object({ from: Type.String(), to: Type.String(), changed: Type.Boolean(), basisFrom: Ids, basisTo: Ids }, Strict),
        due: Type.Object({ from: DateOrNull, to: DateOrNull, changed: Type.Boolean(), basisFrom: Ids, basisTo: Ids }, Strict),
        overdue: Change(Type.Union([Type.Boolean(), Type.Null()])),
        missed: Added,
        route: Change(Type.String()),
        decisions: Added,
        incentives: Added,
        sanctions: Added,
        obligations: Added,
        summary: Type.Array(Type.String(), { maxItems: 1000, description: 'the differences as sentences' }),
      },
      Strict,
    ),
  },
  { ...Strict, description: 'the answer as given (before) and with the changes (after), the changed profile and the difference' },
);

export const VerifySchema = Type.Object(
  {
    holds: Type.Boolean(),
    checks: Type.Array(
      Type.Object({ check: Literals(['profile', 'ruleset', 'decisions', 'summary'] as const), ok: Type.Boolean(), detail: Type.String() }, Strict),
    ),
    warnings: NormalizedWarnings,
  },
  Strict,
);

const VersionSummary = Type.Object(
  { version: Type.String(), title: Bilingual, validFrom: IsoDate, validTo: DateOrNull, rules: Type.Integer(), sha256: Type.String() },
  Strict,
);

export const RuleSetListSchema = Type.Array(
  Type.Object({ id: Type.String(), title: Bilingual, jurisdiction: JurisdictionSchema, source: SourceSchema, versions: Type.Array(VersionSummary) }, Strict),
  { maxItems: 1000 },
);

export const RuleSetSchema = Type.Object(
  { id: Type.String(), title: Bilingual, jurisdiction: JurisdictionSchema, versions: Type.Array(VersionSummary) },
  { ...Strict, description: 'a rule set and its versions' },
);

export const RuleSetVersionSchema = Type.Object(
  { ...RuleSetFileSchema.properties, sha256: Type.String({ description: 'content hash of the version as compiled' }) },
  { ...Strict, description: 'the rule file as compiled, with its content hash (also the ETag)' },
);

export const JsonSchemaDocument = Type.Object(
  { type: Type.Literal('object'), properties: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: true, description: 'a JSON Schema document (draft 2019-09)' },
);

/** The impact routes' body: two versions, an optional date, and the population — given profiles or a synthetic one. */
export const impactBody = (populationLimit: number) =>
  Type.Object(
    {
      from: VersionSchema,
      to: VersionSchema,
      asOf: Type.Optional(IsoDate),
      profiles: Type.Optional(Type.Array(ProfileRef, { maxItems: populationLimit })),
      synthetic: Type.Optional(
        Type.Object({ n: Type.Integer({ minimum: 1, maximum: populationLimit }), seed: Type.Integer() }, { additionalProperties: false }),
      ),
    },
    { additionalProperties: false, examples: [{ from: '1.0.0', to: '2.0.0', synthetic: { n: 1000, seed: 42 } }] },
  );
