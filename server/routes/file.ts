import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { openReader } from '../../cli/batch/read.ts';
import { DEFAULT_LIMITS } from '../../cli/batch/limits.ts';
import { type Bilingual, isIsoDate, type Lang } from '../../engine/index.ts';
import { IsoDate, Literals } from '../../schemas/index.ts';
import type { JobsConfig } from '../jobs/config.ts';
import { inputFailure } from '../jobs/input-errors.ts';
import { JOB_TEXT } from '../jobs/messages.ts';
import { runJob } from '../jobs/run.ts';
import { JobStatusSchema, jobStatus } from '../jobs/status.ts';
import { type Job, JobsBusyError, JobStore } from '../jobs/store.ts';
import { receiveUpload, UploadError } from '../jobs/upload.ts';
import { requestLanguage } from '../language.ts';
import { BODY_PROBLEMS, GET_PROBLEMS, problems } from '../openapi-responses.ts';
import { rulesRef, type HeavyPool } from '../pool/index.ts';
import { problemOf, sendProblem } from '../problem.ts';
import type { ProblemSlug } from '../problems/catalog.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';

export interface FileRouteOptions {
  rules: RuleBaseHolder;
  today: () => string;
  pool: HeavyPool;
  jobs: JobsConfig;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JobId = Type.Object({ jobId: Type.String({ format: 'uuid', maxLength: 36, description: 'the id POST /v1/evaluate/file answered with' }) });

/** A problem of one of the catalog's types, with fields worded in both languages, sent in `lang`. */
function fail(reply: FastifyReply, request: FastifyRequest, lang: Lang, slug: ProblemSlug, text: Bilingual, errors: { path: string; text: Bilingual }[]) {
  const problem = problemOf(
    slug,
    lang,
    text[lang],
    errors.map((e) => ({ path: e.path, message: e.text[lang] })),
    request.url,
  );
  return sendProblem(reply, problem, lang);
}

/** `attachment` with the name in UTF-8 (RFC 6266/8187) and an ASCII fallback for old clients. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The result's file name: the upload's, with 评估结果 / results added. */
const resultName = (job: Job) => `${job.fileName.replace(/\.(csv|xlsx)$/i, '')}-${job.lang === 'zh' ? '评估结果' : 'results'}.${job.format}`;

/**
 * POST /v1/evaluate/file and the jobs it starts: an uploaded CSV or XLSX (the columns `cleanprod batch` reads) is
 * evaluated row by row on the worker pool, off the request path; GET /v1/jobs/{jobId} follows it and GET
 * /v1/jobs/{jobId}/result downloads the same kind of file with one result row per enterprise.
 */
export const fileRoutes: FastifyPluginAsync<FileRouteOptions> = async (app, { rules, today, pool, jobs: config }) => {
  // Only these routes read multipart bodies (encapsulated): every other route still answers 415 to them.
  await app.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: config.maxFileBytes, files: 1, parts: 3 } });
  const store = new JobStore(config);
  app.addHook('onClose', async () => store.close());

  app.post(
    '/v1/evaluate/file',
    {
      schema: {
        tags: ['evaluate'],
        summary: 'Evaluate a spreadsheet of enterprises (CSV or XLSX): a job, followed at GET /v1/jobs/{jobId}',
        description: `multipart/form-data: \`file\` — a .csv (UTF-8) or .xlsx (first sheet) with one enterprise per row, the columns \`cleanprod batch\` reads (examples/README.md; GET /v1/templates/columns; the Chinese column labels too); \`asOf\` — the evaluation date for rows without an asOf column (default today); \`language\` — zh or en, the result's headers, values and row errors (default: Accept-Language). Answered 202 at once with the job (Location: /v1/jobs/{jobId}); the rows are evaluated on the worker pool, a bad row gets its error and the others are still evaluated. At most ${config.maxFileBytes} bytes (FILE_LIMIT) and ${config.maxRows} rows (JOB_ROWS) per file, ${config.maxRunning} files at once (JOBS_MAX; 503 with Retry-After beyond); results are kept ${Math.round(config.ttlMs / 60_000)} minutes (JOB_TTL), then deleted. A file that cannot be read (not CSV/XLSX, unknown columns, not UTF-8) is a 400 naming why.`,
        consumes: ['multipart/form-data'],
        body: Type.Object({
          file: Type.String({ format: 'binary', maxLength: config.maxFileBytes, description: 'the sheet: .csv or .xlsx' }),
          asOf: Type.Optional(IsoDate),
          language: Type.Optional(Literals(['zh', 'en'] as const, "the result's language")),
        }),
        response: { 202: JobStatusSchema, ...problems(...BODY_PROBLEMS, 503) },
      },
      // The form is read and checked field by field in the handler (receiveUpload), as its parts arrive.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      let lang = requestLanguage(request);
      if (!request.isMultipart())
        return fail(reply, request, lang, 'unsupported-media-type', JOB_TEXT.notMultipart, [{ path: '(body)', text: JOB_TEXT.notMultipart }]);
      let place: Awaited<ReturnType<JobStore['reserve']>>;
      try {
        place = await store.reserve();
      } catch (e) {
        if (!(e instanceof JobsBusyError)) throw e;
        reply.header('retry-after', String(e.retryAfter));
        return fail(reply, request, lang, 'pool-busy', e.text, [{ path: '(request)', text: e.text }]);
      }
      const refuse = async (slug: ProblemSlug, text: Bilingual, errors: { path: string; text: Bilingual }[]) => {
        await store.discard(place);
        return fail(reply, request, lang, slug, text, errors);
      };
      let upload: Awaited<ReturnType<typeof receiveUpload>>;
      try {
        upload = await receiveUpload(request, place.dir, config);
      } catch (e) {
        if (e instanceof UploadError) {
          if (e.fields.language === 'zh' || e.fields.language === 'en') lang = e.fields.language;
          return refuse(e.slug, e.text, e.errors);
        }
        await store.discard(place);
        throw e;
      }
      const { language, asOf: givenAsOf } = upload.fields;
      if (language !== undefined && language !== 'zh' && language !== 'en') {
        return refuse('invalid-input', JOB_TEXT.badLanguage(language), [{ path: 'language', text: JOB_TEXT.badLanguage(language) }]);
      }
      if (language) lang = language;
      const asOf = givenAsOf || today();
      if (!isIsoDate(asOf)) return refuse('invalid-input', JOB_TEXT.badAsOf(asOf), [{ path: 'asOf', text: JOB_TEXT.badAsOf(asOf) }]);
      const counted = upload.records !== undefined ? Math.max(0, upload.records - 1) : undefined;
      if (counted !== undefined && counted > config.maxRows) {
        return refuse('batch-too-large', JOB_TEXT.tooManyRows(counted, config.maxRows), [{ path: 'file', text: JOB_TEXT.rowsField(config.maxRows) }]);
      }
      let reader: Awaited<ReturnType<typeof openReader>>;
      try {
        reader = await openReader(upload.path, DEFAULT_LIMITS);
      } catch (e) {
        const failure = inputFailure(e, upload.fileName);
        if (failure) return refuse('invalid-input', failure.text, failure.errors);
        await store.discard(place);
        throw e;
      }
      const job = store.create(place, { format: upload.format, lang, asOf, fileName: upload.fileName, input: upload.path }, upload.bytes);
      // An xlsx's count includes rows with nothing in them: a measure of progress only (the limit is checked as rows are read).
      const estimate = counted ?? reader.rowsEstimate;
      job.progress.rowsTotal = estimate !== undefined && estimate <= config.maxRows ? estimate : null;
      void runJob(job, reader, {
        store,
        pool,
        rules: rulesRef(rules.current()),
        config,
        onEvaluated: (n) => app.metrics.evaluations.inc({ route: '/v1/evaluate/file' }, n),
        onInternalError: (err) => app.log.error({ err, job: job.id }, 'file job failed'),
      });
      reply.code(202).header('location', `/v1/jobs/${job.id}`).header('retry-after', '1');
      return jobStatus(job);
    },
  );

  /** The job, or a 404 problem (never existed, or expired). */
  const jobOr404 = async (request: FastifyRequest<{ Params: { jobId: string } }>, reply: FastifyReply): Promise<Job | undefined> => {
    const job = await store.get(request.params.jobId);
    if (!job) {
      const lang = requestLanguage(request);
      const text = JOB_TEXT.noJob(request.params.jobId);
      await fail(reply, request, lang, 'not-found', text, [{ path: 'jobId', text }]);
    }
    return job;
  };

  app.get<{ Params: { jobId: string } }>(
    '/v1/jobs/:jobId',
    {
      schema: {
        tags: ['evaluate'],
        summary: "A file job's state, progress and, once done, its summary",
        description:
          'progress: rows done, rows in the file where known, rows that failed so far, percent. Once done: the summary (how many must audit, are overdue, missed a due date; by audit status, city and industry; the first failed rows with why) and links.result. A failed job has error (a problem). 404 once the job expired (JOB_TTL).',
        params: JobId,
        response: { 200: JobStatusSchema, ...problems(...GET_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const job = await jobOr404(request, reply);
      if (!job) return reply;
      reply.header('cache-control', 'no-store');
      return jobStatus(job);
    },
  );

  app.get<{ Params: { jobId: string } }>(
    '/v1/jobs/:jobId/result',
    {
      schema: {
        tags: ['evaluate'],
        summary: "A file job's result: the same kind of file, one result row per enterprise",
        description:
          "CSV in, CSV out (UTF-8 with a byte-order mark, for Excel); XLSX in, XLSX out. Columns: row, id, name, asOf, the audit status, due date and its basis, overdue, the audit that met it, missed due dates, route, acceptance, incentives, sanctions, obligations (counts and rule ids), undetermined, questions, rule sets in force, error — headed in Chinese when the job's language is zh. 202 with the job while it runs; a failed job's problem; 404 once expired.",
        params: JobId,
        response: {
          200: {
            description: 'the result file',
            content: {
              'text/csv': { schema: Type.String({ maxLength: 2 ** 31, description: 'CSV, UTF-8' }) },
              [XLSX_TYPE]: { schema: Type.String({ format: 'binary', maxLength: 2 ** 31 }) },
            },
          },
          202: JobStatusSchema,
          ...problems(...GET_PROBLEMS, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const job = await jobOr404(request, reply);
      if (!job) return reply;
      if (job.state === 'running') return reply.code(202).header('retry-after', '1').header('cache-control', 'no-store').send(jobStatus(job));
      if (job.state === 'failed' && job.problem) return sendProblem(reply, job.problem, job.lang);
      const size = await stat(job.result).then(
        (s) => s.size,
        () => undefined,
      );
      if (size === undefined) {
        const text = JOB_TEXT.noJob(job.id);
        return fail(reply, request, requestLanguage(request), 'not-found', text, [{ path: 'jobId', text }]);
      }
      reply.header('content-disposition', attachment(resultName(job)));
      reply.header('cache-control', 'no-store');
      reply.type(job.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
      return reply.send(createReadStream(job.result));
    },
  );
};
