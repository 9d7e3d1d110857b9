import Fastify, { type FastifyInstance, type FastifySchemaCompiler } from 'fastify';
import accepts from '@fastify/accepts';
import type { RuleBase } from '../engine/index.ts';
import { bounded, SHARED_SCHEMAS, sharedAjv } from '../schemas/index.ts';
import { AllowedMethods, clientErrorHandler } from './client-errors.ts';
import { DEFAULTS, type ServerConfig } from './config.ts';
import { installJsonParser } from './json-body.ts';
import { loggerOptions, type LogOptions } from './logging.ts';
import { registerMetrics } from './metrics.ts';
import { registerOpenApi } from './openapi.ts';
import { HeavyPool } from './pool/index.ts';
import { errorHandler } from './error-handler.ts';
import { registerCompression } from './compress.ts';
import { requestLanguage } from './language.ts';
import { problemOf, sendProblem } from './problem.ts';
import { SERVER_TEXT as T } from './problems/messages.ts';
import { registerRateLimit } from './rate-limit.ts';
import { requestIdOf } from './request-id.ts';
import { fixedHolder, type RuleBaseHolder } from './rulebase-holder.ts';
import { registerSecurity } from './security.ts';
import { evaluateRoutes } from './routes/evaluate.ts';
import { batchRoutes } from './routes/batch.ts';
import { metaRoutes } from './routes/meta.ts';
import { labelsRoutes } from './routes/labels.ts';
import { opsRoutes } from './routes/ops.ts';
import { rulesetRoutes } from './routes/rulesets.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { pageRoutes } from './routes/page.ts';
import { benchRoutes } from './routes/bench.ts';
import { problemRoutes } from './routes/problems.ts';
import { rulesetDocsRoutes } from './routes/ruleset-docs.ts';
import { rulesetCompareRoutes } from './routes/ruleset-compare.ts';
import { rulesetsPageRoutes } from './routes/rulesets-page.ts';
import { fileRoutes } from './routes/file.ts';
import { templateRoutes } from './routes/templates.ts';
import { batchPageRoutes } from './routes/batch-page.ts';
import { jobsConfig, type JobsConfig } from './jobs/config.ts';

/**
 * buildApp's options: any server setting (ServerConfig, config.ts — the rest take their defaults), and what only a
 * caller can give: the rules, the clock and the log destination.
 */
export type AppOptions = Partial<Omit<ServerConfig, 'host' | 'port' | 'logLevel'>> & {
  /** The rules in service, read per request; reloadable (server.ts holds the rules directory). */
  rules?: RuleBaseHolder;
  /** A fixed rule base (tests): shorthand for `rules: fixedHolder(base)`. One of rules/base is required. */
  base?: RuleBase;
  /** Today's date for requests without asOf (injected so tests control the clock). */
  today?: () => string;
  /** false (default), true, or pino level/stream; the safe serializers (logging.ts) always apply. */
  logger?: boolean | LogOptions;
  /** The file route's jobs (jobs/config.ts): limits and how long results are kept; the rest from the environment. */
  jobs?: Partial<JobsConfig>;
};

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
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as ServerConfig & AppOptions;
  const requestTimeout = o.requestTimeoutMs;
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: o.bodyLimit,
    // requestTimeout: the whole request (headers and body) must arrive within it; Node checks every
    // connectionsCheckingInterval, so that is a small fraction of it (the default, 30 s, let 10 s become 40).
    requestTimeout,
    connectionTimeout: requestTimeout,
    keepAliveTimeout: o.keepAliveTimeoutMs,
    http: { headersTimeout: requestTimeout, connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(requestTimeout / 10))) },
    // A hop count is accepted at run time (fastify compiles it); its types only list the other forms.
    trustProxy: o.trustProxy as boolean | string[],
    genReqId: requestIdOf,
    requestIdHeader: false,
    clientErrorHandler,
    // A malformed URL or an over-long path parameter is answered by the router itself: route it to the one error handler.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  });
  app.decorate('lifecycle', { draining: false });
  app.decorateRequest('normalized', null);
  const allowed = new AllowedMethods();
  app.addHook('onRoute', (route) => {
    // Every route schema is bounded like the shared ones (schemas/bounds.ts): no unbounded string, array or map.
    const s = route.schema as Record<string, unknown> | undefined;
    if (s) for (const part of ['body', 'querystring', 'params', 'headers', 'response']) bounded(s[part]);
    allowed.add(route.url, route.method);
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // While draining, answer what is asked on an open connection, and close it after.
    if (app.lifecycle.draining) reply.header('connection', 'close');
  });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  app.setValidatorCompiler(validatorCompiler);
  // Responses are built by the engine to the schemas already; JSON.stringify writes a large answer about twice as fast
  // as a schema-compiled serializer here, and drops nothing. The response schemas still document every route.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const methods = allowed.of(path);
    const lang = requestLanguage(request);
    if (methods.length > 0) {
      reply.header('allow', methods.join(', '));
      const text = T.methodNotAllowed(path, methods, request.method);
      const errors = [{ path: '(request)', message: T.methodNotAllowedField(request.method)[lang] }];
      return sendProblem(reply, problemOf('method-not-allowed', lang, text[lang], errors, request.url), lang);
    }
    return sendProblem(reply, problemOf('not-found', lang, T.notFound(request.method, path)[lang], [], request.url), lang);
  });
  installJsonParser(app, { maxString: o.maxString, maxDepth: o.maxDepth });
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const pool = new HeavyPool({ threads: o.poolThreads, queue: o.poolQueue, timeoutMs: o.heavyTimeoutMs });
  app.addHook('onClose', async () => pool.close());
  app.register(registerMetrics, { rules, pool });
  app.register(registerSecurity, { corsOrigins: o.corsOrigins });
  app.register(registerRateLimit, {
    max: o.rateLimitMax,
    windowMs: o.rateLimitWindowMs,
    onLimited: () => app.metrics.rateLimited.inc(),
  });
  app.register(accepts);
  // Before the routes: compression hooks are added to the routes registered after it.
  app.register(registerCompression);
  app.register(registerOpenApi);
  app.register(metaRoutes, { rules });
  app.register(labelsRoutes, { rules });
  app.register(opsRoutes, { rules });
  app.register(evaluateRoutes, { rules, today });
  app.register(batchRoutes, { rules, today, batchLimit: o.batchLimit, pool });
  app.register(rulesetRoutes, { rules });
  app.register(pageRoutes);
  app.register(problemRoutes);
  app.register(analysisRoutes, { rules, today, populationLimit: o.populationLimit, pool });
  app.register(rulesetDocsRoutes, { rules });
  app.register(rulesetCompareRoutes, { rules, populationLimit: o.populationLimit, pool });
  app.register(rulesetsPageRoutes);
  app.register(fileRoutes, { rules, today, pool, jobs: jobsConfig(options.jobs) });
  app.register(templateRoutes);
  app.register(batchPageRoutes);
  if (o.benchRoutes) app.register(benchRoutes, { rules, today });
  return app;
}
