import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { EvaluateRequest } from '../../schemas/index.ts';
import { answer } from '../answer.ts';
import { languageOf } from '../language.ts';
import { COST } from '../pool/index.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';

const ERRORS = { 400: Type.Ref('Problem'), 413: Type.Ref('Problem'), 500: Type.Ref('Problem') };

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
        description: 'asOf defaults to today. Accept-Language: zh (default) or en selects the language of explanations.',
        body: Type.Ref('EvaluateRequest'),
        response: { 200: Type.Ref('Answer'), ...ERRORS },
      },
      config: { cost: () => COST.evaluate },
    },
    async (request) => {
      const a = answer(rules.current(), request.body, today, languageOf(request));
      app.metrics.evaluations.inc({ route: '/v1/evaluate' });
      return a;
    },
  );
};
