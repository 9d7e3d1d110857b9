import type { TSchema } from '@sinclair/typebox';
import { PROVINCES } from './geography.ts';
import { FIELD_OPTIONS } from './labels/index.ts';
import { ProfileSchema } from './profile.ts';
import { QUESTIONS } from './questions.ts';

export const QUESTION_TYPES = ['boolean', 'number', 'date', 'choice'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A question of the answer: the text in the answer's language, the kind of answer it takes, the choices if any. */
export interface Question {
  text: string;
  type: QuestionType;
  /** The choices (value → its name in the answer's language); `multiple` when several may be chosen (a list field). */
  options?: { value: string; label: string }[];
  multiple?: boolean;
}

interface Node {
  type?: string;
  format?: string;
  enum?: readonly string[];
  anyOf?: readonly Node[];
  items?: Node;
  properties?: Record<string, Node>;
}

function nodeAt(path: string): Node | undefined {
  let node: Node | undefined = ProfileSchema as TSchema as Node;
  for (const seg of path.split('.')) node = (node?.type === 'array' ? node.items : node)?.properties?.[seg];
  return node;
}

/** The kind of answer a schema node takes (a date or null is a date; a list takes its items' kind). */
function typeOf(node: Node): QuestionType {
  if (node.anyOf) return typeOf(node.anyOf.find((n) => n.type !== 'null') ?? node.anyOf[0]!);
  if (node.type === 'array' && node.items) return node.items.type === 'object' ? objectItemType(node.items) : typeOf(node.items);
  if (node.type === 'boolean') return 'boolean';
  if (node.type === 'number' || node.type === 'integer') return 'number';
  if (node.format === 'date') return 'date';
  return 'choice';
}

/** A list of objects is asked by its first field: titles by their kind (a choice), audit rounds by their date. */
function objectItemType(items: Node): QuestionType {
  const first = Object.values(items.properties ?? {})[0];
  return first ? typeOf(first) : 'choice';
}

const PROVINCE_OPTIONS = Object.fromEntries(Object.entries(PROVINCES).map(([k, zh]) => [k, { zh, en: k.charAt(0).toUpperCase() + k.slice(1) }]));

function optionsOf(path: string, node: Node, lang: 'zh' | 'en'): Question['options'] {
  const named = FIELD_OPTIONS[path] ?? FIELD_OPTIONS[`${path}.kind`] ?? (path === 'location.province' ? PROVINCE_OPTIONS : undefined);
  if (named) return Object.entries(named).map(([value, names]) => ({ value, label: names[lang] }));
  const values = node.enum ?? node.items?.enum;
  return values?.map((value) => ({ value, label: value }));
}

/**
 * The question that asks for one profile path, in the answer's language (schemas/questions.ts), with the kind of
 * answer the profile schema takes there; undefined for a path the catalog does not know.
 */
export function questionFor(path: string, lang: 'zh' | 'en'): Question | undefined {
  // The same few dozen questions are asked again and again: each is built once per language (and never changed).
  const key = `${lang}|${path}`;
  if (!ASKED.has(key)) ASKED.set(key, buildQuestion(path, lang));
  return ASKED.get(key);
}

const ASKED = new Map<string, Question | undefined>();

function buildQuestion(path: string, lang: 'zh' | 'en'): Question | undefined {
  const text = QUESTIONS[path];
  const node = nodeAt(path);
  if (!text || !node) return undefined;
  const type = typeOf(node);
  if (type !== 'choice') return { text: text[lang], type };
  const options = optionsOf(path, node, lang) ?? [];
  return { text: text[lang], type, options, ...(node.type === 'array' ? { multiple: true } : {}) };
}
