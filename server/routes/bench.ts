import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { evaluate } from '../../engine/index.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';
import { EXAMPLE_REQUEST, type EvaluateRequest } from '../../schemas/index.ts';

/**
 * Only with BENCH_ROUTES=1 (npm run bench): `POST /bench/constant` validates the body exactly as /v1/evaluate does and
 * answers with one precomputed answer through the same response schema — the server's ceiling for the benchmark.
 */
export const benchRoutes: FastifyPluginAsync<{ rules: RuleBaseHolder }> = async (app, { rules }) => {
  const constant = evaluate(rules.current(), EXAMPLE_REQUEST.profile as EvaluateRequest['profile'], { asOf: EXAMPLE_REQUEST.asOf });
  app.post<{ Body: EvaluateRequest }>(
    '/bench/constant',
    { schema: { hide: true, body: Type.Ref('EvaluateRequest'), response: { 200: Type.Ref('Answer') } } },
    async () => constant,
  );
};
