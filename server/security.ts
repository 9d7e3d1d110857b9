import cors from '@fastify/cors';
import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The one Content-Security-Policy: everything the page at / loads comes from this server and it sends no data anywhere
 * else. Helmet sends it on every response; the page route sends the same string (page.ts), so the two never differ.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export const cspString = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join(';'); // helmet's own format, so the page's header and helmet's are byte-identical

export const CSP = cspString(CSP_DIRECTIVES);

/**
 * The Swagger UI at /docs: its bundle sets inline styles and loads fonts/images as data: URLs, so its pages (only
 * those, see openapi.ts) get this relaxed policy; scripts stay 'self' only.
 */
export const DOCS_CSP = cspString({ ...CSP_DIRECTIVES, 'style-src': ["'self'", "'unsafe-inline'"], 'font-src': ["'self'", 'data:'] });

export interface SecurityOptions {
  /** Browser origins allowed to call the API; empty = same-origin only (no CORS headers at all). */
  corsOrigins: string[];
}

/** Security headers and CORS (the rate limit is rate-limit.ts); registered at the root before any route so every route gets them. */
async function security(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  // Helmet's middleware, built once. (@fastify/helmet built it anew for every request, parsing the CSP each time:
  // about 20 µs of every request here.) Its headers are set on the raw response, as that plugin did, so a route's own
  // header (the pages' CSP, /docs' relaxed one) still replaces helmet's.
  const applyHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // HSTS belongs to the TLS terminator in front of this plain-HTTP server: sent over HTTP it is ignored anyway,
    // and includeSubDomains from an internal service could break unrelated hosts.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', (request, reply, done) => applyHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)));
  const origins = options.corsOrigins;
  await app.register(cors, {
    origin: origins.length === 0 ? false : origins.includes('*') ? '*' : origins,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['content-type', 'accept', 'accept-language', 'x-request-id'],
    exposedHeaders: ['etag', 'retry-after', 'content-language', 'x-request-id', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    credentials: false,
    maxAge: 600,
  });
}

export const registerSecurity = fp(security, { name: 'cleanprod-security' });
