import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { problems } from '../openapi-responses.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';

const Ready = Type.Object(
  {
    ready: Type.Boolean(),
    reason: Type.String({ description: 'why not ready (rules missing, or the server is draining), or "ok"' }),
    rulesets: Type.Integer({ description: 'rule sets in service' }),
    versions: Type.Integer({ description: 'rule-set versions in service' }),
  },
  { additionalProperties: false },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** Set when the server is draining (SIGTERM): /readyz answers 503 and new requests are told to close. */
    lifecycle: { draining: boolean };
  }
}

/**
 * The operator's routes, never rate limited: GET /readyz (ready while valid rule sets are in service and the server is
 * not draining: 200, else 503) and GET /metrics (Prometheus text format). /healthz (liveness) is in meta.ts.
 */
export const opsRoutes: FastifyPluginAsync<{ rules: RuleBaseHolder }> = async (app, { rules }) => {
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['meta'],
        summary: 'Readiness: rule sets loaded and valid, not draining',
        response: { 200: Ready, 503: { ...Ready, description: 'not ready: the reason says why' }, ...problems(500) },
      },
      config: { rateLimit: false },
    },
    async (_request, reply) => {
      const base = rules.current();
      const versions = [...base.rulesets.values()].reduce((n, v) => n + v.length, 0);
      const reason = app.lifecycle.draining ? 'draining: the server is shutting down' : base.rulesets.size === 0 ? 'no rule set in service' : 'ok';
      const ready = reason === 'ok';
      return reply.code(ready ? 200 : 503).send({ ready, reason, rulesets: base.rulesets.size, versions });
    },
  );
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['meta'],
        summary: 'Metrics in the Prometheus text format',
        response: {
          200: { description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: Type.String({ maxLength: 10_000_000 }) } } },
          ...problems(500),
        },
      },
      config: { rateLimit: false },
    },
    async (_request, reply) => {
      const text = await app.metrics.registry.metrics();
      return reply.type(app.metrics.registry.contentType).send(text);
    },
  );
};
