import { Option, type Command } from 'commander';
import { dateOption } from '../options.ts';

export type { BatchOptions, BatchSummary } from './run.ts';
export { BatchInputError } from './errors.ts';
export { DEFAULT_LIMITS, type BatchLimits } from './limits.ts';

interface BatchCliOptions {
  asOf?: string;
  output?: string;
  format?: 'csv' | 'jsonl';
  lang?: 'zh' | 'en';
  workers: string;
  progress?: boolean;
  stats?: string;
  rulesDir: string;
}

/**
 * Registers `cleanprod batch <file>`. The heavy modules (csv, exceljs, workers) load only when the command runs.
 * Exit status: 0 when every row was evaluated; 1 when some rows failed (the output is complete and says why in each
 * failed row's error); 2 when the input cannot be read (nothing is put at the output path).
 */
export function registerBatch(program: Command, rulesDirOption: () => Option): void {
  program
    .command('batch')
    .description('evaluate a spreadsheet of enterprises (CSV, xlsx, JSONL or JSON; one per row) into one result row each — column layout in examples/README.md')
    .argument('<file>', 'enterprises: .csv, .xlsx (first sheet), .jsonl (one profile a line) or .json (an array of profiles)')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD for rows without an asOf column value (default: today)')
    .option('-o, --output <file>', 'results file: .csv, .xlsx or .jsonl (full answers), put in place only once complete; default CSV on stdout')
    .addOption(new Option('--format <format>', 'output format when writing to stdout').choices(['csv', 'jsonl']))
    .option('--workers <n>', 'threads evaluating: 1 = this one; n > 1 = n worker threads (0 or auto = one per CPU)', '1')
    .addOption(
      new Option('--lang <lang>', 'the language of answers, row errors and the result columns’ names (default: column keys, answers in zh)').choices([
        'zh',
        'en',
      ]),
    )
    .option('--progress', 'show a progress bar on stderr even when it is not a terminal')
    .option('--stats <file>', "also write the run's figures as JSON (rows, seconds, rows/s, workers, peak RSS) — used by npm run bench")
    .addOption(rulesDirOption())
    .action(async (file: string, opts: BatchCliOptions) => {
      const asOf = dateOption('--as-of', opts.asOf ?? new Date().toISOString().slice(0, 10));
      const { runBatch, resolveWorkers } = await import('./run.ts');
      // Ctrl-C or a TERM signal stops the run; the output file is then not put in place.
      const stop = new AbortController();
      let stopSignal: NodeJS.Signals | undefined;
      const onSignal = (signal: NodeJS.Signals) => {
        stopSignal = signal;
        stop.abort(new Error(`stopped by ${signal}${opts.output ? `: ${opts.output} is not written` : ''}`));
      };
      process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
      let summary: Awaited<ReturnType<typeof runBatch>>;
      try {
        summary = await runBatch({
          input: file,
          asOf,
          ...(opts.lang ? { lang: opts.lang } : {}),
          rulesDir: opts.rulesDir,
          workers: resolveWorkers(opts.workers),
          progress: opts.progress === true || process.stderr.isTTY === true,
          signal: stop.signal,
          ...(opts.output ? { output: opts.output } : {}),
          ...(opts.format ? { format: opts.format } : {}),
        });
      } catch (e) {
        const { BatchInputError } = await import('./errors.ts');
        if (!(e instanceof BatchInputError) && !stop.signal.aborted) throw e;
        // One line: the file, the row where known, and the reason.
        process.stderr.write(e instanceof BatchInputError ? `error [${e.code}]: ${e.message}\n` : `batch: ${(stop.signal.reason as Error).message}\n`);
        // 128 + the signal's number, as a shell reports a command it stopped
        process.exitCode = e instanceof BatchInputError ? 2 : stopSignal === 'SIGTERM' ? 143 : 130;
        return;
      } finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      }
      const rate = summary.rows / (summary.ms / 1000);
      if (opts.stats) {
        const { writeFileSync } = await import('node:fs');
        // maxRSS covers the whole process, worker threads included (KiB on Linux); cpu is user + system time.
        const usage = process.resourceUsage();
        const stats = { rows: summary.rows, failed: summary.failed, seconds: summary.ms / 1000, rowsPerSec: rate, workers: summary.workers };
        writeFileSync(opts.stats, JSON.stringify({ ...stats, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMb: usage.maxRSS / 1024 }));
      }
      const seconds = (summary.ms / 1000).toFixed(1);
      const to = opts.output ? ` → ${opts.output}` : '';
      process.stderr.write(
        opts.lang === 'zh'
          ? `batch：共 ${summary.rows} 行，评估 ${summary.rows - summary.failed} 行，失败 ${summary.failed} 行；${seconds} 秒（每秒 ${rate.toFixed(0)} 行，${summary.workers === 1 ? '1 个线程' : `${summary.workers} 个工作线程`}）${to}\n`
          : `batch: ${summary.rows} rows, ${summary.rows - summary.failed} evaluated, ${summary.failed} failed; ${seconds} s (${rate.toFixed(0)} rows/s, ${summary.workers === 1 ? '1 thread' : `${summary.workers} worker threads`})${to}\n`,
      );
      if (summary.failed > 0) {
        process.stderr.write(
          opts.lang === 'zh'
            ? `batch：${summary.rows} 行中有 ${summary.failed} 行失败，原因见各行的「错误」列\n`
            : `batch: ${summary.failed} of ${summary.rows} rows failed: the error column says why for each\n`,
        );
        process.exitCode = 1;
      }
    });
}
