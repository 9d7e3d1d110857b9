import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { bilingualDetail, CleanprodError, type Lang } from '../../engine/index.ts';
import { bodyLanguage, languageOf } from '../language.ts';
import { BODY_PROBLEMS, problems } from '../openapi-responses.ts';
import { PoolUnavailableError, rulesRef, type Admission, type HeavyPool } from '../pool/index.ts';
import { problemOf } from '../problem.ts';
import { SERVER_TEXT as T } from '../problems/messages.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';

export interface BatchRouteOptions {
  rules: RuleBaseHolder;
  today: () => string;
  batchLimit: number;
  pool: HeavyPool;
}

/** Items per task: about 20 ms of work and 1–2 MB of answers, so tasks interleave well and a slow reader holds little. */
export const BATCH_SLICE = 20;

/**
 * The answer as a stream: `[` item, item, … `]`, sliced into tasks for the pool, written in order. A slice is only
 * handed to the pool while the stream wants data (at most `window` ahead), so a slow reader holds back the work
 * instead of the server buffering its whole answer (back-pressure). A slice the pool could not answer (time limit,
 * worker failure) becomes one 503 problem per item, so the array is always complete and well-formed.
 */
export function batchStream(count: number, answerSlice: (offset: number, size: number) => Promise<string>, window: number): Readable {
  let next = 0;
  let started = false;
  let busy = false;
  const pending: Promise<string>[] = [];
  const launch = () => {
    while (pending.length < window && next < count) {
      const size = Math.min(BATCH_SLICE, count - next);
      pending.push(answerSlice(next, size));
      next += size;
    }
  };
  const stream = new Readable({
    read() {
      if (!busy) void pump();
    },
  });
  async function pump(): Promise<void> {
    busy = true;
    try {
      for (;;) {
        launch();
        const slice = pending.shift();
        if (!slice) {
          stream.push(started ? ']' : '[]');
          stream.push(null);
          return;
        }
        const text = await slice;
        if (stream.destroyed) return;
        const more = stream.push(`${started ? ',' : '['}${text}`);
        started = true;
        if (!more) return;
      }
    } catch (e) {
      stream.destroy(e as Error);
    } finally {
      busy = false;
    }
  }
  return stream;
}

/** One problem per item of a slice the pool did not answer, each in its item's language. */
function unanswered(items: readonly unknown[], offset: number, size: number, error: PoolUnavailableError, instance: string, lang: Lang): string {
  const out: string[] = [];
  const slug = error.code === 'POOL_BUSY' ? 'pool-busy' : error.code === 'WORKER_FAILED' ? 'worker-failed' : 'heavy-timeout';
  for (let index = offset; index < offset + size; index++) {
    const l = bodyLanguage(items[index]) ?? lang;
    const p = problemOf(slug, l, error.text[l], [{ path: `[${index}]`, message: T.notAnswered[l] }], instance);
    out.push(JSON.stringify({ index, ok: false, error: p }));
  }
  return out.join(',');
}

export const batchRoutes: FastifyPluginAsync<BatchRouteOptions> = async (app, { rules, today, batchLimit, pool }) => {
  app.post<{ Body: unknown[] }>(
    '/v1/evaluate/batch',
    {
      schema: {
        tags: ['evaluate'],
        summary: 'Evaluate many profiles: one answer or one error per item',
        description: `A JSON array of evaluate requests (at most ${batchLimit} items, configurable with BATCH_LIMIT). Each item is validated and answered on its own: a bad item gets its problem (an unknown rule set: status 404), the others their answers, each in its own \`language\` or else Accept-Language; Chinese place and industry names are read as keys, as in POST /v1/evaluate. Answered on worker threads and streamed in order (compressed on the fly when the client accepts gzip or br); an item the server could not answer in time gets a 503 problem of its own. Costs one rate-limit unit per item.`,
        body: Type.Array(Type.Unknown(), { maxItems: batchLimit, examples: [[{ asOf: '2014-06-01', profile: { location: { city: 'foshan' } } }]] }),
        response: {
          200: Type.Array(Type.Ref('BatchItem'), { maxItems: batchLimit, description: 'one answer or one problem per item, in order' }),
          ...problems(...BODY_PROBLEMS, 503),
        },
      },
      config: { cost: (request) => (Array.isArray(request.body) ? Math.max(1, request.body.length) : 1) },
      preValidation: async (request) => {
        const items = request.body;
        if (Array.isArray(items) && items.length > batchLimit) {
          throw new CleanprodError('BATCH_TOO_LARGE', T.batchTooLarge(items.length, batchLimit), [bilingualDetail('(body)', T.batchLimitField(batchLimit))]);
        }
      },
    },
    async (request, reply) => {
      const items = request.body;
      const admission: Admission = pool.admit();
      const lang = languageOf(request);
      const task = { rules: rulesRef(rules.current()), asOf: today(), lang, instance: request.url };
      const answerSlice = async (offset: number, size: number) => {
        try {
          const r = await admission.run({ kind: 'batch', ...task, items: items.slice(offset, offset + size), offset });
          app.metrics.evaluations.inc({ route: '/v1/evaluate/batch' }, r.evaluations);
          return r.json;
        } catch (e) {
          if (e instanceof PoolUnavailableError) return unanswered(items, offset, size, e, request.url, lang);
          throw e;
        }
      };
      const stream = batchStream(items.length, answerSlice, Math.max(2, pool.options.threads));
      // The place in the pool is given back when the answer ends or the client goes (its pending slices are cancelled).
      stream.once('close', () => admission.release());
      reply.raw.once('close', () => {
        admission.release();
        stream.destroy();
      });
      return reply.type('application/json; charset=utf-8').send(stream);
    },
  );
};
