/** Server settings from the environment, with the defaults the README states. */
export interface ServerConfig {
  host: string;
  port: number;
  /** Largest request body in bytes (413 beyond). */
  bodyLimit: number;
  /** Most items in one batch request (413 beyond). */
  batchLimit: number;
  /** Most profiles one impact request may carry or synthesise. */
  populationLimit: number;
  logLevel: string;
}

export const DEFAULTS: ServerConfig = { host: '127.0.0.1', port: 3000, bodyLimit: 1_048_576, batchLimit: 1000, populationLimit: 20_000, logLevel: 'info' };

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST || DEFAULTS.host,
    port: positiveInt('PORT', env.PORT, DEFAULTS.port),
    bodyLimit: positiveInt('BODY_LIMIT', env.BODY_LIMIT, DEFAULTS.bodyLimit),
    batchLimit: positiveInt('BATCH_LIMIT', env.BATCH_LIMIT, DEFAULTS.batchLimit),
    populationLimit: positiveInt('POPULATION_LIMIT', env.POPULATION_LIMIT, DEFAULTS.populationLimit),
    logLevel: env.LOG_LEVEL || DEFAULTS.logLevel,
  };
}
