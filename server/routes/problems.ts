import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../engine/index.ts';
import { Literals, Strict } from '../../schemas/index.ts';
import { requestLanguage } from '../language.ts';
import { problemOf, sendProblem } from '../problem.ts';
import { isProblemSlug } from '../problems/catalog.ts';
import { SERVER_TEXT as T } from '../problems/messages.ts';
import { problemHtml, problemIndexHtml, problemMarkdown } from '../problems/page.ts';

const Query = Type.Object({ lang: Type.Optional(Literals(['zh', 'en'] as const, 'zh or en; default: from Accept-Language, else zh')) }, Strict);

/** The page's language and the headers that say so: it varies with Accept-Language unless `?lang=` names one. */
function prepare(request: FastifyRequest, reply: FastifyReply): Lang {
  const lang = requestLanguage(request);
  reply.header('content-language', lang === 'zh' ? 'zh-CN' : 'en');
  reply.header('vary', 'accept, accept-language');
  reply.header('cache-control', 'public, max-age=3600');
  return lang;
}

/**
 * The pages the problem documents' `type` points at (problems/catalog.ts): GET /problems/<slug> explains one problem
 * and what to do about it (HTML, or Markdown for Accept: text/markdown), GET /problems lists them all. Documentation,
 * not API operations: hidden from /openapi.json.
 */
export const problemRoutes: FastifyPluginAsync = async (app) => {
  app.get('/problems', { schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const lang = prepare(request, reply);
    return reply.type('text/html; charset=utf-8').send(problemIndexHtml(lang));
  });
  app.get<{ Params: { slug: string } }>(
    '/problems/:slug',
    { schema: { hide: true, querystring: Query, params: Type.Object({ slug: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const lang = prepare(request, reply);
      const { slug } = request.params;
      if (!isProblemSlug(slug)) return sendProblem(reply, problemOf('not-found', lang, T.problemNotFound(slug)[lang], [], request.url), lang);
      if (request.accepts().type(['text/html', 'text/markdown']) === 'text/markdown') {
        return reply.type('text/markdown; charset=utf-8').send(problemMarkdown(slug, lang));
      }
      return reply.type('text/html; charset=utf-8').send(problemHtml(slug, lang));
    },
  );
};
