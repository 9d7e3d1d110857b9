import type { FastifyRequest } from 'fastify';
import type { Lang } from '../engine/index.ts';

const isLang = (v: unknown): v is Lang => v === 'zh' || v === 'en';
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The answer language from Accept-Language (zh by default); quotes stay verbatim whatever it is. */
export function languageOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  if (!header) return 'zh';
  // A request the router refused (a malformed URL) is not decorated by @fastify/accepts: read the header directly.
  if (typeof request.languages !== 'function') return languageOfHeader(header);
  const chosen = request.languages(['zh', 'en']);
  return chosen === 'en' ? 'en' : 'zh';
}

/** The language a request body asks for: its `language`, or its evaluate request's (what-if, verify); else undefined. */
export function bodyLanguage(body: unknown): Lang | undefined {
  if (!isRecord(body)) return undefined;
  if (isLang(body.language)) return body.language;
  if (isRecord(body.request) && isLang(body.request.language)) return body.request.language;
  return undefined;
}

/**
 * The language of everything a person reads in the response, problems included: `language` in the body where there
 * is one (or `lang` in the query of a GET: /v1/labels, /problems), else Accept-Language, else zh.
 */
export function requestLanguage(request: FastifyRequest): Lang {
  const query = request.query as Record<string, unknown> | undefined;
  if ((request.method === 'GET' || request.method === 'HEAD') && isRecord(query) && isLang(query.lang)) return query.lang;
  return bodyLanguage(request.body) ?? languageOf(request);
}

/** The language named in a raw Accept-Language header value (for requests Node refused before fastify saw them). */
export function languageOfHeader(value: string | undefined): Lang {
  if (!value) return 'zh';
  let best: Lang = 'zh';
  let bestQ = -1;
  for (const part of value.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(
      params
        .find((p) => p.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? 1,
    );
    const lang = tag.startsWith('en') ? 'en' : tag.startsWith('zh') ? 'zh' : undefined;
    if (lang && Number.isFinite(q) && q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}
