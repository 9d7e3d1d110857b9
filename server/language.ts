import type { FastifyRequest } from 'fastify';
import type { Lang } from '../engine/index.ts';

/** The answer language from Accept-Language (zh by default); quotes stay verbatim whatever it is. */
export function languageOf(request: FastifyRequest): Lang {
  if (!request.headers['accept-language']) return 'zh';
  const chosen = request.languages(['zh', 'en']);
  return chosen === 'en' ? 'en' : 'zh';
}
