import { RuleLoadError } from '../engine/index.ts';
import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { drain } from './drain.ts';
import { deferredHolder, directoryHolder, type RuleBaseHolder } from './rulebase-holder.ts';
import type { LoadedRuleData } from './rules/load.ts';

/**
 * The process edge: loads the rules on a worker thread (rules that do not load — invalid, missing, an empty directory,
 * none released — print why on stderr and exit with code 1, nothing listens), reads the environment, listens, reloads
 * the rules directory on SIGHUP (a failing reload keeps the old rules and logs why), and drains on SIGTERM/SIGINT.
 */
export async function startServer(options: { rulesDir: string; loading?: Promise<LoadedRuleData> }): Promise<void> {
  const config = configFromEnv();
  // The first load runs on its worker while the app is built and its schemas compile; nothing listens before both are done.
  const loading = directoryHolder(options.rulesDir, { serveUnreleased: config.serveUnreleased, ...(options.loading ? { first: options.loading } : {}) });
  const deferred = deferredHolder();
  const app = buildApp({ ...config, rules: deferred.holder, logger: { level: config.logLevel } });
  const ready = Promise.resolve(app.ready());
  let rules: RuleBaseHolder;
  try {
    rules = await loading;
  } catch (e) {
    await ready.catch(() => undefined); // (the app is closed either way)
    await app.close();
    if (!(e instanceof RuleLoadError)) throw e;
    process.stderr.write(`cleanprod serve: the rules in ${options.rulesDir} did not load, so the server is not started.\n`);
    for (const d of e.details) process.stderr.write(`  ${d.path}: ${d.message}\n`);
    if (e.details.length === 0) process.stderr.write(`  ${e.message}\n`);
    process.stderr.write('Fix them (npx cleanprod lint --rules-dir <dir> lists the same problems) and start again.\n');
    process.exitCode = 1;
    return;
  }
  deferred.resolve(rules);
  await ready;
  const described = () => rules.describe().rulesets.map((r) => `${r.id}@${r.versions.map((v) => v.version).join(',')}`);
  const unreleasedNote = (unreleased: string[]) =>
    unreleased.length > 0 ? { unreleased, note: 'not served until released (cleanprod release), or with SERVE_UNRELEASED=1' } : {};
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal, drainTimeoutMs: config.drainTimeoutMs }, 'draining: no new connections; finishing the answers in flight');
      void drain(app, config.drainTimeoutMs).then((outcome) => {
        app.log.info({ outcome }, outcome === 'drained' ? 'drained: every answer finished; exiting' : 'drain timeout: closing what is left; exiting');
        process.exit(0);
      });
    });
  }
  process.on('SIGHUP', () => {
    app.log.info({ rulesDir: options.rulesDir }, 'reloading the rules (SIGHUP)');
    void rules.reload().then((result) => {
      if (result.ok) {
        app.log.info({ rulesDir: options.rulesDir, rulesets: described(), ...unreleasedNote(result.unreleased ?? []) }, 'rules reloaded');
      } else {
        app.log.error(
          { rulesDir: options.rulesDir, problems: result.problems.slice(0, 50), problemCount: result.problems.length, servingSince: rules.describe().loadedAt },
          'rules reload failed: still serving the previous rules',
        );
      }
    });
  });
  await app.listen({ host: config.host, port: config.port });
  app.log.info({ rulesDir: options.rulesDir, rulesets: described(), ...unreleasedNote(rules.describe().unreleased) }, 'rules in service');
}
