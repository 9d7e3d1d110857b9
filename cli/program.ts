import { Command, Option } from 'commander';
import { answerRequest } from '../analysis/index.ts';
import type { Lang } from '../engine/index.ts';
import type { AnswerViewName } from '../schemas/index.ts';
import { BUNDLED_CASES_DIR, formatProblem, lintRules, loadRuleBase, loadRulesDir } from '../loader/index.ts';
import { dateOption, rulesDirOption } from './options.ts';
import { ENGINE_VERSION } from '../engine/index.ts';
import { readRequestFile, todayIso } from './input.ts';
import { textReport } from './report.ts';
import { pinCases, runCases } from './cases.ts';
import { registerAuthoringCommands } from './commands/authoring.ts';
import { registerAnalysisCommands } from './commands/analysis.ts';
import { registerSourceCommand } from './commands/source.ts';
import { registerBatch } from './batch/index.ts';

/** The whole command line, every command with its arguments and options (main.ts parses it; tests read it). */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('cleanprod')
    .description('Guangdong cleaner-production policy as code: cited answers on audits, routes, incentives and sanctions')
    .version(ENGINE_VERSION);

  program
    .command('evaluate')
    .description('evaluate an enterprise profile (YAML or JSON; a bare profile or a request {profile, asOf, ...})')
    .argument('<file>', 'profile or request file (.json is read as JSON, anything else as YAML)')
    .option('--as-of <date>', "evaluation date YYYY-MM-DD (default: the file's asOf, else today)")
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']).default('text'))
    .addOption(new Option('--lang <lang>', "the answer's language (default: the file's language, else zh)").choices(['zh', 'en']))
    .addOption(
      new Option(
        '--view <view>',
        "how much of the answer: summary (verdict), standard (+ decisions, whyNot, questions), full (default: the file's view, else full)",
      ).choices(['summary', 'standard', 'full']),
    )
    .option('--include-out-of-force', 'also evaluate rule sets and rules not in force')
    .addOption(rulesDirOption())
    .action((file: string, opts: { asOf?: string; format: string; lang?: Lang; view?: AnswerViewName; includeOutOfForce?: boolean; rulesDir: string }) => {
      const { request, normalized } = readRequestFile(file);
      const base = loadRuleBase(opts.rulesDir);
      const answer = answerRequest(base, request, {
        today: todayIso,
        normalized,
        override: {
          ...(opts.asOf !== undefined ? { asOf: dateOption('--as-of', opts.asOf) } : {}),
          ...(opts.includeOutOfForce ? { includeOutOfForce: true } : {}),
          ...(opts.lang ? { lang: opts.lang } : {}),
          ...(opts.view ? { view: opts.view } : {}),
        },
      });
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : `${textReport(answer)}\n`);
    });

  program
    .command('lint')
    .description('check every rule file: schema, unique ids, registered operators, known facts, verbatim quotes, validity')
    .addOption(rulesDirOption())
    .option('--ruleset <ids...>', 'only these rule sets')
    .action((opts: { rulesDir: string; ruleset?: string[] }) => {
      const loaded = loadRulesDir(opts.rulesDir, opts.ruleset);
      const problems = lintRules(loaded);
      const ruleCount = loaded.versions.reduce((n, v) => n + v.file.rules.length, 0);
      if (problems.length > 0) {
        for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
        process.stderr.write(`lint: ${problems.length} problem(s)\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `lint: ok — ${new Set(loaded.versions.map((v) => v.file.id)).size} rule sets, ${loaded.versions.length} versions, ${ruleCount} rules\n`,
      );
    });

  program
    .command('cases')
    .description('run the golden cases; --coverage reports which provisions are tested on both sides (exit 1 on any gap, with its fix)')
    .option('--coverage', 'report coverage by rule set and section')
    .option('--pin <ruleset@version>', 'copy the cases that tested rules a later version changed into cases/<ruleset>/<version>/, where they stay with it')
    .option('--cases-dir <dir>', 'golden cases directory', BUNDLED_CASES_DIR)
    .addOption(rulesDirOption())
    .option('--ruleset <ids...>', 'only these rule sets (their rules and the cases filed under them)')
    .action((opts: { coverage?: boolean; pin?: string; casesDir: string; rulesDir: string; ruleset?: string[] }) => {
      process.exitCode =
        opts.pin !== undefined
          ? pinCases(opts.rulesDir, opts.casesDir, opts.pin)
          : runCases(opts.rulesDir, opts.casesDir, opts.coverage === true, opts.ruleset);
    });

  program
    .command('serve')
    .description('serve the HTTP API (HOST, PORT from the environment)')
    .addOption(rulesDirOption())
    .action(async (opts: { rulesDir: string }) => {
      // The rules start loading on their worker thread first; the server's modules load meanwhile.
      const { loadInWorker } = await import('../server/rules/load.ts');
      const loading = loadInWorker(opts.rulesDir);
      const { startServer } = await import('../server/server.ts');
      await startServer({ rulesDir: opts.rulesDir, loading });
    });

  registerBatch(program, rulesDirOption);

  registerAnalysisCommands(program);
  registerAuthoringCommands(program);
  registerSourceCommand(program);
  return program;
}
