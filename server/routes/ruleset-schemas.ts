import { type TSchema, Type } from '@sinclair/typebox';
import { IsoDate, Strict } from '../../schemas/index.ts';

/** The 2xx answers of the policy staff's routes (ruleset-docs.ts, ruleset-compare.ts): documentation, and what their tests check. */

const Str = (description: string, maxLength = 2000) => Type.String({ description, maxLength });
const Lang = Type.Union([Type.Literal('zh'), Type.Literal('en')], { description: 'the language of every sentence a person reads' });
const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);

/** A condition tree in words: all / any / not with their parts, and each test (nested groups to CONDITION_DEPTH, deeper ones as they come). */
const CONDITION_DEPTH = 6;
function conditionWordsSchema(depth: number): TSchema {
  const children = depth === 0 ? Type.Array(Type.Unknown(), { maxItems: 200 }) : Type.Array(conditionWordsSchema(depth - 1), { maxItems: 200 });
  return Type.Union([
    Type.Object({ op: Type.Union([Type.Literal('all'), Type.Literal('any'), Type.Literal('not')]), text: Str('the group in words'), children }, Strict),
    Type.Object({ op: Type.Literal('test'), text: Str('the test in words'), fact: Str('the profile path or derived fact it reads', 200) }, Strict),
  ]);
}
const ConditionWords = () => conditionWordsSchema(CONDITION_DEPTH);

const RuleWordsProps = {
  id: Str('rule id', 200),
  kind: Str('decision kind', 40),
  kindText: Str('the kind in words', 100),
  outcome: Str('outcome key', 200),
  outcomeText: Nullable(Str('the outcome in words, where the answer names it (audit status, route, acceptance)', 200)),
  title: Str('the title in the language asked for'),
  section: Str('the provision cited, as the source numbers it', 200),
  document: Str('the document cited', 400),
  quote: Str('verbatim quote (fragments joined by …)', 20_000),
  conditions: ConditionWords(),
  conditionText: Str('the conditions as one sentence', 20_000),
  validFrom: Nullable(IsoDate),
  validTo: Nullable(IsoDate),
};
export const RuleWordsSchema = Type.Object(RuleWordsProps, Strict);

export const ChangelogSchema = Type.Object(
  {
    id: Str('rule-set id', 100),
    markdown: Str('CHANGELOG.md as written (English Markdown)', 2 * 1024 * 1024),
    sections: Type.Array(
      Type.Object(
        { version: Nullable(Str('the version the section is about', 40)), heading: Str('the heading line', 400), body: Str('the section', 2 * 1024 * 1024) },
        Strict,
      ),
      { maxItems: 2000 },
    ),
  },
  Strict,
);

const Quoter = Type.Object(
  {
    kind: Type.Union([Type.Literal('rule'), Type.Literal('warning')]),
    id: Str('rule id or warning code', 200),
    places: Type.Integer({ minimum: 0, description: 'how many places of the text the quote stands at' }),
  },
  Strict,
);
export const SourceSchema = Type.Object(
  {
    id: Str('rule-set id', 100),
    version: Str('version', 40),
    language: Lang,
    document: Str('the document', 400),
    file: Str('the source text file beside the version', 200),
    counts: Type.Object({ passages: Type.Integer(), quoted: Type.Integer(), quoters: Type.Integer() }, Strict),
    passages: Type.Array(
      Type.Object(
        {
          line: Type.Integer({ minimum: 1 }),
          text: Str('the line as written', 1024 * 1024),
          heading: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: 'a heading of the text that no rule quotes (its level)' })),
          // a pair as an array of two (a TypeBox tuple is not valid JSON Schema 2020-12, which OpenAPI 3.1 uses)
          marks: Type.Array(Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }), { maxItems: 1000, description: 'quoted ranges [start, end) in text' }),
          quotedBy: Type.Array(Quoter, { maxItems: 1000, description: 'empty: no rule quotes this passage' }),
        },
        Strict,
      ),
      { maxItems: 100_000 },
    ),
    rules: Type.Record(
      Type.String({ maxLength: 200 }),
      Type.Object(
        {
          title: Str('title'),
          kind: Str('kind', 40),
          kindText: Str('kind in words', 100),
          outcome: Str('outcome', 200),
          outcomeText: Nullable(Str('outcome in words', 200)),
          section: Str('section', 200),
        },
        Strict,
      ),
      { maxProperties: 5000, description: 'the rules that quote the text, by id' },
    ),
    warnings: Type.Record(Type.String({ maxLength: 200 }), Type.Object({ section: Str('section', 200), message: Str('the warning') }, Strict), {
      maxProperties: 1000,
    }),
    unlocated: Type.Array(Quoter, { maxItems: 5000, description: 'rules and warnings whose quote is not found in the text' }),
  },
  Strict,
);

export const RuleDetailSchema = Type.Object(
  {
    ruleset: Str('rule-set id', 100),
    version: Str('version', 40),
    language: Lang,
    ...RuleWordsProps,
    explanation: Str('the explanation in the language asked for, each of its placeholders shown as the fact it stands for: 〈年综合能耗〉'),
    jurisdiction: Str("the version's jurisdiction, in words", 400),
    scope: Type.Union([ConditionWords(), Type.Null()], { description: "the version's scope (appliesTo) in words, or null" }),
  },
  Strict,
);

