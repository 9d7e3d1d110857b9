import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where log lines go (a pino destination); tests pass one to read them. */
export interface LogStream {
  write(line: string): void;
}

export interface LogOptions {
  level?: string;
  stream?: LogStream;
}

const pathOnly = (url: string | undefined) => (url ?? '').split('?')[0]!.split('#')[0]!;

/**
 * What a log line may say about a request: its id, method, path (never the query) and route; about a response its
 * status (fastify adds responseTime). Bodies, headers, query strings and client addresses are never logged, so no
 * enterprise data reaches the logs. Errors are logged by type, code and stack frames, without their message (a
 * message may quote the input).
 */
export const SAFE_SERIALIZERS = {
  req(request: FastifyRequest) {
    return { id: request.id, method: request.method, url: pathOnly(request.url), route: request.routeOptions?.url };
  },
  res(reply: FastifyReply) {
    return { statusCode: reply.statusCode };
  },
  err(error: Error & { code?: string; statusCode?: number }) {
    return {
      type: error?.name ?? typeof error,
      ...(error?.code ? { code: error.code } : {}),
      ...(error?.statusCode ? { statusCode: error.statusCode } : {}),
      frames: (error?.stack ?? '')
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .slice(0, 15)
        .map((l) => l.trim()),
    };
  },
};

/** fastify's logger option: off, or pino at the level with the safe serializers always in force. */
export function loggerOptions(logger: boolean | LogOptions | undefined, defaultLevel = 'info'): false | object {
  if (!logger) return false;
  const { level = defaultLevel, stream } = logger === true ? {} : logger;
  return { level, ...(stream ? { stream } : {}), serializers: SAFE_SERIALIZERS };
}
