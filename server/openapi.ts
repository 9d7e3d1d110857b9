import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ENGINE_VERSION } from '../engine/index.ts';
import { DOCS_CSP } from './security.ts';

/** OpenAPI 3.1 generated from the same schemas the routes validate with; served at /openapi.json, docs at /docs. */
async function openApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'cleanprod — Guangdong cleaner-production eligibility API',
        version: ENGINE_VERSION,
        description:
          'Evaluates an enterprise profile against versioned rule sets encoding the Cleaner Production Promotion Law and Guangdong, Foshan, MIIT and Meizhou plans. Every decision cites its rule, rule-set version and the verbatim source text. Errors are RFC 9457 application/problem+json with errors[{path, message}].',
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'evaluate', description: 'Eligibility answers' },
        { name: 'rulesets', description: 'Rule sets and their versions' },
        { name: 'meta', description: 'Health and schemas' },
      ],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transformObject: (d) => withAcceptLanguage((d as { openapiObject: OpenApiDocument }).openapiObject) as never,
  });
  // The UI's pages get their own, slightly relaxed CSP (security.ts); it replaces helmet's on /docs only.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

interface OpenApiDocument {
  paths?: Record<string, Record<string, { parameters?: unknown[] }>>;
}

/** The Accept-Language header every operation reads (the language of answers and problems). */
export const ACCEPT_LANGUAGE = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description:
    'zh (default) or en: the language of every sentence a person reads in the response — explanations, reasons, warnings, questions, and problem titles, details and messages. A `language` in the request body wins over it.',
  schema: { type: 'string', maxLength: 256, examples: ['en', 'zh-CN'] },
};

/** Adds the Accept-Language header parameter to every operation. */
function withAcceptLanguage(doc: OpenApiDocument): OpenApiDocument {
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(operations)) op.parameters = [...(op.parameters ?? []), structuredClone(ACCEPT_LANGUAGE)];
  }
  return doc;
}

/** Registered at the root (fastify-plugin), so it sees every route of the app. */
export const registerOpenApi = fp(openApi, { name: 'cleanprod-openapi' });
