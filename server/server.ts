import { loadRuleBase } from '../loader/index.ts';
import { buildApp } from './app.ts';

/** The process edge: loads the rules, reads HOST/PORT, listens, and shuts down cleanly on SIGTERM/SIGINT. */
export async function startServer(options: { rulesDir: string }): Promise<void> {
  const base = loadRuleBase(options.rulesDir);
  const app = buildApp({ base, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 3000);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      void app.close().then(() => process.exit(0));
    });
  }
  await app.listen({ host, port });
}
