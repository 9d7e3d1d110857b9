import type { ErrorObject } from 'ajv';
import type { FastifyReply } from 'fastify';
import { type Bilingual, type CleanprodError, type ErrorDetail, type Lang, messageIn } from '../engine/index.ts';
import { andMore, describeErrors, joinErrors } from '../schemas/index.ts';
import { PROBLEM_BASE, PROBLEMS, type ProblemSlug } from './problems/catalog.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors: { path: string; message: string }[];
  /** How many further errors were found and not listed. */
  moreErrors?: number;
}

/**
 * What a problem document may hold, in bytes of its JSON: at most 10 errors, each part clipped. Whatever the request,
 * a problem stays under PROBLEM_MAX_BYTES (tests/server/bounds.test.ts checks the worst case).
 */
export const PROBLEM_LIMITS = { errors: 10, path: 160, message: 256, detail: 768, instance: 256, title: 100, type: 160 } as const;
export const PROBLEM_MAX_BYTES = 6144;
/** Validation errors looked at to describe a problem (the first ones; the rest are only counted). */
const ERRORS_DESCRIBED = 200;

const jsonBytes = (s: string) => Buffer.byteLength(JSON.stringify(s)) - 2;

/** s, shortened (with …) until its JSON encoding takes at most maxBytes. */
export function clipToBytes(s: string, maxBytes: number): string {
  if (jsonBytes(s) <= maxBytes) return s;
  let lo = 0;
  let hi = Math.min(s.length, maxBytes);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (jsonBytes(`${s.slice(0, mid)}…`) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return `${s.slice(0, lo)}…`;
}

/** The problem as sent: at most PROBLEM_LIMITS.errors errors (moreErrors counts the rest), every string clipped. */
export function boundedProblem(p: Problem): Problem {
  const L = PROBLEM_LIMITS;
  const shown = p.errors.slice(0, L.errors).map((e) => ({ path: clipToBytes(e.path, L.path), message: clipToBytes(e.message, L.message) }));
  const more = (p.moreErrors ?? 0) + Math.max(0, p.errors.length - L.errors);
  return {
    type: clipToBytes(p.type, L.type),
    title: clipToBytes(p.title, L.title),
    status: p.status,
    detail: clipToBytes(p.detail, L.detail),
    ...(p.instance !== undefined ? { instance: clipToBytes(p.instance, L.instance) } : {}),
    errors: shown,
    ...(more > 0 ? { moreErrors: more } : {}),
  };
}

/** Ajv's errors as problem errors in `lang`: the first ones described, the others counted in moreErrors. */
export function validationErrors(
  raw: readonly ErrorObject[] | null | undefined,
  root = '',
  prefix = '',
  lang: Lang = 'zh',
): { errors: Problem['errors']; moreErrors?: number; detail: string } {
  const all = raw ?? [];
  const described = describeErrors(all.slice(0, ERRORS_DESCRIBED), root, lang).map((e) => ({
    ...e,
    path: prefix ? `${prefix}${e.path.startsWith('[') ? '' : '.'}${e.path}` : e.path,
  }));
  const errors = described.slice(0, PROBLEM_LIMITS.errors);
  const more = described.length - errors.length + Math.max(0, all.length - ERRORS_DESCRIBED);
  // The detail names the first few; errors lists up to PROBLEM_LIMITS.errors; moreErrors counts the rest.
  const named = errors.slice(0, 3);
  const unnamed = errors.length - named.length + more;
  const detail = `${joinErrors(
    named.map((e) => ({ path: e.path, message: e.message.slice(0, 120) })),
    lang,
  )}${unnamed > 0 ? andMore(unnamed, lang) : ''}`;
  return { errors, ...(more > 0 ? { moreErrors: more } : {}), detail };
}

/** An error's fields in `lang` (each detail's own wording there, else its English message). */
export const detailsIn = (details: readonly ErrorDetail[], lang: Lang): Problem['errors'] =>
  details.map((d) => ({ path: d.path, message: messageIn(d, lang) }));

/** A field error worded in both languages, as sent in `lang`. */
export const fieldIn = (path: string, text: Bilingual, lang: Lang) => ({ path, message: text[lang] });

/**
 * A problem of one of the documented types (problems/catalog.ts): its `type` is the page that explains it
 * (`/problems/<slug>`), its status and title (in `lang`) come from the table.
 */
export function problemOf(slug: ProblemSlug, lang: Lang, detail: string, errors: Problem['errors'], instance?: string, moreErrors?: number): Problem {
  const t = PROBLEMS[slug];
  return boundedProblem({
    type: `${PROBLEM_BASE}${slug}`,
    title: t.title[lang],
    status: t.status,
    detail,
    ...(instance ? { instance } : {}),
    errors,
    ...(moreErrors ? { moreErrors } : {}),
  });
}

/** Sends a problem document (application/problem+json) in `lang` (Content-Language says which). */
export function sendProblem(reply: FastifyReply, problem: Problem, lang: Lang): FastifyReply {
  return reply
    .code(problem.status)
    .header('content-language', lang === 'zh' ? 'zh-CN' : 'en')
    .type('application/problem+json')
    .send(boundedProblem(problem));
}

/** The problem type of an engine error: an unknown rule set or version is 404, a batch over its limit 413. */
export function engineSlug(code: string): ProblemSlug | 'internal' {
  if (code === 'INVALID_RULES' || code === 'ENGINE_INCONSISTENCY') return 'internal';
  if (code === 'UNKNOWN_RULESET') return 'unknown-ruleset';
  if (code === 'BATCH_TOO_LARGE') return 'batch-too-large';
  return 'invalid-input';
}

/** An engine error (a request it cannot answer) as a problem in `lang`; undefined for a fault of the server's own. */
export function engineProblem(error: CleanprodError, lang: Lang, instance?: string, prefix = ''): Problem | undefined {
  const slug = engineSlug(error.code);
  if (slug === 'internal') return undefined;
  const errors = detailsIn(error.details, lang).map((d) => (prefix ? { ...d, path: `${prefix}${d.path.startsWith('[') ? '' : '.'}${d.path}` } : d));
  return problemOf(slug, lang, messageIn(error, lang), errors, instance);
}
