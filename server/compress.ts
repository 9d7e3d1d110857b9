import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ContentEncodingError } from './error-handler.ts';

/** Answers at least this large (bytes) are compressed when the client accepts it; smaller ones are not worth it. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Response compression (@fastify/compress): every answer of COMPRESS_THRESHOLD bytes or more — JSON, problem+json, the
 * page's files — in br or gzip, whichever the client's Accept-Encoding prefers; a streamed batch answer is compressed
 * as it streams, its back-pressure intact. Request bodies are accepted uncompressed only (a Content-Encoding other
 * than identity is 415): a compressed body would escape BODY_LIMIT's meaning and invite decompression bombs.
 * Registered before the routes, so every route gets it.
 */
async function compression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { global: true, globalDecompression: false, encodings: ['br', 'gzip'], threshold: COMPRESS_THRESHOLD });
  app.addHook('onRequest', async (request) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') throw new ContentEncodingError(encoding);
  });
}

export const registerCompression = fp(compression, { name: 'cleanprod-compress' });
