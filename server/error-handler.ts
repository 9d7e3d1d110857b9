import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type Bilingual, CleanprodError, type Lang } from '../engine/index.ts';
import { CharsetError, RequestBodyError } from './json-body.ts';
import { requestLanguage } from './language.ts';
import { PoolUnavailableError } from './pool/index.ts';
import { detailsIn, engineProblem, fieldIn, type Problem, problemOf, sendProblem, validationErrors } from './problem.ts';
import type { ProblemSlug } from './problems/catalog.ts';
import { SERVER_TEXT as T } from './problems/messages.ts';
import { RateLimitedError } from './rate-limit.ts';

/** A compressed request body (Content-Encoding): refused with 415 (answers are compressed; bodies are not accepted so). */
export class ContentEncodingError extends Error {
  readonly statusCode = 415;
  readonly code = 'UNSUPPORTED_CONTENT_ENCODING';
  readonly text: Bilingual;
  constructor(encoding: string) {
    const text = T.contentEncoding(encoding.slice(0, 40));
    super(text.en);
    this.text = text;
  }
}

/** fastify's own client errors: the problem type and sentence for each code we know, else by status. */
const FASTIFY: Record<string, [ProblemSlug, Bilingual]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['body-too-large', T.bodyTooLarge],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported-media-type', T.mediaType],
  FST_ERR_CTP_INVALID_TYPE: ['unsupported-media-type', T.mediaType],
  FST_ERR_BAD_URL: ['bad-url', T.badUrl],
  FST_ERR_MAX_PARAM_LENGTH: ['uri-too-long', T.paramTooLong],
  FST_CP_ERR_INVALID_CONTENT_ENCODING: ['unsupported-content-encoding', T.contentEncoding('?')],
};
const BY_STATUS: Record<number, ProblemSlug> = {
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  413: 'body-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  431: 'headers-too-large',
};

/** Where a request-level error points: the URL, the request as a whole, or its body. */
const placeOf = (slug: ProblemSlug) =>
  slug === 'bad-url' || slug === 'uri-too-long'
    ? '(url)'
    : slug === 'rate-limited' || slug === 'not-found' || slug === 'method-not-allowed'
      ? '(request)'
      : '(body)';

/** The one error handler: every failure becomes RFC 9457 problem+json in the request's language; 5xx never leak internals. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = requestLanguage(request);
  const instance = request.url;
  const send = (p: Problem) => sendProblem(reply, p, lang);
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const v = validationErrors(error.validation as never, context === 'body' ? '' : context, '', lang);
    return send(problemOf('invalid-input', lang, v.detail, v.errors, instance, v.moreErrors));
  }
  if (error instanceof RequestBodyError) {
    // The JSON body parser (json-body.ts): too deep, too long a string, a forbidden key, or not JSON.
    const slug = error.code.toLowerCase().replaceAll('_', '-') as ProblemSlug;
    return send(problemOf(slug, lang, error.text[lang], detailsIn(error.errors, lang), instance));
  }
  if (error instanceof CleanprodError) {
    const p = engineProblem(error, lang, instance);
    return p ? send(p) : internal(error, request, reply, lang);
  }
  const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  if (error instanceof PoolUnavailableError) {
    // The worker pool is full, or a heavy request ran past its time limit (pool/pool.ts): retry later, or ask for less.
    if (error.code === 'WORKER_FAILED') request.log.error({ err: error }, 'worker failed');
    const slug = error.code.toLowerCase().replaceAll('_', '-') as ProblemSlug;
    return send(problemOf(slug, lang, error.text[lang], [fieldIn('(request)', error.text, lang)], instance));
  }
  const own = error instanceof RateLimitedError || error instanceof CharsetError || error instanceof ContentEncodingError;
  if (own) {
    const slug: ProblemSlug =
      error instanceof RateLimitedError ? 'rate-limited' : error instanceof CharsetError ? 'unsupported-charset' : 'unsupported-content-encoding';
    return send(problemOf(slug, lang, error.text[lang], [fieldIn(placeOf(slug), error.text, lang)], instance));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = FASTIFY[error.code ?? ''];
    const slug = known?.[0] ?? BY_STATUS[status] ?? 'bad-request';
    // A route's own client error may carry its sentence in both languages (`text`).
    const text = known?.[1] ?? (error as { text?: Bilingual }).text ?? { en: error.message, zh: T.clientError.zh };
    return send(problemOf(slug, lang, text[lang], [fieldIn(placeOf(slug), text, lang)], instance));
  }
  return internal(error, request, reply, lang);
}

function internal(error: Error, request: FastifyRequest, reply: FastifyReply, lang: Lang): FastifyReply {
  request.log.error({ err: error }, 'internal error');
  return sendProblem(reply, problemOf('internal', lang, T.internal[lang], [], request.url), lang);
}
