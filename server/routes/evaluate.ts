import type { FastifyPluginAsync } from 'fastify';
import { evaluate, type RuleBase } from '../../engine/index.ts';
import { AnswerSchema, EvaluateRequestSchema, type EvaluateRequest } from '../../schemas/index.ts';

export const evaluateRoutes: FastifyPluginAsync<{ base: RuleBase; today: () => string }> = async (app, { base, today }) => {
  app.post<{ Body: EvaluateRequest }>(
    '/v1/evaluate',
    { schema: { body: EvaluateRequestSchema, response: { 200: AnswerSchema } } },
    async (request) => {
      const body = request.body;
      return evaluate(base, body.profile, {
        asOf: body.asOf ?? today(),
        ...(body.rulesets ? { rulesets: body.rulesets } : {}),
        ...(body.versions ? { versions: body.versions } : {}),
        includeOutOfForce: body.includeOutOfForce ?? false,
      });
    },
  );
};
