import { Type, type Static } from '@sinclair/typebox';
import { Literals, Opt, Strict } from './common.ts';
import { AuthorConditionSchema } from './condition.ts';
import { CitationSchema, RULE_ID, RuleSchema, RuleSetFileSchema, SEMVER, WarningRuleSchema } from './ruleset.ts';

/*
 * The author form of a rule file, as policy staff write it (rules/README.md). The loader compiles it to the compiled
 * form (RuleSetFile): shorthand conditions become json-rules-engine JSON, `use:` takes in a definition, and a citation
 * without `document` names the rule set's (`citeAs`, else `source.document`). Definitions and `citeAs` do not reach the
 * compiled form.
 */

const DEFINITION_NAME = { pattern: RULE_ID, description: 'a definition name, e.g. mandatory-grounds' };

export const AuthorCitationSchema = Type.Object(
  {
    ...CitationSchema.properties,
    document: Opt(Type.String({ minLength: 1, description: "default: the rule set's citeAs, else its source.document" })),
  },
  Strict,
);

export const AuthorRuleSchema = Type.Object(
  { ...RuleSchema.properties, conditions: AuthorConditionSchema, citation: AuthorCitationSchema },
  { ...Strict, description: 'a rule as written (conditions in the author form; the citation may leave out document)' },
);
export type AuthorRule = Static<typeof AuthorRuleSchema>;

export const AuthorWarningSchema = Type.Object(
  { ...WarningRuleSchema.properties, conditions: AuthorConditionSchema, citation: Opt(AuthorCitationSchema) },
  Strict,
);

/** Named conditions a rule refers to with `use: <name>`. */
export const DefinitionsSchema = Type.Record(Type.String(DEFINITION_NAME), AuthorConditionSchema, {
  description: 'named conditions (the law’s mandatory grounds, a region’s cities, …) that rules take in with `use: <name>`',
});

const citeAs = Opt(
  Type.String({ minLength: 1, description: 'the document name citations use where it differs from source.document (e.g. without the document number)' }),
);

/** A version written in full, in the author form. */
export const RuleSetAuthorFileSchema = Type.Object(
  {
    ...RuleSetFileSchema.properties,
    appliesTo: Opt(AuthorConditionSchema),
    citeAs,
    definitions: Opt(DefinitionsSchema),
    warnings: Opt(Type.Array(AuthorWarningSchema)),
    rules: Type.Array(AuthorRuleSchema, { minItems: 1 }),
  },
  { ...Strict, $id: 'RuleSetAuthorFile' },
);
export type RuleSetAuthorFile = Static<typeof RuleSetAuthorFileSchema>;

/** Rule fields a `change` may set or `unset` (everything but the id). */
const RULE_FIELDS = Object.keys(RuleSchema.properties).filter((k) => k !== 'id');
export const RuleChangeSchema = Type.Object(
  {
    ...Type.Partial(AuthorRuleSchema).properties,
    id: Type.String({ pattern: RULE_ID, description: 'the rule of the base version to change' }),
    unset: Opt(Type.Array(Literals(RULE_FIELDS), { uniqueItems: true, description: 'fields of the base rule to drop' })),
  },
  { ...Strict, description: "a rule of the base version with the fields given here set (each replaces the base's field whole) and those in unset dropped" },
);
export const AddedRuleSchema = Type.Object(
  { ...AuthorRuleSchema.properties, after: Opt(Type.String({ pattern: RULE_ID, description: 'place it after this rule (default: at the end)' })) },
  Strict,
);

/**
 * A version written as a delta on an earlier one: top-level fields given here replace the base's (validity, title,
 * jurisdiction, source, …; those not given are carried over), and `definitions`, `assumptions` and `rules` list what
 * is added, replaced, changed and removed. Rules carried over are compiled again with the delta's definitions. The
 * loader compiles it to the full form (RuleSetFile) before lint and evaluation.
 */
export const RuleSetDeltaSchema = Type.Object(
  {
    id: Type.String({ pattern: RULE_ID }),
    version: Type.String({ pattern: SEMVER }),
    extends: Type.String({ pattern: SEMVER, description: 'the earlier version this one amends' }),
    title: Opt(RuleSetFileSchema.properties.title),
    validFrom: Opt(RuleSetFileSchema.properties.validFrom),
    validTo: Opt(RuleSetFileSchema.properties.validTo),
    jurisdiction: Opt(RuleSetFileSchema.properties.jurisdiction),
    appliesTo: Opt(AuthorConditionSchema),
    source: Opt(RuleSetFileSchema.properties.source),
    citeAs,
    warnings: Opt(Type.Array(AuthorWarningSchema)),
    definitions: Opt(
      Type.Object(
        {
          add: Opt(DefinitionsSchema),
          replace: Opt(DefinitionsSchema),
          remove: Opt(Type.Array(Type.String(DEFINITION_NAME), { uniqueItems: true })),
        },
        Strict,
      ),
    ),
    assumptions: Opt(
      Type.Object(
        {
          add: Opt(RuleSetFileSchema.properties.assumptions),
          replace: Opt(RuleSetFileSchema.properties.assumptions),
          remove: Opt(Type.Array(Type.String({ pattern: RULE_ID }), { uniqueItems: true })),
        },
        Strict,
      ),
    ),
    rules: Opt(
      Type.Object(
        {
          add: Opt(Type.Array(AddedRuleSchema)),
          replace: Opt(Type.Array(AuthorRuleSchema)),
          change: Opt(Type.Array(RuleChangeSchema)),
          remove: Opt(Type.Array(Type.String({ pattern: RULE_ID }), { uniqueItems: true })),
        },
        Strict,
      ),
    ),
  },
  { ...Strict, $id: 'RuleSetDelta' },
);
export type RuleSetDelta = Static<typeof RuleSetDeltaSchema>;
