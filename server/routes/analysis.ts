import { Type } from '@sinclair/typebox';
import { impactBody } from '../api-schemas.ts';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { optionsFor, whatIf, type ProfileChange } from '../../analysis/index.ts';
import { bilingualDetail, UnknownRuleSetError, ValidationError, versionOf, type RuleBase } from '../../engine/index.ts';
import { IsoDate, type Answer, type EvaluateRequest, type Profile, RuleSetIdSchema, VersionSchema } from '../../schemas/index.ts';
import { DiffSchema, ImpactSchema, TimelineSchema, VerifySchema, WhatIfSchema } from '../api-schemas.ts';
import { languageOf, requestLanguage } from '../language.ts';
import { normalizedWarnings, normalizeStep } from '../normalize.ts';
import { BODY_PROBLEMS, GET_PROBLEMS, problems } from '../openapi-responses.ts';
import { COST, rulesRef, type HeavyPool, type Task } from '../pool/index.ts';
import { SERVER_TEXT as T } from '../problems/messages.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';

const ProfileRef = Type.Unsafe<Profile>(Type.Ref('Profile'));
const Change = Type.Object(
  {
    path: Type.String({ pattern: '^[a-zA-Z]+(\\.[a-zA-Z]+)*$', description: 'dotted profile path' }),
    value: Type.Optional(Type.Unknown()),
    remove: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export interface AnalysisRouteOptions {
  /** Read once per request. */
  rules: RuleBaseHolder;
  today: () => string;
  /** Most profiles one impact request may carry or ask to synthesise. */
  populationLimit: number;
  /** Diff, impact, timeline and verify run here, off the event loop. */
  pool: HeavyPool;
}

type TaskBody = Task extends infer T ? (T extends Task ? Omit<T, 'rules'> : never) : never;

const version = (base: RuleBase, id: string, v: string, path: string) => versionOf(base, id, v, path, 'id');

interface ImpactBody {
  profiles?: unknown[];
  synthetic?: { n: number };
}
/** How many profiles an impact request evaluates (each with both versions: about a millisecond per profile). */
const impactSize = (body: ImpactBody | undefined) => body?.profiles?.length ?? body?.synthetic?.n ?? 1000;

/** Diff, impact, what-if and timeline: the versions issue's routes, thin over analysis/. */
export const analysisRoutes: FastifyPluginAsync<AnalysisRouteOptions> = async (app, { rules, today, populationLimit, pool }) => {
  /** Runs a heavy task on the pool (503 when it is full or the time limit passes) and sends its JSON as the answer. */
  const heavy = async (reply: FastifyReply, route: string, task: TaskBody, base: RuleBase = rules.current()) => {
    const admission = pool.admit();
    try {
      const r = await admission.run({ ...task, rules: rulesRef(base) } as Task);
      if (r.evaluations > 0) app.metrics.evaluations.inc({ route }, r.evaluations);
      return reply.type('application/json; charset=utf-8').send(r.json);
    } finally {
      admission.release();
    }
  };

  app.get<{ Params: { id: string }; Querystring: { from: string; to: string } }>(
    '/v1/rulesets/:id/diff',
    {
      schema: {
        tags: ['rulesets'],
        summary: 'Structural and semantic diff of two versions',
        description:
          'Rules matched by id (or by `replaces`); for a changed rule the conditions leaf by leaf, outcome, kind, validity and citation, and a counterexample profile where the versions decide differently.',
        params: Type.Object({ id: RuleSetIdSchema }),
        querystring: Type.Object({ from: VersionSchema, to: VersionSchema }, { additionalProperties: false }),
        response: { 200: DiffSchema, ...problems(...GET_PROBLEMS, 404, 503) },
      },
      config: { cost: () => COST.diff },
    },
    async (request, reply) => {
      const base = rules.current();
      const { id } = request.params;
      const { from, to } = request.query;
      version(base, id, from, 'from');
      version(base, id, to, 'to');
      return heavy(reply, '/v1/rulesets/:id/diff', { kind: 'diff', id, from, to }, base);
    },
  );

  app.post<{ Params: { id: string }; Body: { from: string; to: string; asOf?: string; profiles?: Profile[]; synthetic?: { n: number; seed: number } } }>(
    '/v1/rulesets/:id/impact',
    {
      schema: {
        tags: ['rulesets'],
        summary: 'Which profiles change between two versions',
        description: `Give \`profiles\` (at most ${populationLimit}; Chinese place and industry names are read as keys, listed in \`warnings\`) or \`synthetic: {n, seed}\` for the reproducible synthetic population. Runs on the worker pool, whatever its size. An unknown rule set or version is 404.`,
        params: Type.Object({ id: RuleSetIdSchema }),
        body: impactBody(populationLimit),
        response: { 200: ImpactSchema, ...problems(...BODY_PROBLEMS, 404, 503) },
      },
      config: { cost: (request) => COST.impactPerProfile * impactSize(request.body as ImpactBody) },
      preValidation: normalizeStep('profiles'),
    },
    async (request, reply) => {
      const { from, to, asOf, profiles, synthetic } = request.body;
      const base = rules.current();
      const { id } = request.params;
      version(base, id, from, 'from');
      version(base, id, to, 'to');
      return heavy(
        reply,
        '/v1/rulesets/:id/impact',
        {
          kind: 'impact',
          id,
          from,
          to,
          ...(asOf ? { asOf } : {}),
          ...(profiles ? { profiles } : { synthetic: synthetic ?? { n: 1000, seed: 42 } }),
          warnings: normalizedWarnings(request, languageOf(request)),
        },
        base,
      );
    },
  );

  app.post<{ Body: { request: EvaluateRequest; changes: ProfileChange[] } }>(
    '/v1/whatif',
    {
      schema: {
        tags: ['evaluate'],
        summary: 'What if: both answers and their difference',
        description:
          'The evaluate request as given and with `changes` applied ({path, value} or {path, remove: true}), both answers in the request’s `language` (else Accept-Language). Chinese place and industry names in the request’s profile are read as keys, as in POST /v1/evaluate.',
        body: Type.Object(
          { request: Type.Ref('EvaluateRequest'), changes: Type.Array(Change, { minItems: 1, maxItems: 50 }) },
          {
            additionalProperties: false,
            examples: [
              {
                request: { asOf: '2014-06-01', profile: { environment: { exceedsDischargeStandard: true } } },
                changes: [{ path: 'environment.exceedsDischargeStandard', value: false }],
              },
            ],
          },
        ),
        response: { 200: WhatIfSchema, ...problems(...BODY_PROBLEMS, 404) },
      },
      config: { cost: () => COST.whatif },
      preValidation: normalizeStep('request'),
    },
    async (request) => {
      const { request: req, changes } = request.body;
      const base = rules.current();
      const normalized = request.normalized ?? [];
      return whatIf(base, req.profile, optionsFor(req, { today, lang: languageOf(request), ...(normalized.length > 0 ? { normalized } : {}) }), changes);
    },
  );

  app.post<{ Body: { request: EvaluateRequest; answer: Answer } }>(
    '/v1/verify',
    {
      schema: {
        tags: ['evaluate'],
        summary: "Re-check a stored answer's receipt",
        description:
          "Does a stored answer still hold? The profile must hash to the receipt's profileSha256, every rule-set version it names must be served here with the same content hash, and json-rules-engine (the reference engine), deciding again with those versions pinned on the receipt's date, must reach the same decisions and verdict.",
        body: Type.Object({ request: Type.Ref('EvaluateRequest'), answer: Type.Ref('Answer') }, { additionalProperties: false }),
        response: { 200: VerifySchema, ...problems(...BODY_PROBLEMS, 503) },
      },
      config: { cost: () => COST.verify },
      preValidation: normalizeStep('request'),
    },
    async (request, reply) =>
      heavy(reply, '/v1/verify', {
        kind: 'verify',
        profile: request.body.request.profile,
        answer: request.body.answer,
        warnings: normalizedWarnings(request, requestLanguage(request)),
      }),
  );

  app.post<{ Body: { profile: Profile; from?: string; to?: string; rulesets?: string[] } }>(
    '/v1/timeline',
    {
      schema: {
        tags: ['evaluate'],
        summary: "An enterprise's obligation timeline",
        description:
          "The profile evaluated at every date where a rule set or rule validity begins or ends, an audit was completed or a due date passed, merged into periods with the same audit status, due date, overdue, route, incentives, sanctions and obligations; `points` lists each audit duty's due, met, missed and made-up dates.",
        body: Type.Object(
          {
            profile: ProfileRef,
            from: Type.Optional(IsoDate),
            to: Type.Optional(IsoDate),
            rulesets: Type.Optional(Type.Array(RuleSetIdSchema, { maxItems: 50 })),
          },
          {
            additionalProperties: false,
            examples: [
              {
                profile: { location: { city: 'foshan' }, industry: { keys: ['ceramics'] }, energy: { exceedsConsumptionQuota: true } },
                from: '2003-01-01',
                to: '2022-12-31',
              },
            ],
          },
        ),
        response: { 200: TimelineSchema, ...problems(...BODY_PROBLEMS, 404, 503) },
      },
      config: { cost: () => COST.timeline },
      preValidation: normalizeStep('body'),
    },
    async (request, reply) => {
      const { profile, from, to, rulesets } = request.body;
      const base = rules.current();
      for (const [i, id] of (rulesets ?? []).entries())
        if (!base.rulesets.has(id)) throw UnknownRuleSetError.ruleSet(id, [...base.rulesets.keys()], `rulesets[${i}]`);
      const end = to ?? today();
      if (from && from > end) throw new ValidationError(T.fromAfterTo, [bilingualDetail('from', T.notAfter(end))]);
      const warnings = normalizedWarnings(request, languageOf(request));
      return heavy(reply, '/v1/timeline', { kind: 'timeline', profile, ...(from ? { from } : {}), to: end, ...(rulesets ? { rulesets } : {}), warnings }, base);
    },
  );
};
