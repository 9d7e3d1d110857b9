import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { EvaluateRequest } from '../../schemas/index.ts';
import { answer } from '../answer.ts';
import { languageOf } from '../language.ts';
import { normalizeStep } from '../normalize.ts';
import { BODY_PROBLEMS, problems } from '../openapi-responses.ts';
import { COST } from '../pool/index.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';

export interface EvaluateRouteOptions {
  /** Read once per request: a reload between two requests changes the answers, never within one. */
  rules: RuleBaseHolder;
  today: () => string;
}

/** POST /v1/evaluate: one profile, answered on the event loop (about a millisecond). The batch is in batch.ts. */
export const evaluateRoutes: FastifyPluginAsync<EvaluateRouteOptions> = async (app, { rules, today }) => {
  app.post<{ Body: EvaluateRequest }>(
    '/v1/evaluate',
    {
      schema: {
        tags: ['evaluate'],
        summary: 'Evaluate one enterprise profile',
        description:
          'asOf defaults to today. `language` in the body (or Accept-Language: zh, the default, or en) selects the language of every sentence; `view` how much of the answer to return. Place and industry names may be given in Chinese (佛山市, 南海区, 陶瓷): they are read as their keys before validation, and the answer says so in a `normalized` warning. An unknown rule set or version is 404.',
        body: Type.Ref('EvaluateRequest'),
        response: { 200: Type.Ref('Answer'), ...problems(...BODY_PROBLEMS, 404) },
      },
      config: { cost: () => COST.evaluate },
      preValidation: normalizeStep('body'),
    },
    async (request) => {
      const a = answer(rules.current(), request.body, today, languageOf(request), request.normalized ?? undefined);
      app.metrics.evaluations.inc({ route: '/v1/evaluate' });
      return a;
    },
  );
};
