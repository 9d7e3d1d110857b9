import { Type } from '@sinclair/typebox';
import { problems } from '../openapi-responses.ts';
import { impactBody } from '../api-schemas.ts';
import type { FastifyPluginAsync } from 'fastify';
import { diffInWords, type RuleSetDiff } from '../../analysis/index.ts';
import { versionOf } from '../../engine/index.ts';
import { IsoDate, type Profile, RuleSetIdSchema, VersionSchema } from '../../schemas/index.ts';
import { languageOf } from '../language.ts';
import { COST, type HeavyPool, rulesRef, type Task } from '../pool/index.ts';
import { type PopulationFile, PopulationTooLargeError } from '../pool/impact-task.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';
import { languageHeaders } from './ruleset-docs.ts';
import { DiffWordsSchema, ImpactDetailSchema } from './ruleset-schemas.ts';

const PROBLEMS = problems(400, 404, 413, 414, 415, 429, 500, 503);

/** The media types an uploaded population may come as, and the reader each takes. */
const FILE_TYPES: Record<string, PopulationFile['format']> = { 'text/csv': 'csv', 'application/x-ndjson': 'jsonl', 'application/jsonl': 'jsonl' };

export interface RulesetCompareOptions {
  rules: RuleBaseHolder;
  /** Most profiles one impact request may carry, synthesise or upload. */
  populationLimit: number;
  pool: HeavyPool;
}

/** Lines of a text (a CSV's rows with its header, or a JSONL file's), counted without splitting it. */
function lineCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

class UnsupportedMediaType extends Error {
  readonly statusCode = 415;
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  readonly text: { zh: string; en: string };
  constructor(given: string) {
    const text = {
      zh: `请以 text/csv 或 application/x-ndjson（JSONL）发送文件，而不是 ${given}`,
      en: `send the file as text/csv or application/x-ndjson (JSONL), not ${given}`,
    };
    super(text.en);
    this.text = text;
  }
}

/**
 * The policy staff's comparisons, for pages: a diff of two versions in words (the structural and semantic diff of
 * GET /v1/rulesets/{id}/diff, run on the worker pool, then put in words), and impact with its breakdown — audit-status
 * transitions overall, by city and by industry, with example profiles — over a synthetic population, given profiles,
 * or an uploaded CSV / JSONL file, all on the worker pool under the same limits as POST /v1/rulesets/{id}/impact.
 */
