import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AnswerView, EvaluateRequest } from '../../schemas/index.ts';
import { languageOf } from '../language.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';
import { answer } from '../answer.ts';

/**
 * Only with BENCH_ROUTES=1 (npm run bench): `POST /bench/constant` validates the body exactly as /v1/evaluate does
 * and answers with a constant: the answer to the first request it received, kept and sent again for every later one.
 * Sent the benchmark's request, it returns byte for byte what /v1/evaluate returns — without evaluating — so it is the
 * server's ceiling for that answer. `POST /bench/bare` validates the same body and answers a tiny constant: the
 * server's ceiling for any answer (what a route costs before it evaluates or serialises anything).
 */
export const benchRoutes: FastifyPluginAsync<{ rules: RuleBaseHolder; today: () => string }> = async (app, { rules, today }) => {
  let constant: AnswerView | undefined;
  app.post<{ Body: EvaluateRequest }>(
    '/bench/constant',
    { schema: { hide: true, body: Type.Ref('EvaluateRequest'), response: { 200: Type.Ref('Answer') } } },
    async (request) => {
      constant ??= answer(rules.current(), request.body, today, languageOf(request));
      return constant;
    },
  );
  app.post<{ Body: EvaluateRequest }>(
    '/bench/bare',
    { schema: { hide: true, body: Type.Ref('EvaluateRequest'), response: { 200: Type.Object({ ok: Type.Boolean() }) } } },
    async () => ({ ok: true }),
  );
};
