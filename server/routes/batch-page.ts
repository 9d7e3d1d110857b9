import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { CSP } from '../security.ts';
import { PUBLIC_DIR } from './page.ts';

/**
 * The officials' page: GET /batch is batch.html (its modules and style sheet are under /assets/batch/, served with the
 * rest of the page's files by page.ts). It uploads a sheet to POST /v1/evaluate/file, follows the job, shows its
 * summary and offers the result, the templates and the column documentation (GET /v1/templates/…).
 */
export const batchPageRoutes: FastifyPluginAsync = async (app) => {
  // sendFile only: the files themselves are served under /assets/ (page.ts).
  await app.register(fastifyStatic, { root: PUBLIC_DIR, serve: false, index: false });
  app.get('/batch', { schema: { hide: true } }, (_request, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('batch.html');
  });
};
