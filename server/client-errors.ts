import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { boundedProblem, type Problem } from './problem.ts';

const TYPE_BASE = 'https://cleanprod.example/problems/';

/** What Node's HTTP parser refused (before any route or hook saw the request), as status, slug and sentence. */
function refusal(error: Error & { code?: string; rawPacket?: Buffer }): [number, string, string] {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request-timeout', 'the request was not received completely within the time the server allows (REQUEST_TIMEOUT_MS)'];
    case 'HPE_HEADER_OVERFLOW': {
      // Node's limit covers the request line and the headers together: a long first line means a long URL.
      const end = error.rawPacket ? error.rawPacket.indexOf('\r\n') : -1;
      const firstLine = end === -1 ? (error.rawPacket?.length ?? 0) : end;
      return firstLine > 4096
        ? [414, 'uri-too-long', 'the request line (method and URL) is longer than the server accepts']
        : [431, 'headers-too-large', 'the request headers are larger than the server accepts'];
    }
    case 'HPE_INVALID_METHOD':
      return [400, 'unknown-method', 'the request method is not one this server knows: it answers GET, HEAD, POST and OPTIONS'];
    default:
      return [400, 'bad-request', 'the request is not valid HTTP/1.1'];
  }
}

/**
 * fastify's clientErrorHandler: a request Node's parser refuses (an over-long URL or header block, an unknown method,
 * malformed HTTP, a request not received in time) is answered with problem+json too, then the connection closed.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, slug, detail] = refusal(error);
  this.log.debug({ err: error }, 'client error');
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const problem: Problem = boundedProblem({
    type: `${TYPE_BASE}${slug}`,
    title: STATUS_CODES[status] ?? 'Client error',
    status,
    detail,
    errors: [{ path: status === 414 ? '(url)' : '(request)', message: detail }],
  });
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
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
