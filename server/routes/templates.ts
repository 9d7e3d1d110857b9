import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { columnDocs } from '../../cli/batch/column-docs.ts';
import type { Lang } from '../../engine/index.ts';
import { Literals, Strict } from '../../schemas/index.ts';
import { templateCsv, templateXlsx } from '../jobs/template.ts';
import { requestLanguage } from '../language.ts';
import { GET_PROBLEMS, problems } from '../openapi-responses.ts';
import { attachment, XLSX_TYPE } from './file.ts';

const Lang2 = Literals(['zh', 'en'] as const, 'the language of the column labels heading it. Default: Accept-Language, else zh');
const Bi = Type.Object({ zh: Type.String({ maxLength: 200 }), en: Type.String({ maxLength: 200 }) }, Strict);
const ColumnsSchema = Type.Object(
  {
    columns: Type.Array(
      Type.Object(
        {
          key: Type.String({ maxLength: 100, description: 'the column key: a header cell may be it, or one of its labels' }),
          label: Bi,
          kind: Literals(['boolean', 'number', 'integer', 'string', 'date-or-null', 'list', 'records', 'as-of'] as const),
          cell: Type.Object({ zh: Type.String({ maxLength: 500 }), en: Type.String({ maxLength: 500 }) }, { ...Strict, description: 'what a cell holds' }),
          example: Type.Optional(Type.String({ maxLength: 200 })),
        },
        Strict,
      ),
      { maxItems: 500 },
    ),
  },
  { ...Strict, title: 'Columns' },
);

/** Built once per format and language: they depend only on the code. */
const built = new Map<string, Buffer>();
async function template(ext: 'csv' | 'xlsx', lang: Lang): Promise<Buffer> {
  const key = `${ext}:${lang}`;
  let body = built.get(key);
  if (!body) {
    body = ext === 'csv' ? templateCsv(lang) : await templateXlsx(lang);
    built.set(key, body);
  }
  return body;
}

/**
 * The batch sheet's documentation for the page and for people filling a sheet: GET /v1/templates/columns (every
 * column: key, labels, what a cell holds) and GET /v1/templates/enterprises.csv|xlsx?lang=zh|en (a template headed by
 * the columns' labels in that language, with one example row).
 */
export const templateRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/v1/templates/columns',
    {
      schema: {
        tags: ['meta'],
        summary: 'The columns a batch sheet may have (POST /v1/evaluate/file, cleanprod batch)',
        description:
          'Every column the reader knows, in order: its key, its label in Chinese and English (a header cell may be the key or either label), and what a cell holds, in both languages.',
        querystring: Type.Object({}, Strict),
        response: { 200: ColumnsSchema, ...problems(...GET_PROBLEMS) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return { columns: columnDocs() };
    },
  );

  app.get<{ Params: { ext: 'csv' | 'xlsx' }; Querystring: { lang?: Lang } }>(
    '/v1/templates/enterprises.:ext',
    {
      schema: {
        tags: ['meta'],
        summary: 'A template of the batch sheet: CSV or XLSX, headers in Chinese or English',
        description:
          'Every column the reader knows (GET /v1/templates/columns), headed by its label in Chinese (lang=zh) or English (lang=en) — the reader takes either, as it takes the keys — with one example row to replace. The XLSX has the columns explained on a second sheet. The CSV is UTF-8 with a byte-order mark, so that Excel opens it as such.',
        params: Type.Object({ ext: Literals(['csv', 'xlsx'] as const, 'the format') }),
        querystring: Type.Object({ lang: Type.Optional(Lang2) }, Strict),
        response: {
          200: {
            description: 'the template',
            content: {
              'text/csv': { schema: Type.String({ maxLength: 1_000_000 }) },
              [XLSX_TYPE]: { schema: Type.String({ format: 'binary', maxLength: 1_000_000 }) },
            },
          },
          ...problems(...GET_PROBLEMS),
        },
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? requestLanguage(request);
      const { ext } = request.params;
      const name = lang === 'zh' ? `企业清单模板.${ext}` : `enterprises-template.${ext}`;
      reply.header('content-disposition', attachment(name));
      reply.header('content-language', lang === 'zh' ? 'zh-CN' : 'en');
      reply.header('cache-control', 'no-cache');
      reply.type(ext === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
      return reply.send(await template(ext, lang));
    },
  );
};
