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
}

const TYPE_BASE = 'https://cleanprod.example/problems/';

export function problemFor(status: number, slug: string, title: string, detail: string, errors: Problem['errors'], instance?: string): Problem {
  return { type: `${TYPE_BASE}${slug}`, title, status, detail, ...(instance ? { instance } : {}), errors };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** The one error handler: every failure becomes RFC 9457 problem+json; 5xx never leak internals. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const instance = request.url;
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const errors = describeErrors(error.validation as never, context === 'body' ? '' : context);
    return sendProblem(reply, { type: `${TYPE_BASE}invalid-input`, title: 'Invalid input', status: 400, detail: summarise(errors), instance, errors });
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
  const status = error.statusCode ?? 500;
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
