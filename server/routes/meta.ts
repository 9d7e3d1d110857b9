import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ProfileSchema, Strict } from '../../schemas/index.ts';
import { JsonSchemaDocument } from '../api-schemas.ts';
import { problems } from '../openapi-responses.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';

const Health = Type.Object(
  {
    status: Type.Literal('ok'),
    rulesets: Type.Integer({ description: 'how many rule sets are loaded' }),
    loadedAt: Type.String({ format: 'date-time', description: 'when the rules in service were loaded' }),
    versions: Type.Array(
      Type.Object({ id: Type.String(), versions: Type.Array(Type.Object({ version: Type.String(), sha256: Type.String() }, Strict)) }, Strict),
      {
        description: 'the loaded rule sets and versions with their content hashes',
      },
    ),
    lastReload: Type.Optional(
      Type.Object(
        { at: Type.String({ format: 'date-time' }), ok: Type.Boolean(), problems: Type.Integer() },
        { ...Strict, description: 'the last reload (SIGHUP); when not ok the previous rules stayed in service' },
      ),
    ),
  },
  Strict,
);

export const metaRoutes: FastifyPluginAsync<{ rules: RuleBaseHolder }> = async (app, { rules }) => {
  app.get(
    '/healthz',
    {
      schema: { tags: ['meta'], summary: 'Liveness, and the rule-set versions in service', response: { 200: Health, ...problems(500) } },
      config: { rateLimit: false },
    },
    async () => {
      const { loadedAt, rulesets, lastReload } = rules.describe();
      return { status: 'ok' as const, rulesets: rulesets.length, loadedAt, versions: rulesets, ...(lastReload ? { lastReload } : {}) };
    },
  );
  app.get(
    '/v1/schemas/profile',
    {
      schema: {
        tags: ['meta'],
        summary: 'The enterprise profile JSON Schema',
        description: 'The schema POST /v1/evaluate validates `profile` with (descriptions in English; GET /v1/labels names the fields in Chinese or English).',
        response: { 200: JsonSchemaDocument, ...problems(429, 500) },
      },
    },
    async () => ProfileSchema,
  );
};
