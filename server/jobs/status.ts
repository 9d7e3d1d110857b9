import { type Static, Type } from '@sinclair/typebox';
import { AUDIT_OUTCOMES } from '../../schemas/ruleset.ts';
import { IsoDate, Literals, Opt, Strict } from '../../schemas/index.ts';
import type { GroupCounts } from '../../cli/batch/stats.ts';
import { type Job, FAILURES_KEPT } from './store.ts';

const Count = Type.Integer({ minimum: 0 });
const Group = Type.Object(
  {
    key: Type.String({ maxLength: 100, description: 'the city or industry key (`(none)`: not given); its names are in GET /v1/labels' }),
    rows: Count,
    mustAudit: Count,
    overdue: Count,
    missed: Count,
  },
  Strict,
);
const Instant = Type.String({ format: 'date-time', maxLength: 30 });
const Text = (max: number, description: string) => Type.String({ maxLength: max, description });

/** GET /v1/jobs/{jobId} (and the 202 of POST /v1/evaluate/file): a job's state, its progress and, once done, its summary. */
export const JobStatusSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', maxLength: 36 }),
    state: Literals(['running', 'done', 'failed'] as const, 'running: being evaluated; done: the result can be downloaded; failed: see error'),
    fileName: Text(255, 'the name the file was uploaded with'),
    format: Literals(['csv', 'xlsx'] as const, 'the format of the upload and of its result'),
    language: Literals(['zh', 'en'] as const, "the result's language: its headers, values and row errors"),
    asOf: IsoDate,
    createdAt: Instant,
    finishedAt: Opt(Instant),
    expiresAt: Opt(Type.String({ format: 'date-time', maxLength: 30, description: 'when the job and its result are deleted' })),
    progress: Type.Object(
      {
        rowsDone: Count,
        rowsTotal: Type.Union([Count, Type.Null()], {
          description: 'rows the file holds, where known (counted as a CSV is received, or in an xlsx before it is read); exact once done',
        }),
        failed: Type.Integer({ minimum: 0, description: 'rows that could not be evaluated so far (each has its error in the result)' }),
        percent: Type.Number({ minimum: 0, maximum: 100 }),
      },
      Strict,
    ),
    links: Type.Object({ self: Text(100, 'this document'), result: Text(100, 'the result file, once done') }, Strict),
    summary: Opt(
      Type.Object(
        {
          rows: Count,
          evaluated: Count,
          failed: Count,
          mustAudit: Type.Integer({ minimum: 0, description: 'audit status mandatory or required' }),
          overdue: Type.Integer({ minimum: 0, description: 'an audit duty in force is overdue' }),
          missed: Type.Integer({ minimum: 0, description: 'at least one due date passed unmet' }),
          status: Type.Object(Object.fromEntries(AUDIT_OUTCOMES.map((o) => [o, Count])) as Record<(typeof AUDIT_OUTCOMES)[number], typeof Count>, {
            ...Strict,
            description: 'rows by audit status',
          }),
          byCity: Type.Array(Group, { maxItems: 200, description: 'by city, most rows first' }),
          byIndustry: Type.Array(Group, { maxItems: 200, description: 'by industry (a row counts under each of its industries), most rows first' }),
          failures: Type.Array(
            Type.Object(
              { row: Count, id: Type.Union([Text(200, ''), Type.Null()]), name: Type.Union([Text(500, ''), Type.Null()]), error: Text(20_000, '') },
              Strict,
            ),
            { maxItems: FAILURES_KEPT, description: `the first ${FAILURES_KEPT} rows that could not be evaluated, with why` },
          ),
          seconds: Type.Number({ minimum: 0 }),
        },
        Strict,
      ),
    ),
    error: Opt(Type.Ref('Problem', { description: 'why the file could not be evaluated (state failed)' })),
  },
  { ...Strict, title: 'JobStatus' },
);
export type JobStatus = Static<typeof JobStatusSchema>;

const iso = (ms: number) => new Date(ms).toISOString();

const groups = (by: Record<string, GroupCounts>) =>
  Object.entries(by)
    .map(([key, g]) => ({ key, ...g }))
    .sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key))
    .slice(0, 200);

/** How far a job is, 0–100: by rows where their number is known, else by bytes read; 100 only once done. */
function percentOf(job: Job): number {
  if (job.state !== 'running') return 100;
  const { rowsDone, rowsTotal, bytesRead, bytesTotal } = job.progress;
  const share = rowsTotal ? rowsDone / rowsTotal : bytesTotal > 0 ? bytesRead / bytesTotal : 0;
  return Math.min(99, Math.floor(share * 1000) / 10);
}

/** A job as GET /v1/jobs/{jobId} shows it. */
export function jobStatus(job: Job): JobStatus {
  const self = `/v1/jobs/${job.id}`;
  const s = job.stats;
  return {
    id: job.id,
    state: job.state,
    fileName: job.fileName,
    format: job.format,
    language: job.lang,
    asOf: job.asOf,
    createdAt: iso(job.createdAt),
    ...(job.finishedAt !== undefined ? { finishedAt: iso(job.finishedAt) } : {}),
    ...(job.expiresAt !== undefined ? { expiresAt: iso(job.expiresAt) } : {}),
    progress: { rowsDone: job.progress.rowsDone, rowsTotal: job.progress.rowsTotal, failed: job.progress.failed, percent: percentOf(job) },
    links: { self, result: `${self}/result` },
    ...(job.state === 'done'
      ? {
          summary: {
            rows: s.rows,
            evaluated: s.rows - s.failed,
            failed: s.failed,
            mustAudit: s.all.mustAudit,
            overdue: s.all.overdue,
            missed: s.all.missed,
            status: Object.fromEntries(AUDIT_OUTCOMES.map((o) => [o, s.status[o] ?? 0])) as Record<(typeof AUDIT_OUTCOMES)[number], number>,
            byCity: groups(s.byCity),
            byIndustry: groups(s.byIndustry),
            failures: job.failures,
            seconds: ((job.finishedAt ?? job.createdAt) - job.createdAt) / 1000,
          },
        }
      : {}),
    ...(job.problem ? { error: job.problem } : {}),
  };
}
