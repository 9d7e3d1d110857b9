import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { CSP } from '../security.ts';
import { PUBLIC_DIR } from './page.ts';

/**
 * The policy staff's page, `GET /rulesets` (rulesets.html; its modules are under /assets/rulesets/, served with the
 * self-assessment page's assets): the rule sets and versions, a version's source text with its rules, diffs and
 * impact. The same Content-Security-Policy as `/`: no inline script or style, nothing loaded from elsewhere.
 */
export const rulesetsPageRoutes: FastifyPluginAsync = async (app) => {
  // Only reply.sendFile (the assets are served by page.ts under /assets/).
  await app.register(fastifyStatic, { root: PUBLIC_DIR, serve: false, cacheControl: true, maxAge: 0 });
  app.get('/rulesets', { schema: { hide: true } }, (_request, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    return reply.sendFile('rulesets.html');
  });
};
