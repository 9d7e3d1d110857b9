import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { versionOf, versionsOf, type PreparedVersion } from '../../engine/index.ts';
import { RuleSetListSchema, RuleSetSchema, RuleSetVersionSchema } from '../api-schemas.ts';
import { GET_PROBLEMS, problems } from '../openapi-responses.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';

const summary = (v: PreparedVersion) => ({
  version: v.version,
  title: v.file.title,
  validFrom: v.file.validFrom,
  validTo: v.file.validTo,
  rules: v.rules.length,
  sha256: v.sha256,
});

export const rulesetRoutes: FastifyPluginAsync<{ rules: RuleBaseHolder }> = async (app, { rules }) => {
  const Id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'rule-set id, e.g. cppl' });
  const errors = problems(...GET_PROBLEMS, 404);
  app.get(
    '/v1/rulesets',
    { schema: { tags: ['rulesets'], summary: 'All rule sets with their versions', response: { 200: RuleSetListSchema, ...problems(429, 500) } } },
    async () =>
      [...rules.current().rulesets].map(([id, versions]) => {
        const latest = versions[versions.length - 1]!;
        return { id, title: latest.file.title, jurisdiction: latest.file.jurisdiction, source: latest.file.source, versions: versions.map(summary) };
      }),
  );
  app.get<{ Params: { id: string } }>(
    '/v1/rulesets/:id',
    {
      schema: {
        tags: ['rulesets'],
        summary: 'One rule set and its versions',
        description: 'An unknown rule set is 404, naming those that exist.',
        params: Type.Object({ id: Id }),
        response: { 200: RuleSetSchema, ...errors },
      },
    },
    async (request) => {
      const versions = versionsOf(rules.current(), request.params.id, 'id');
      const latest = versions[versions.length - 1]!;
      return { id: request.params.id, title: latest.file.title, jurisdiction: latest.file.jurisdiction, versions: versions.map(summary) };
    },
  );
  app.get<{ Params: { id: string; version: string } }>(
    '/v1/rulesets/:id/versions/:version',
    {
      schema: {
        tags: ['rulesets'],
        summary: 'One version: the rule file with its content hash',
        description: 'The rule file as compiled, with its sha256 (also the ETag). An unknown rule set or version is 404, naming those that exist.',
        params: Type.Object({ id: Id, version: Type.String({ pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' }) }),
        response: { 200: RuleSetVersionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const v = versionOf(rules.current(), request.params.id, request.params.version, 'version', 'id');
      reply.header('etag', `"${v.sha256}"`);
      return { ...v.file, sha256: v.sha256 };
    },
  );
};