const CaseRole = Type.Union(['fires', 'notFires', 'undetermined', 'dueBasis', 'missed', 'duty'].map((r) => Type.Literal(r)));
export const RuleCasesSchema = Type.Object(
  {
    ruleset: Str('rule-set id', 100),
    version: Str('version', 40),
    rule: Str('rule id', 200),
    total: Type.Integer({ description: 'cases naming the rule (all listed up to the limit)' }),
    cases: Type.Array(
      Type.Object(
        {
          file: Str('the case file', 400),
          name: Str('the case sentence (as written in the case)'),
          asOf: IsoDate,
          filedUnder: Str('cases/<rule set>/ it is filed under', 100),
          roles: Type.Array(CaseRole, { maxItems: 6, description: 'what the case asserts about the rule' }),
          version: Nullable(Str('the version of the rule set the case runs with', 40)),
          forThisVersion: Type.Boolean({ description: 'whether it runs with the version asked about' }),
          profile: Type.Ref('Profile'),
          rulesets: Type.Optional(Type.Array(Str('rule-set id', 100), { maxItems: 50 })),
          versions: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Str('version', 40), { maxProperties: 50 })),
        },
        Strict,
      ),
      { maxItems: 200 },
    ),
  },
  Strict,
);

export const DiffWordsSchema = Type.Object(
  {
    ruleset: Str('rule-set id', 100),
    from: Str('older version', 40),
    to: Str('newer version', 40),
    language: Lang,
    summary: Str('counts in a sentence'),
    differentTexts: Nullable(Str('when the versions encode different texts: what added and removed mean')),
    metadata: Type.Array(Str('a change of the version itself, in words'), { maxItems: 20 }),
    added: Type.Array(RuleWordsSchema, { maxItems: 5000 }),
    removed: Type.Array(RuleWordsSchema, { maxItems: 5000 }),
    changed: Type.Array(
      Type.Object(
        {
          id: Str('rule id (newer)', 200),
          previousId: Nullable(Str('its id in the older version, when renumbered', 200)),
          title: Str('title'),
          kindText: Str('kind in words', 100),
          changes: Type.Array(Str('one change in a sentence', 20_000), { maxItems: 50 }),
          conditions: Type.Union([
            Type.Object(
              {
                before: ConditionWords(),
                after: ConditionWords(),
                added: Type.Array(Str('a test only the newer version has'), { maxItems: 500 }),
                removed: Type.Array(Str('a test only the older version has'), { maxItems: 500 }),
              },
              Strict,
            ),
            Type.Null(),
          ]),
          wording: Type.Union([Type.Object({ from: Str('older quote', 20_000), to: Str('newer quote', 20_000) }, Strict), Type.Null()]),
          verdict: Type.Union([Type.Literal('differs'), Type.Literal('same-on-all-searched')]),
          semantic: Str('the semantic check in a sentence'),
          counterexample: Type.Union([
            Type.Object(
              {
                facts: Type.Array(Type.Object({ fact: Str('fact', 200), label: Str('its name', 400), value: Str('its value in words', 2000) }, Strict), {
                  maxItems: 500,
                }),
                before: Str('what the older version decides'),
                after: Str('what the newer version decides'),
              },
              Strict,
            ),
            Type.Null(),
          ]),
        },
        Strict,
      ),
      { maxItems: 5000 },
    ),
    unchanged: Type.Array(Str('rule id', 200), { maxItems: 5000 }),
  },
  Strict,
);

const Transitions = Type.Array(Type.Object({ from: Str('audit status before', 40), to: Str('audit status after', 40), count: Type.Integer() }, Strict), {
  maxItems: 100,
});
const Breakdown = Type.Array(
  Type.Object(
    { key: Nullable(Str('city or industry key; null: not given', 100)), population: Type.Integer(), changed: Type.Integer(), transitions: Transitions },
    Strict,
  ),
  { maxItems: 1000 },
);
export const ImpactDetailSchema = Type.Object(
  {
    ruleset: Str('rule-set id', 100),
    from: Str('older version', 40),
    to: Str('newer version', 40),
    asOf: IsoDate,
    population: Type.Integer(),
    changed: Type.Integer({ description: 'profiles whose answer changed in any way' }),
    unchanged: Type.Integer(),
    groups: Type.Array(
      Type.Object({ change: Str('the change', 400), count: Type.Integer(), examples: Type.Array(Str('profile id', 200), { maxItems: 5 }) }, Strict),
      {
        maxItems: 10_000,
        description: 'as POST /v1/rulesets/{id}/impact',
      },
    ),
    transitions: Type.Array(
      Type.Object(
        {
          from: Str('audit status before', 40),
          to: Str('audit status after', 40),
          count: Type.Integer(),
          examples: Type.Array(Type.Ref('Profile'), { maxItems: 3, description: 'whole profiles that make this transition' }),
        },
        Strict,
      ),
      { maxItems: 100 },
    ),
    byCity: Breakdown,
    byIndustry: Breakdown,
    source: Type.Object(
      {
        kind: Type.Union([Type.Literal('synthetic'), Type.Literal('profiles'), Type.Literal('file')]),
        n: Type.Optional(Type.Integer()),
        seed: Type.Optional(Type.Integer()),
        name: Type.Optional(Str('file name', 200)),
      },
      Strict,
    ),
    skipped: Type.Array(Type.Object({ row: Type.Integer(), message: Str('why the row was left out') }, Strict), { maxItems: 20 }),
    skippedRows: Type.Integer({ description: 'rows of the file left out (the first 20 are listed in skipped)' }),
  },
  Strict,
);
