import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { RuleBase } from '../../engine/index.ts';
import { Literals, Strict } from '../../schemas/index.ts';
import { LABEL_LANGS, type LabelLang, LabelsSchema, labelsDocument } from '../../schemas/labels/index.ts';
import { languageOf } from '../language.ts';
import { GET_PROBLEMS, problems } from '../openapi-responses.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';

interface Built {
  body: string;
  etag: string;
}

/** The documents depend only on the code and the rule base's derived facts: built once per rule base and language. */
const built = new WeakMap<RuleBase, Map<LabelLang, Built>>();
function documentFor(base: RuleBase, lang: LabelLang): Built {
  let byLang = built.get(base);
  if (!byLang) {
    byLang = new Map();
    built.set(base, byLang);
  }
  let doc = byLang.get(lang);
  if (!doc) {
    const body = JSON.stringify(labelsDocument(lang, base.derivedFacts));
    doc = { body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"` };
    byLang.set(lang, doc);
  }
  return doc;
}

/**
 * `GET /v1/labels?lang=zh|en`: the labels of the profile's fields (with hints and option names), the derived facts
 * and the answer's values, in one language — the self-assessment page builds its form and reads answers with them.
 */
export const labelsRoutes: FastifyPluginAsync<{ rules: RuleBaseHolder }> = async (app, { rules }) => {
  app.get<{ Querystring: { lang?: LabelLang } }>(
    '/v1/labels',
    {
      schema: {
        tags: ['meta'],
        summary: 'Labels of the profile fields, derived facts and answer values, in Chinese or English',
        description:
          'lang=zh or lang=en; without lang, Accept-Language decides (zh by default). Any other lang is a 400 problem. Labels, hints and value names are in that language; industries, cities and districts carry both names. Revalidate with If-None-Match (ETag).',
        querystring: Type.Object({ lang: Type.Optional(Literals(LABEL_LANGS, 'zh or en; default: from Accept-Language, else zh')) }, Strict),
        response: { 200: LabelsSchema, ...problems(...GET_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? languageOf(request);
      const doc = documentFor(rules.current(), lang);
      reply.header('cache-control', 'no-cache');
      reply.header('etag', doc.etag);
      if (!request.query.lang) {
        const vary = reply.getHeader('vary');
        reply.header('vary', vary ? `${String(vary)}, accept-language` : 'accept-language');
      }
      reply.header('content-language', lang === 'zh' ? 'zh-CN' : 'en');
      const known = request.headers['if-none-match']?.split(',').map((t) => t.trim().replace(/^W\//, ''));
      if (known?.includes(doc.etag) || known?.includes('*')) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(doc.body);
    },
  );
};
