import Fastify, { type FastifyInstance, type FastifySchemaCompiler } from 'fastify';
import accepts from '@fastify/accepts';
import type { RuleBase } from '../engine/index.ts';
import { SHARED_SCHEMAS, sharedAjv } from '../schemas/index.ts';
import { DEFAULTS } from './config.ts';
import { installJsonParser } from './json-body.ts';
import { loggerOptions, type LogOptions } from './logging.ts';
import { registerOpenApi } from './openapi.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { fixedHolder, type RuleBaseHolder } from './rulebase-holder.ts';
import { registerSecurity } from './security.ts';
import { evaluateRoutes } from './routes/evaluate.ts';
import { metaRoutes } from './routes/meta.ts';
import { labelsRoutes } from './routes/labels.ts';
import { rulesetRoutes } from './routes/rulesets.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { pageRoutes } from './routes/page.ts';
import { benchRoutes } from './routes/bench.ts';

export interface AppOptions {
  /** The rules in service, read per request; reloadable (server.ts holds the rules directory). */
  rules?: RuleBaseHolder;
  /** A fixed rule base (tests): shorthand for `rules: fixedHolder(base)`. One of rules/base is required. */
  base?: RuleBase;
  /** Today's date for requests without asOf (injected so tests control the clock). */
  today?: () => string;
  /** false (default), true, or pino level/stream; the safe serializers (logging.ts) always apply. */
  logger?: boolean | LogOptions;
  bodyLimit?: number;
  batchLimit?: number;
  populationLimit?: number;
  /** Longest string and deepest nesting in a JSON body (400 beyond). */
  maxString?: number;
  maxDepth?: number;
  /** Requests per client address per window (0 = off); window in ms. */
  rateLimitMax?: number;
  rateLimitWindowMs?: number;
  /** Browser origins allowed by CORS (default none: same-origin only). */
  corsOrigins?: string[];
  /** Time to receive a whole request / socket inactivity, and the idle keep-alive time, in ms. */
  requestTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  /** Register POST /bench/constant, the benchmark's ceiling route (BENCH_ROUTES=1; never on by default). */
  benchRoutes?: boolean;
}

/** Validation uses the project's own ajv (strict, all errors, no coercion, nothing removed): what the user sent is what is judged. */
const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema }) => {
  const s = schema as { $id?: string; $ref?: string };
  const fn =
    (s.$id && sharedAjv().getSchema(s.$id)) ||
    (s.$ref && Object.keys(s).length === 1 && sharedAjv().getSchema(s.$ref)) ||
    sharedAjv().compile(schema as object);
  return fn as never;
};

/** Builds the app (no listening): the server and the tests share it. */
export function buildApp(options: AppOptions): FastifyInstance {
  const rules = options.rules ?? (options.base ? fixedHolder(options.base) : undefined);
  if (!rules) throw new Error('buildApp needs rules (a RuleBaseHolder) or base (a RuleBase)');
  const requestTimeout = options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit,
    requestTimeout,
    connectionTimeout: requestTimeout,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? DEFAULTS.keepAliveTimeoutMs,
    // A malformed URL or an over-long path parameter is answered by the router itself: route it to the one error handler.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  app.setValidatorCompiler(validatorCompiler);
  // Responses are built by the engine to the schemas already; JSON.stringify writes a large answer about twice as fast
  // as a schema-compiled serializer here, and drops nothing. The response schemas still document every route.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: 'https://cleanprod.example/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: `no route ${request.method} ${request.url.split('?')[0]}`,
      instance: request.url,
      errors: [],
    }),
  );
  installJsonParser(app, { maxString: options.maxString ?? DEFAULTS.maxString, maxDepth: options.maxDepth ?? DEFAULTS.maxDepth });
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  app.register(registerSecurity, {
    rateLimitMax: options.rateLimitMax ?? DEFAULTS.rateLimitMax,
    rateLimitWindowMs: options.rateLimitWindowMs ?? DEFAULTS.rateLimitWindowMs,
    corsOrigins: options.corsOrigins ?? DEFAULTS.corsOrigins,
  });
  app.register(accepts);
  app.register(registerOpenApi);
  app.register(metaRoutes, { rules });
  app.register(labelsRoutes, { rules });
  app.register(evaluateRoutes, { rules, today, batchLimit: options.batchLimit ?? DEFAULTS.batchLimit });
  app.register(rulesetRoutes, { rules });
  app.register(pageRoutes);
  app.register(analysisRoutes, { rules, today, populationLimit: options.populationLimit ?? DEFAULTS.populationLimit });
  if (options.benchRoutes) app.register(benchRoutes, { rules, today });
  return app;
}
