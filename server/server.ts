import { loadRuleBase } from '../loader/index.ts';
import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';

/** The process edge: loads the rules, reads HOST/PORT, listens, and shuts down cleanly on SIGTERM/SIGINT. */
export async function startServer(options: { rulesDir: string }): Promise<void> {
  const config = configFromEnv();
  const base = loadRuleBase(options.rulesDir);
  const app = buildApp({ base, logger: { level: config.logLevel }, bodyLimit: config.bodyLimit, batchLimit: config.batchLimit, populationLimit: config.populationLimit });
  const { host, port } = config;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      void app.close().then(() => process.exit(0));
    });
  }
  await app.listen({ host, port });
}
