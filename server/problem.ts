import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CleanprodError } from '../engine/index.ts';
import { describeErrors } from '../schemas/index.ts';
import { RequestBodyError } from './json-body.ts';

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

/** Ajv's errors as problem errors: the first ones described, the others counted in moreErrors. */
export function validationErrors(
  raw: readonly ErrorObject[] | null | undefined,
  root = '',
  prefix = '',
): { errors: Problem['errors']; moreErrors?: number; detail: string } {
  const all = raw ?? [];
  const described = describeErrors(all.slice(0, ERRORS_DESCRIBED), root).map((e) => ({
    ...e,
    path: prefix ? `${prefix}${e.path.startsWith('[') ? '' : '.'}${e.path}` : e.path,
  }));
  const errors = described.slice(0, PROBLEM_LIMITS.errors);
  const more = described.length - errors.length + Math.max(0, all.length - ERRORS_DESCRIBED);
  // The detail names the first few; errors lists up to PROBLEM_LIMITS.errors; moreErrors counts the rest.
  const named = errors.slice(0, 3);
  const unnamed = errors.length - named.length + more;
  const detail = `${summarise(named.map((e) => ({ path: e.path, message: e.message.slice(0, 120) })))}${unnamed > 0 ? `; and ${unnamed} more` : ''}`;
  return { errors, ...(more > 0 ? { moreErrors: more } : {}), detail };
}

const TYPE_BASE = 'https://cleanprod.example/problems/';

export function problemFor(
  status: number,
  slug: string,
  title: string,
  detail: string,
  errors: Problem['errors'],
  instance?: string,
  moreErrors?: number,
): Problem {
  return boundedProblem({
    type: `${TYPE_BASE}${slug}`,
    title,
    status,
    detail,
    ...(instance ? { instance } : {}),
    errors,
    ...(moreErrors ? { moreErrors } : {}),
  });
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(boundedProblem(problem));
}

/** The one error handler: every failure becomes RFC 9457 problem+json; 5xx never leak internals. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const instance = request.url;
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const v = validationErrors(error.validation as never, context === 'body' ? '' : context);
    return sendProblem(reply, { type: `${TYPE_BASE}invalid-input`, title: 'Invalid input', status: 400, instance, ...v });
  }
  if (error instanceof RequestBodyError) {
    // The JSON body parser (json-body.ts): too deep, too long a string, a forbidden key, or not JSON.
    return sendProblem(reply, {
      type: `${TYPE_BASE}${error.code.toLowerCase().replaceAll('_', '-')}`,
      title: 'Invalid input',
      status: 400,
      detail: error.message,
      instance,
      errors: error.errors,
    });
  }
  if (error instanceof CleanprodError) {
    const status = error.code === 'INVALID_RULES' || error.code === 'ENGINE_INCONSISTENCY' ? 500 : error.code === 'BATCH_TOO_LARGE' ? 413 : 400;
    if (status === 500) return internal(error, request, reply, instance);
    return sendProblem(reply, {
      type: `${TYPE_BASE}${error.code.toLowerCase().replaceAll('_', '-')}`,
      title: error.code === 'UNKNOWN_RULESET' ? 'Unknown rule set or version' : status === 413 ? 'Payload too large' : 'Invalid input',
      status,
      detail: error.message,
      instance,
      errors: error.details,
    });
  }
  const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  const status = error.statusCode ?? 500;
  if (status === 503 && typeof retryAfter === 'number') {
    // The worker pool is full, or a heavy request ran past its time limit (pool/pool.ts): retry later, or ask for less.
    if (error.code === 'WORKER_FAILED') request.log.error({ err: error }, 'worker failed');
    return sendProblem(reply, {
      type: `${TYPE_BASE}${String(error.code).toLowerCase().replaceAll('_', '-')}`,
      title: 'Service unavailable',
      status,
      detail: error.message,
      instance,
      errors: [{ path: '(request)', message: error.message }],
    });
  }
  if (status >= 400 && status < 500) {
    const detail = clientMessage(error);
    const path =
      error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? '(url)'
        : status === 429 || status === 404 || status === 405
          ? '(request)'
          : '(body)';
    return sendProblem(reply, {
      type: `${TYPE_BASE}${(error.code ?? 'bad-request').toLowerCase().replaceAll('_', '-')}`,
      title: httpTitle(status),
      status,
      detail,
      instance,
      errors: [{ path, message: detail }],
    });
  }
  return internal(error, request, reply, instance);
}

function internal(error: Error, request: FastifyRequest, reply: FastifyReply, instance: string): FastifyReply {
  request.log.error({ err: error }, 'internal error');
  return sendProblem(reply, {
    type: `${TYPE_BASE}internal`,
    title: 'Internal error',
    status: 500,
    detail: 'An internal error occurred; it has been logged.',
    instance,
    errors: [],
  });
}

function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return `the body is not valid JSON: ${error.message}`;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `the request body is larger than the server accepts (BODY_LIMIT, default 1 MiB)`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the body as application/json';
    case 'FST_ERR_BAD_URL':
      return 'the URL has an invalid percent-encoded component';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return 'a path segment of the URL is longer than the server accepts';
    default:
      return error.message;
  }
}

function httpTitle(status: number): string {
  return (
    {
      400: 'Bad request',
      404: 'Not found',
      405: 'Method not allowed',
      408: 'Request timeout',
      413: 'Payload too large',
      414: 'URI too long',
      415: 'Unsupported media type',
      429: 'Too many requests',
    }[status] ?? 'Client error'
  );
}

function summarise(errors: { path: string; message: string }[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('; ');
}
