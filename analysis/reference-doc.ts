import type { TSchema } from '@sinclair/typebox';
import type { RuleBase } from '../engine/index.ts';
import { AnswerSchema, EvaluateRequestSchema, FIELD_TEXT, ProfileSchema } from '../schemas/index.ts';

interface Node {
  type?: string;
  format?: string;
  description?: string;
  enum?: readonly unknown[];
  const?: unknown;
  anyOf?: readonly Node[];
  items?: Node;
  properties?: Record<string, Node>;
  required?: readonly string[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  $ref?: string;
}

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A schema node's type in a few words: `boolean`, `date or null`, `one of: a, b`, `list of …`. */
function typeWords(n: Node): string {
  if (n.$ref) return `see ${n.$ref}`;
  if (n.anyOf) return n.anyOf.map(typeWords).join(' or ');
  if (n.enum) return `one of: ${n.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (n.const !== undefined) return `\`${String(n.const)}\``;
  if (n.type === 'array') return `list of ${n.items ? typeWords(n.items) : 'values'}${n.maxItems !== undefined ? ` (at most ${n.maxItems})` : ''}`;
  if (n.type === 'string' && n.format === 'date') return 'date YYYY-MM-DD';
  if (n.type === 'object') return 'object';
  const range = n.minimum !== undefined ? ` ≥ ${n.minimum}` : '';
  return `${n.type ?? 'any'}${range}`;
}

/** One row per field, depth first: path, type, whether required, the description (and the zh label for a profile field). */
function fieldRows(schema: Node, prefix: string, withLabel: boolean, out: string[]): void {
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const required = (schema.required ?? []).includes(key) ? 'yes' : '';
    const label = withLabel ? ` | ${FIELD_TEXT[path]?.label.zh ?? ''}` : '';
    out.push(`| \`${path}\` | ${cell(typeWords(sub))} | ${required}${label} | ${cell(sub.description ?? '')} |`);
    const inner = sub.type === 'array' ? sub.items : sub;
    if (inner?.type === 'object' && inner.properties) fieldRows(inner, sub.type === 'array' ? `${path}[]` : path, withLabel, out);
  }
}

function table(schema: TSchema, withLabel: boolean): string[] {
  const out = [withLabel ? '| field | type | required | 中文 | meaning |' : '| field | type | required | meaning |'];
  out.push(withLabel ? '|---|---|---|---|---|' : '|---|---|---|---|');
  fieldRows(schema as Node, '', withLabel, out);
  return out;
}

/**
 * docs/reference.md: the profile, the request and the answer as the schemas define them, and the sources every rule set
 * was encoded from — generated (`npm run docs`), and checked against the schemas and rules by a test.
 */
export function referenceDoc(base: RuleBase): string {
  const lines = [
    '# Reference: profile, request, answer, sources',
    '',
    'Generated from `schemas/` and `rules/` by `npm run docs`; a test fails when this file and its sources disagree.',
    'Money is in 万元 (10,000 yuan), energy in tonnes of standard coal (tce), dates are ISO `YYYY-MM-DD`.',
    '',
    '## The enterprise profile',
    '',
    'Unknown fields are rejected. A fact left out is never taken as "no": the rules that need it are undetermined and the',
    "answer's `questions` ask for it. Place and industry names may be written in Chinese (佛山市, 南海区, 陶瓷): they are",
    'read as their keys and the answer says so in a `normalized` warning.',
    '',
    ...table(ProfileSchema, true),
    '',
    '## The evaluate request',
    '',
    '`POST /v1/evaluate`, and the file `cleanprod evaluate` reads (a bare profile is a request with only `profile`).',
    '',
    ...table(EvaluateRequestSchema, false),
    '',
    '## The answer',
    '',
    'The full view has every field; `view: summary` keeps asOf, view, language, profileId, rulesets, summary (without',
    'titles, citations, duties and the lists of decisions, which it counts) and warnings (one per kind) and receipt;',
    "`view: standard` adds decisions, whyNot and questions. Every sentence is in the answer's `language`; rule titles",
    'carry both languages; quotes stay verbatim (the 2016 opinions are quoted and explained in traditional characters).',
    '',
    ...table(AnswerSchema, false),
    '',
    '## Sources of the rule sets',
    '',
    'Each rule set keeps the text it encodes beside its versions, in `rules/<id>/source*.txt`.',
    '',
    '| rule set | versions | document | issuer | where the text comes from |',
    '|---|---|---|---|---|',
  ];
  for (const [id, versions] of base.rulesets) {
    const newest = versions[versions.length - 1]!.file;
    const list = versions.map((v) => `${v.version} (${v.file.validFrom} – ${v.file.validTo ?? 'open'})`).join(', ');
    lines.push(`| \`${id}\` | ${list} | ${cell(newest.source.document)} | ${cell(newest.source.issuer ?? '')} | ${cell(newest.source.origin)} |`);
  }
  return `${lines.join('\n')}\n`;
}
