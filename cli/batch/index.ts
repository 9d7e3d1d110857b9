import { Option, type Command } from 'commander';
import { dateOption } from '../options.ts';

export type { BatchOptions, BatchSummary } from './run.ts';

/**
 * Registers `cleanprod batch <file>`. The heavy modules (csv, exceljs, workers) load only when the command runs.
 */
export function registerBatch(program: Command, rulesDirOption: () => Option): void {
  program
    .command('batch')
    .description('evaluate a spreadsheet of enterprises (CSV, xlsx or JSONL; one per row) into one result row each — column layout in examples/README.md')
    .argument('<file>', 'enterprises: .csv, .xlsx (first sheet) or .jsonl')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD for rows without an asOf column value (default: today)')
    .option('-o, --output <file>', 'results file: .csv, .xlsx or .jsonl (full answers); default CSV on stdout')
    .addOption(new Option('--format <format>', 'output format when writing to stdout').choices(['csv', 'jsonl']))
    .option('--workers <n>', 'threads evaluating: this one and n − 1 worker threads (0 or auto = one per CPU)', '1')
    .option('--progress', 'show a progress bar on stderr even when it is not a terminal')
    .option('--stats <file>', "also write the run's figures as JSON (rows, seconds, rows/s, workers, peak RSS) — used by npm run bench")
    .addOption(rulesDirOption())
    .action(
      async (
        file: string,
        opts: { asOf?: string; output?: string; format?: 'csv' | 'jsonl'; workers: string; progress?: boolean; stats?: string; rulesDir: string },
      ) => {
        const asOf = dateOption('--as-of', opts.asOf ?? new Date().toISOString().slice(0, 10));
        const { runBatch, resolveWorkers } = await import('./run.ts');
        const summary = await runBatch({
          input: file,
          asOf,
          rulesDir: opts.rulesDir,
          workers: resolveWorkers(opts.workers),
          progress: opts.progress === true || process.stderr.isTTY === true,
          ...(opts.output ? { output: opts.output } : {}),
          ...(opts.format ? { format: opts.format } : {}),
        });
        const rate = summary.rows / (summary.ms / 1000);
        if (opts.stats) {
          const { writeFileSync } = await import('node:fs');
          // maxRSS covers the whole process, worker threads included (KiB on Linux).
          const peakRssMb = process.resourceUsage().maxRSS / 1024;
          writeFileSync(
            opts.stats,
            JSON.stringify({
              rows: summary.rows,
              failed: summary.failed,
              seconds: summary.ms / 1000,
              rowsPerSec: rate,
              workers: summary.workers,
              jobs: summary.jobs,
              peakRssMb,
            }),
          );
        }
        process.stderr.write(
          `batch: ${summary.rows} rows, ${summary.rows - summary.failed} evaluated, ${summary.failed} with errors; ${(summary.ms / 1000).toFixed(1)} s (${rate.toFixed(0)} rows/s, ${summary.workers} thread${summary.workers === 1 ? '' : 's'})${opts.output ? ` → ${opts.output}` : ''}\n`,
        );
      },
    );
}
