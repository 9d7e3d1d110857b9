import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Bilingual, Literals, Opt, Strict } from '../common.ts';
import { ProfileSchema } from '../profile.ts';
import { AUDIT_FIELDS } from './fields-audit.ts';
import { ENTERPRISE_FIELDS } from './fields-enterprise.ts';
import { ENVIRONMENT_FIELDS } from './fields-environment.ts';
import type { FieldText, Names } from './text.ts';
import {
  ANSWER_VALUE_NAMES,
  CITY_NAMES,
  DERIVED_FACT_NAMES,
  DISTRICT_NAMES,
  INDUSTRY_NAMES,
  PARK_LEVEL_NAMES,
  PROJECT_KIND_NAMES,
  SECTOR_NAMES,
  TITLE_KIND_NAMES,
  WATERSHED_NAMES,
} from './values.ts';

export const LABEL_LANGS = ['zh', 'en'] as const;
export type LabelLang = (typeof LABEL_LANGS)[number];

/** Label and hint of every profile path (objects too: they are the form's groups), in zh and en. */
export const FIELD_TEXT: Readonly<Record<string, FieldText>> = { ...ENTERPRISE_FIELDS, ...ENVIRONMENT_FIELDS, ...AUDIT_FIELDS };

/** The names of the values a profile field takes, by path (an array's items are named at the array's path). */
export const FIELD_OPTIONS: Readonly<Record<string, Readonly<Record<string, Names>>>> = {
  sector: SECTOR_NAMES,
  'location.city': CITY_NAMES,
  'location.district': Object.assign({}, ...Object.values(DISTRICT_NAMES)),
  'location.watersheds': WATERSHED_NAMES,
  'location.park.level': PARK_LEVEL_NAMES,
  'location.park.specialized': INDUSTRY_NAMES,
  'industry.keys': INDUSTRY_NAMES,
  'titles.kind': TITLE_KIND_NAMES,
  'project.kind': PROJECT_KIND_NAMES,
};

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/**
 * Every path of the profile a person fills in or reads, in schema order: each object (a group of the form) before its
 * fields, and an array of objects (titles, audit.rounds) before its items' fields (`titles.kind`).
 */
export function profilePaths(schema: TSchema = ProfileSchema): string[] {
  const out: string[] = [];
  const walk = (node: SchemaNode, prefix: string) => {
    for (const [key, sub] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.push(path);
      const inner = sub.type === 'array' ? sub.items : sub;
      if (inner?.type === 'object') walk(inner, path);
    }
  };
  walk(schema as SchemaNode, '');
  return out;
}

const Text = (description: string) => Type.String({ minLength: 1, description });
const FieldLabelSchema = Type.Object(
  {
    label: Text('the field label'),
    hint: Opt(Text('a sentence shown under the label')),
    options: Opt(Type.Record(Type.String(), Type.String(), { description: 'value → its name, for a field with a closed set of values' })),
  },
  Strict,
);
const NameTable = (description: string) => Type.Record(Type.String(), Bilingual, { description });
const ValueTable = Type.Record(Type.String(), Type.String());

/** GET /v1/labels: every label a form or an answer needs, in one language; proper names (industries, places) in both. */
export const LabelsSchema = Type.Object(
  {
    language: Literals(LABEL_LANGS, 'the language of every label, hint, option and value name'),
    fields: Type.Record(Type.String(), FieldLabelSchema, {
      description: 'profile path (objects too; array items as `titles.kind`) → its label, hint and option names',
    }),
    facts: Type.Record(
      Type.String(),
      Type.Object(
        {
          label: Text('a short name'),
          hint: Opt(Text('its definition')),
          options: Opt(Type.Record(Type.String(), Type.String(), { description: 'value → its name, for a fact whose values are keys' })),
        },
        Strict,
      ),
      {
        description: 'the derived facts the rules in service use (rules/derived-facts.yaml); facts that are profile paths are under fields',
      },
    ),
    values: Type.Object(
      {
        auditStatus: ValueTable,
        route: ValueTable,
        acceptance: ValueTable,
        rulesetStatus: ValueTable,
        dutyState: ValueTable,
      },
      {
        ...Strict,
        description: "the names of the answer's values: summary.audit.status, summary.process.route and acceptance, rulesets[].status, duty states",
      },
    ),
    industries: NameTable('industry key → its Chinese and English names (schemas/industries.ts)'),
    cities: NameTable("Guangdong's prefecture cities, pinyin key → names"),
    districts: Type.Record(Type.String(), NameTable('district key → names'), { description: 'city → the districts the contract enumerates for it' }),
  },
  { ...Strict, title: 'Labels' },
);
export type Labels = Static<typeof LabelsSchema>;

/** A derived fact as the rule base declares it. */
export interface DerivedFactText {
  readonly name: string;
  readonly kind: string;
  readonly description: Names;
}

/** The derived facts whose values are keys of a profile field: named as that field's values. */
const FACT_VALUES_OF: Readonly<Record<string, string>> = { industryClosure: 'industry.keys', heldTitles: 'titles.kind' };

const inLang = (table: Readonly<Record<string, Names>>, lang: LabelLang): Record<string, string> =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v[lang]]));

/** The labels document in one language; `derivedFacts` are those of the rule base in service. */
export function labelsDocument(lang: LabelLang, derivedFacts: readonly DerivedFactText[]): Labels {
  const fields: Labels['fields'] = {};
  for (const path of profilePaths()) {
    const text = FIELD_TEXT[path];
    const options = FIELD_OPTIONS[path];
    fields[path] = {
      label: text?.label[lang] ?? path.slice(path.lastIndexOf('.') + 1),
      ...(text?.hint ? { hint: text.hint[lang] } : {}),
      ...(options ? { options: inLang(options, lang) } : {}),
    };
  }
  const facts: Labels['facts'] = {};
  for (const d of derivedFacts) {
    const name = DERIVED_FACT_NAMES[d.name];
    const options = FIELD_OPTIONS[FACT_VALUES_OF[d.kind] ?? ''];
    facts[d.name] = {
      ...(name ? { label: name[lang], hint: d.description[lang] } : { label: d.description[lang] }),
      ...(options ? { options: inLang(options, lang) } : {}),
    };
  }
  const values = Object.fromEntries(Object.entries(ANSWER_VALUE_NAMES).map(([k, table]) => [k, inLang(table, lang)])) as Labels['values'];
  return { language: lang, fields, facts, values, industries: { ...INDUSTRY_NAMES }, cities: { ...CITY_NAMES }, districts: { ...DISTRICT_NAMES } };
}
