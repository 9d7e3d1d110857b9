import Fastify, { type FastifyInstance, type FastifySchemaCompiler } from 'fastify';
import accepts from '@fastify/accepts';
import type { RuleBase } from '../engine/index.ts';
import { SHARED_SCHEMAS, sharedAjv } from '../schemas/index.ts';
import { DEFAULTS } from './config.ts';
import { registerOpenApi } from './openapi.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { evaluateRoutes } from './routes/evaluate.ts';
import { metaRoutes } from './routes/meta.ts';
import { rulesetRoutes } from './routes/rulesets.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { pageRoutes } from './routes/page.ts';

export interface AppOptions {
  /** The rule base to serve; loaded at the edge (server.ts) or by the test. */
  base: RuleBase;
  /** Today's date for requests without asOf (injected so tests control the clock). */
  today?: () => string;
  logger?: boolean | object;
  bodyLimit?: number;
  batchLimit?: number;
  populationLimit?: number;
}

/** Validation uses the project's own ajv (strict, all errors, no coercion, nothing removed): what the user sent is what is judged. */
const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema }) => {
  const s = schema as { $id?: string; $ref?: string };
  const fn = (s.$id && sharedAjv().getSchema(s.$id)) || (s.$ref && Object.keys(s).length === 1 && sharedAjv().getSchema(s.$ref)) || sharedAjv().compile(schema as object);
  return fn as never;
};

/** Builds the app (no listening): the server and the tests share it. */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { type: 'https://cleanprod.example/problems/not-found', title: 'Not found', status: 404, detail: `no route ${request.method} ${request.url}`, instance: request.url, errors: [] }),
  );
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  app.register(accepts);
  app.register(registerOpenApi);
  app.register(metaRoutes, { base: options.base });
  app.register(evaluateRoutes, { base: options.base, today, batchLimit: options.batchLimit ?? DEFAULTS.batchLimit });
  app.register(rulesetRoutes, { base: options.base });
  app.register(pageRoutes);
  app.register(analysisRoutes, { base: options.base, today, populationLimit: options.populationLimit ?? DEFAULTS.populationLimit });
  return app;
}
