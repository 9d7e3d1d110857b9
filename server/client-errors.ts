import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Bilingual } from '../engine/index.ts';
import { languageOfHeader } from './language.ts';
import { problemOf } from './problem.ts';
import type { ProblemSlug } from './problems/catalog.ts';
import { SERVER_TEXT as T } from './problems/messages.ts';

/** What Node's HTTP parser refused (before any route or hook saw the request), as problem type and sentence. */
function refusal(error: Error & { code?: string; rawPacket?: Buffer }): [ProblemSlug, Bilingual] {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return ['request-timeout', T.requestTimeout];
    case 'HPE_HEADER_OVERFLOW': {
      // Node's limit covers the request line and the headers together: a long first line means a long URL.
      const end = error.rawPacket ? error.rawPacket.indexOf('\r\n') : -1;
      const firstLine = end === -1 ? (error.rawPacket?.length ?? 0) : end;
      return firstLine > 4096 ? ['uri-too-long', T.uriTooLong] : ['headers-too-large', T.headersTooLarge];
    }
    case 'HPE_INVALID_METHOD':
      return ['unknown-method', T.unknownMethod];
    default:
      return ['bad-request', T.badHttp];
  }
}

/** The Accept-Language of what Node did read of the request (it may have been cut short), else none. */
function acceptLanguageIn(raw: Buffer | undefined): string | undefined {
  if (!raw) return undefined;
  return /\r\naccept-language:[ \t]*([^\r\n]{0,200})/i.exec(raw.subarray(0, 16384).toString('latin1'))?.[1];
}

/**
 * fastify's clientErrorHandler: a request Node's parser refuses (an over-long URL or header block, an unknown method,
 * malformed HTTP, a request not received in time) is answered with problem+json too, then the connection closed.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [slug, text] = refusal(error);
  const lang = languageOfHeader(acceptLanguageIn((error as { rawPacket?: Buffer }).rawPacket));
  this.log.debug({ err: error }, 'client error');
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const problem = problemOf(slug, lang, text[lang], [{ path: slug === 'uri-too-long' ? '(url)' : '(request)', message: text[lang] }]);
  const body = JSON.stringify(problem);
  const status = problem.status;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Language: ${lang === 'zh' ? 'zh-CN' : 'en'}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The methods each route path answers (collected as routes are added), so a request with another method on a known
 * path gets 405 with Allow instead of 404.
 */
export class AllowedMethods {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];

  add(url: string, methods: string | string[]): void {
    if (url.includes('*')) return;
    const source = `^${url
      .split('/')
      .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}/?$`;
    let entry = this.routes.find((r) => r.pattern.source === source);
    if (!entry) {
      entry = { pattern: new RegExp(source), methods: new Set() };
      this.routes.push(entry);
    }
    for (const m of Array.isArray(methods) ? methods : [methods]) entry.methods.add(m.toUpperCase());
  }

  /** The methods allowed on this path (sorted), or [] when no route has it. */
  of(path: string): string[] {
    const methods = new Set<string>();
    for (const r of this.routes) if (r.pattern.test(path)) for (const m of r.methods) methods.add(m);
    return [...methods].sort();
  }
}