export const rulesetCompareRoutes: FastifyPluginAsync<RulesetCompareOptions> = async (app, { rules, populationLimit, pool }) => {
  const run = async (route: string, task: Task) => {
    const admission = pool.admit();
    try {
      const r = await admission.run(task);
      if (r.evaluations > 0) app.metrics.evaluations.inc({ route }, r.evaluations);
      return r.json;
    } finally {
      admission.release();
    }
  };

  app.get<{ Params: { id: string }; Querystring: { from: string; to: string } }>(
    '/v1/rulesets/:id/diff/words',
    {
      schema: {
        tags: ['rulesets'],
        summary: 'The diff of two versions, in words',
        description:
          'GET /v1/rulesets/{id}/diff put in words, in the language of Accept-Language: the rules added and removed with their conditions (a tree and a sentence), outcome and quote; for each changed rule what changed, its conditions before and after, the tests added and removed, and the semantic check with its counterexample (each fact named, each value in words, what each version decides).',
        params: Type.Object({ id: RuleSetIdSchema }),
        querystring: Type.Object({ from: VersionSchema, to: VersionSchema }, { additionalProperties: false }),
        response: { 200: DiffWordsSchema, ...PROBLEMS },
      },
      config: { cost: () => COST.diff },
    },
    async (request, reply) => {
      const base = rules.current();
      const { id } = request.params;
      const { from, to } = request.query;
      const a = versionOf(base, id, from, 'from', 'id');
      const b = versionOf(base, id, to, 'to', 'id');
      const diff = JSON.parse(await run('/v1/rulesets/:id/diff/words', { kind: 'diff', id, from, to, rules: rulesRef(base) })) as RuleSetDiff;
      const lang = languageOf(request);
      languageHeaders(reply, lang);
      return diffInWords(diff, a, b, lang);
    },
  );

  const detail = (
    id: string,
    from: string,
    to: string,
    asOf: string | undefined,
    population: Pick<Extract<Task, { kind: 'impact-detail' }>, 'profiles' | 'synthetic' | 'file'>,
  ) => {
    const base = rules.current();
    versionOf(base, id, from, 'from', 'id');
    versionOf(base, id, to, 'to', 'id');
    const task: Task = { kind: 'impact-detail', id, from, to, ...(asOf ? { asOf } : {}), ...population, limit: populationLimit, rules: rulesRef(base) };
    return run('/v1/rulesets/:id/impact/detail', task);
  };

  app.post<{ Params: { id: string }; Body: { from: string; to: string; asOf?: string; profiles?: Profile[]; synthetic?: { n: number; seed: number } } }>(
    '/v1/rulesets/:id/impact/detail',
    {
      schema: {
        tags: ['rulesets'],
        summary: 'Impact of a new version, with its audit-status transitions by city and industry',
        description: `As POST /v1/rulesets/{id}/impact (\`profiles\`, at most ${populationLimit}, or \`synthetic: {n, seed}\`; the same \`groups\`), with \`transitions\` (each change of audit status, its count and up to 3 whole example profiles) and \`byCity\` / \`byIndustry\` (each group's size, how many changed, its transitions).`,
        params: Type.Object({ id: RuleSetIdSchema }),
        body: impactBody(populationLimit),
        response: { 200: ImpactDetailSchema, ...PROBLEMS },
      },
      config: {
        cost: (request) => {
          const b = request.body as { profiles?: unknown[]; synthetic?: { n: number } } | undefined;
          return COST.impactPerProfile * (b?.profiles?.length ?? b?.synthetic?.n ?? 1000);
        },
      },
    },
    async (request, reply) => {
      const { from, to, asOf, profiles, synthetic } = request.body;
      const json = await detail(request.params.id, from, to, asOf, profiles ? { profiles } : { synthetic: synthetic ?? { n: 1000, seed: 42 } });
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  // An uploaded population arrives as the file's own text; any other media type is refused on this route (415).
  app.addContentTypeParser(Object.keys(FILE_TYPES), { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, _body, done) =>
    done(new UnsupportedMediaType((request.headers['content-type'] ?? 'no content type').slice(0, 100))),
  );

  app.post<{ Params: { id: string }; Querystring: { from: string; to: string; asOf?: string; name?: string }; Body: string }>(
    '/v1/rulesets/:id/impact/file',
    {
      schema: {
        tags: ['rulesets'],
        summary: 'Impact of a new version on an uploaded population (CSV or JSONL)',
        description: `The body is the file itself: \`text/csv\` with the batch columns (examples/README.md; Chinese or key headers), or \`application/x-ndjson\` with a profile (or \`{profile}\`) per line; at most ${populationLimit} rows and the server's body limit. Each row is read and checked on its own: a bad row is left out and listed in \`skipped\` with its reason (\`skippedRows\` counts them), the others are evaluated; an unknown column, broken CSV or no valid row at all is a 400, too many rows a 413. A row's own asOf is not used: the impact is judged on one date (\`asOf\`, by default the day the newer version takes effect). The answer is that of POST /v1/rulesets/{id}/impact/detail.`,
        params: Type.Object({ id: RuleSetIdSchema }),
        querystring: Type.Object(
          {
            from: VersionSchema,
            to: VersionSchema,
            asOf: Type.Optional(IsoDate),
            name: Type.Optional(Type.String({ maxLength: 200, description: "the file's name, for messages" })),
          },
          { additionalProperties: false },
        ),
        body: Type.String({ maxLength: 64 * 1024 * 1024, description: 'the CSV or JSONL text' }),
        response: { 200: ImpactDetailSchema, ...PROBLEMS },
      },
      config: { cost: (request) => COST.impactPerProfile * Math.max(1, lineCount(String(request.body ?? ''))) },
    },
    async (request, reply) => {
      const { from, to, asOf, name } = request.query;
      const type = String(request.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      const format = FILE_TYPES[type]!;
      const file = { format, text: request.body, name: name ?? `upload.${format}` };
      // Rows beyond the limit are refused before any work: a CSV's header is not a row.
      if (lineCount(file.text) - (format === 'csv' ? 1 : 0) > populationLimit) throw new PopulationTooLargeError(file.name, populationLimit);
      const json = await detail(request.params.id, from, to, asOf, { file });
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );
};
