import { inProject } from '../../loader/root.ts';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
// Everything the page loads comes from this server; the page sends no data anywhere else (the policy helmet sends too).
import { CSP } from '../security.ts';

/**
 * The self-assessment page's files: index.html, style.css and its ES modules (app.js and what it imports; plain
 * JavaScript type-checked by tsc through JSDoc, no build step).
 */
export const PUBLIC_DIR = `${inProject('server', 'public')}/`;

/**
 * Serves the bilingual self-assessment page: `GET /` is index.html, the assets are under `/assets/` (modules as
 * JavaScript, revalidated by ETag). Register with `app.register(pageRoutes)`; the page talks to
 * `GET /v1/schemas/profile`, `GET /v1/labels` and `POST /v1/evaluate`.
 */
export const pageRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    index: false,
    // The page is small and changes with the project: always revalidate (ETag / Last-Modified still apply).
    cacheControl: true,
    maxAge: 0,
    setHeaders: (reply) => {
      reply.header('x-content-type-options', 'nosniff');
    },
  });
  // The page, not an API operation: hidden from /openapi.json.
  app.get('/', { schema: { hide: true } }, (_request, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    return reply.sendFile('index.html');
  });
};
