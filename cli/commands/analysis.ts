import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { diffToMarkdown, diffToText, diffVersions, impact, impactToText, synthesize, timeline, verifyAnswer } from '../../analysis/index.ts';
import { ValidationError, versionOf } from '../../engine/index.ts';
import { loadRuleBase } from '../../loader/index.ts';
import { readRequestFile, todayIso } from '../input.ts';
import { validatorFor, type Answer } from '../../schemas/index.ts';
import { readProfiles } from '../profiles.ts';
import { dateOption, rulesDirOption } from '../options.ts';

/** diff, impact, synth, verify and timeline: the commands policy staff and officials use on rule versions and answers. */
export function registerAnalysisCommands(program: Command): void {
  program
    .command('diff')
    .description('structural and semantic diff of two versions of a rule set')
    .argument('<ruleset>', 'rule set id, e.g. cppl')
    .argument('<from>', 'older version')
    .argument('<to>', 'newer version')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json', 'text']).default('md'))
    .addOption(rulesDirOption())
    .action((id: string, from: string, to: string, opts: { format: string; rulesDir: string }) => {
      const base = loadRuleBase(opts.rulesDir);
      const d = diffVersions(versionOf(base, id, from, 'from'), versionOf(base, id, to, 'to'));
      process.stdout.write(`${opts.format === 'json' ? JSON.stringify(d, null, 2) : opts.format === 'text' ? diffToText(d) : diffToMarkdown(d)}\n`);
    });

  program
    .command('impact')
    .description('which profiles of a population change between two versions of a rule set')
    .argument('<ruleset>', 'rule set id, e.g. cppl')
    .argument('<from>', 'the older version, e.g. 1.0.0')
    .argument('<to>', 'the newer version, e.g. 2.0.0')
    .option('--profiles <path>', 'a directory of profiles, a .jsonl file or a .json/.yaml array (default: a synthetic population, see --n and --seed)')
    .option('--n <n>', "how many synthetic profiles, as the API's synthetic.n", '10000')
    .option('--seed <seed>', "seed of the synthetic population, as the API's synthetic.seed", '42')
    .option('--as-of <date>', "evaluation date (default: the newer version's start)")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(rulesDirOption())
    .action((id: string, from: string, to: string, opts: { profiles?: string; n: string; seed: string; asOf?: string; format: string; rulesDir: string }) => {
      const base = loadRuleBase(opts.rulesDir);
      const population = opts.profiles ? readProfiles(opts.profiles) : synthesize(wholeNumber('--n', opts.n, 1), wholeNumber('--seed', opts.seed));
      const report = impact(base, id, from, to, population, opts.asOf === undefined ? undefined : dateOption('--as-of', opts.asOf));
      process.stdout.write(`${opts.format === 'json' ? JSON.stringify(report, null, 2) : impactToText(report)}\n`);
    });

  program
    .command('synth')
    .description('realistic, schema-valid synthetic enterprise profiles (JSON lines), reproducible from the seed')
    .option('--n <n>', 'how many', '1000')
    .option('--seed <seed>', 'random seed', '42')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((opts: { n: string; seed: string; output?: string }) => {
      const n = wholeNumber('--n', opts.n, 0);
      const seed = wholeNumber('--seed', opts.seed);
      const lines: string[] = [];
      for (const p of synthesize(n, seed)) lines.push(JSON.stringify(p));
      const text = lines.length ? `${lines.join('\n')}\n` : '';
      if (opts.output) writeFileSync(opts.output, text);
      else process.stdout.write(text);
    });

  program
    .command('verify')
    .description(
      "re-check a stored answer's receipt: same profile, same rule-set versions (content hashes), and the same decisions when json-rules-engine decides again",
    )
    .argument('<request>', 'the profile or request file the answer was made for (YAML or JSON)')
    .argument('<answer>', 'the stored answer (JSON, as evaluate --format json or POST /v1/evaluate gave it)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(rulesDirOption())
    .action(async (requestFile: string, answerFile: string, opts: { format: string; rulesDir: string }) => {
      const { request } = readRequestFile(requestFile);
      let answer: Answer;
      try {
        answer = JSON.parse(readFileSync(answerFile, 'utf8')) as Answer;
      } catch (e) {
        throw new ValidationError(`${answerFile}: not a JSON answer: ${(e as Error).message}`, [
          { path: '<answer>', message: 'a JSON answer as evaluate --format json prints it' },
        ]);
      }
      if (!validatorFor<Answer>('Answer')(answer))
        throw new ValidationError(`${answerFile}: not an answer of this API (see GET /openapi.json, Answer)`, [{ path: '<answer>', message: 'an Answer' }]);
      const result = await verifyAnswer(loadRuleBase(opts.rulesDir), request.profile, answer);
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify({ holds: result.holds, checks: result.checks }, null, 2)}\n`);
      else {
        for (const c of result.checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.detail}\n`);
        const zh = answer.language === 'zh';
        process.stdout.write(
          result.holds ? (zh ? '该答复仍然成立\n' : 'the answer still holds\n') : zh ? '该答复已不再成立\n' : 'the answer no longer holds\n',
        );
      }
      process.exitCode = result.holds ? 0 : 1;
    });

  program
    .command('timeline')
    .description('a profile evaluated at every date where a rule set or rule begins or ends: the periods its obligations held')
    .argument('<file>', 'profile or request file')
    .option('--from <date>', 'start', '2003-01-01')
    .option('--to <date>', 'end (default: today)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(rulesDirOption())
    .action((file: string, opts: { from: string; to?: string; format: string; rulesDir: string }) => {
      const { request } = readRequestFile(file);
      const base = loadRuleBase(opts.rulesDir);
      const t = timeline(base, request.profile, {
        from: dateOption('--from', opts.from),
        to: opts.to === undefined ? todayIso() : dateOption('--to', opts.to),
        ...(request.rulesets ? { rulesets: request.rulesets } : {}),
      });
      if (opts.format === 'json') {
        process.stdout.write(`${JSON.stringify(t, null, 2)}\n`);
        return;
      }
      for (const p of t.periods) {
        const due = p.audit.dueBy
          ? `, due ${p.audit.dueBy} (${p.audit.dueBasis.join(', ')})${p.audit.overdue ? ' OVERDUE' : p.audit.overdue === null ? ' overdue not known' : ''}`
          : '';
        process.stdout.write(
          `${p.from} – ${p.to}: audit ${p.audit.status}${p.audit.basis.length ? ` (${p.audit.basis.join(', ')})` : ''}${due}; route ${p.route}; ${p.incentives.length} incentives, ${p.sanctions.length} sanctions, ${p.obligations.length} obligations; in force: ${p.rulesetsInForce.join(' ')}\n`,
        );
      }
      if (t.points.length > 0) {
        process.stdout.write('\naudit duty dates:\n');
        for (const x of t.points) process.stdout.write(`  ${x.date} ${x.kind.padEnd(7)} ${x.id} (${x.ruleset} ${x.version})\n`);
      }
    });
}

/** A whole-number option (at least `min` when given), or a clear error naming it. */
function wholeNumber(name: string, given: string, min?: number): number {
  const n = Number(given);
  if (!Number.isInteger(n) || (min !== undefined && n < min)) {
    const expected = min === undefined ? 'a whole number' : `a whole number ≥ ${min}`;
    throw new ValidationError(`${name}: expected ${expected}, got '${given}'`, [{ path: name, message: expected }]);
  }
  return n;
}
