import { RuleLoadError } from '../engine/index.ts';
import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { directoryHolder, type RuleBaseHolder } from './rulebase-holder.ts';

/**
 * The process edge: loads the rules (invalid rules: the lint's messages on stderr, exit code 1, nothing listens),
 * reads the environment, listens, reloads the rules directory on SIGHUP (a failing reload keeps the old rules and
 * logs why), and shuts down cleanly on SIGTERM/SIGINT.
 */
export async function startServer(options: { rulesDir: string }): Promise<void> {
  const config = configFromEnv();
  let rules: RuleBaseHolder;
  try {
    rules = directoryHolder(options.rulesDir);
  } catch (e) {
    if (!(e instanceof RuleLoadError)) throw e;
    process.stderr.write(`cleanprod serve: the rules in ${options.rulesDir} did not load, so the server is not started.\n`);
    for (const d of e.details) process.stderr.write(`  ${d.path}: ${d.message}\n`);
    if (e.details.length === 0) process.stderr.write(`  ${e.message}\n`);
    process.stderr.write('Fix them (npx cleanprod lint --rules-dir <dir> lists the same problems) and start again.\n');
    process.exitCode = 1;
    return;
  }
  const app = buildApp({
    rules,
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    batchLimit: config.batchLimit,
    populationLimit: config.populationLimit,
    maxString: config.maxString,
    maxDepth: config.maxDepth,
    rateLimitMax: config.rateLimitMax,
    rateLimitWindowMs: config.rateLimitWindowMs,
    corsOrigins: config.corsOrigins,
    requestTimeoutMs: config.requestTimeoutMs,
    keepAliveTimeoutMs: config.keepAliveTimeoutMs,
    benchRoutes: process.env.BENCH_ROUTES === '1',
  });
  const { host, port } = config;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      void app.close().then(() => process.exit(0));
    });
  }
  process.on('SIGHUP', () => {
    const result = rules.reload();
    const loaded = rules.describe();
    if (result.ok) {
      app.log.info(
        { rulesDir: options.rulesDir, rulesets: loaded.rulesets.map((r) => `${r.id}@${r.versions.map((v) => v.version).join(',')}`) },
        'rules reloaded',
      );
    } else {
      app.log.error(
        { rulesDir: options.rulesDir, problems: result.problems, servingSince: loaded.loadedAt },
        'rules reload failed: still serving the previous rules',
      );
    }
  });
  await app.listen({ host, port });
}
