import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** An incoming X-Request-Id is kept when it is a plain token of at most 128 characters; anything else is replaced. */
const ACCEPTED = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

/**
 * fastify's genReqId: the caller's X-Request-Id when it is safe to log and echo, else a new UUID. fastify puts it on
 * every log line of the request (reqId); app.ts echoes it in the X-Request-Id response header.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTED.test(given) ? given : randomUUID();
}
