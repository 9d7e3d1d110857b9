import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { RuleBase } from '../../engine/index.ts';
import { ProfileSchema } from '../../schemas/index.ts';

export const metaRoutes: FastifyPluginAsync<{ base: RuleBase }> = async (app, { base }) => {
  app.get(
    '/healthz',
    { schema: { tags: ['meta'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok'), rulesets: Type.Integer() }) } } },
    async () => ({ status: 'ok' as const, rulesets: base.rulesets.size }),
  );
  app.get('/v1/schemas/profile', { schema: { tags: ['meta'], summary: 'The enterprise profile JSON Schema' } }, async () => ProfileSchema);
};
