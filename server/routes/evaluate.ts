import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { answerRequest } from '../../analysis/index.ts';
import { CleanprodError, type Lang, type RuleBase } from '../../engine/index.ts';
import { describeErrors, validatorFor, type AnswerView, type EvaluateRequest } from '../../schemas/index.ts';
import { languageOf } from '../language.ts';
import { problemFor } from '../problem.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';

const ERRORS = { 400: Type.Ref('Problem'), 413: Type.Ref('Problem'), 500: Type.Ref('Problem') };

export interface EvaluateRouteOptions {
  /** Read once per request: a reload between two requests changes the answers, never within one. */
  rules: RuleBaseHolder;
  today: () => string;
  batchLimit: number;
}

// Each whyNot names the single change that would satisfy it (POST /v1/whatif), where one would.
const answer = (base: RuleBase, body: EvaluateRequest, today: () => string, lang: Lang): AnswerView => answerRequest(base, body, { today, lang });

export const evaluateRoutes: FastifyPluginAsync<EvaluateRouteOptions> = async (app, { rules, today, batchLimit }) => {
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
    },
    async (request) => answer(rules.current(), request.body, today, languageOf(request)),
  );

  const validateItem = validatorFor<EvaluateRequest>('EvaluateRequest');
  app.post<{ Body: unknown[] }>(
    '/v1/evaluate/batch',
    {
      schema: {
        tags: ['evaluate'],
        summary: 'Evaluate many profiles: one answer or one error per item',
        description: `A JSON array of evaluate requests (at most ${batchLimit} items, configurable with BATCH_LIMIT). Each item is validated and answered on its own: a bad item gets its problem, the others their answers.`,
        body: Type.Array(Type.Unknown(), { examples: [[{ asOf: '2014-06-01', profile: { location: { city: 'foshan' } } }]] }),
        response: { 200: Type.Array(Type.Ref('BatchItem')), ...ERRORS },
      },
      preValidation: async (request) => {
        const items = request.body;
        if (Array.isArray(items) && items.length > batchLimit) {
          throw new CleanprodError('BATCH_TOO_LARGE', `the batch has ${items.length} items; at most ${batchLimit} are accepted per request`, [
            { path: '(body)', message: `at most ${batchLimit} items` },
          ]);
        }
      },
    },
    async (request) => {
      const lang = languageOf(request);
      const base = rules.current();
      return request.body.map((item, index) => {
        if (!validateItem(item)) {
          const errors = describeErrors(validateItem.errors).map((e) => ({ ...e, path: `[${index}].${e.path}` }));
          return {
            index,
            ok: false as const,
            error: problemFor(400, 'invalid-input', 'Invalid input', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors, request.url),
          };
        }
        try {
          return { index, ok: true as const, answer: answer(base, item, today, lang) };
        } catch (e) {
          if (e instanceof CleanprodError) {
            const errors = e.details.map((d) => ({ ...d, path: `[${index}].${d.path}` }));
            return {
              index,
              ok: false as const,
              error: problemFor(400, e.code.toLowerCase().replaceAll('_', '-'), 'Invalid input', e.message, errors, request.url),
            };
          }
          throw e;
        }
      });
    },
  );
};
