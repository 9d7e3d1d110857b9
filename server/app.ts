import Fastify, { type FastifyInstance } from 'fastify';
import type { FastifySchemaCompiler } from 'fastify';
import type { RuleBase } from '../engine/index.ts';
import { sharedAjv } from '../schemas/index.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { evaluateRoutes } from './routes/evaluate.ts';
import { rulesetRoutes } from './routes/rulesets.ts';

export interface AppOptions {
  /** The rule base to serve; loaded at the edge (server.ts) or by the test. */
  base: RuleBase;
  /** Today's date for requests without asOf (injected so tests control the clock). */
  today?: () => string;
  logger?: boolean | object;
  bodyLimit?: number;
}

/** Validation uses the project's own ajv (strict, all errors, no coercion, nothing removed): what the user sent is what is judged. */
const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema }) => {
  const id = (schema as { $id?: string }).$id;
  const fn = (id && sharedAjv().getSchema(id)) || sharedAjv().compile(schema as object);
  return fn as never;
};

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 1_048_576 });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { type: 'https://cleanprod.example/problems/not-found', title: 'Not found', status: 404, detail: `no route ${request.method} ${request.url}`, instance: request.url, errors: [] }),
  );
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  app.get('/healthz', async () => ({ status: 'ok', rulesets: options.base.rulesets.size }));
  app.register(evaluateRoutes, { base: options.base, today });
  app.register(rulesetRoutes, { base: options.base });
  return app;
}
