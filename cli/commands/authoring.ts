import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { referenceDoc } from '../../analysis/index.ts';
import { RuleLoadError, prepareRuleBase } from '../../engine/index.ts';
import {
  BUNDLED_RULES_DIR,
  createNewVersion,
  formatProblem,
  inProject,
  lintRules,
  loadRulesDir,
  newLock,
  readLock,
  release,
  writeLock,
  type Bump,
} from '../../loader/index.ts';
import { rulesDirOption } from '../options.ts';

/** new-version and release: how a policy officer amends a released rule set. */
export function registerAuthoringCommands(program: Command): void {
  program
    .command('new-version')
    .description('start the next version of a rule set: a delta on its newest version (validity, sources and rules carried over) and a CHANGELOG entry')
    .argument('<ruleset>', 'rule set id, e.g. cppl')
    .addOption(new Option('--patch', 'x.y.Z: a correction that changes no outcome (wording, a quote, an explanation)').conflicts(['minor', 'major']))
    .addOption(new Option('--minor', 'x.Y.0 (default): a provision added, or a reading corrected').conflicts(['patch', 'major']))
    .addOption(new Option('--major', 'X.0.0: a new edition of the document (e.g. an amended law)').conflicts(['patch', 'minor']))
    .addOption(rulesDirOption())
    .action((id: string, opts: { patch?: boolean; minor?: boolean; major?: boolean; rulesDir: string }) => {
      const bump: Bump = opts.patch ? 'patch' : opts.major ? 'major' : 'minor';
      const v = createNewVersion(opts.rulesDir, id, bump);
      process.stdout.write(
        [
          `created ${v.file}: ${id} ${v.version}, a delta on ${v.extends} (validity ${v.validity} carried over; ${v.extends} stays as released)`,
          `added the entry '## ${v.version}' to ${v.changelog}`,
          '',
          'next:',
          `  1. edit ${v.file}: rules.add / change / replace / remove (rules/README.md, "Amending a released rule set")`,
          `  2. say in ${v.changelog} what changed, why, and which periods it affects`,
          `  3. give each new or changed rule golden cases on both sides: cases/${id}/<sentence>.yaml`,
          `     (if you change a rule, first run \`npx cleanprod cases --pin ${id}@${v.extends}\` so ${v.extends}'s cases stay with it)`,
          '  4. npx cleanprod lint && npx cleanprod cases --coverage',
          `  5. npx cleanprod release    (locks ${id}@${v.version}; a released file never changes again)`,
          '',
        ].join('\n'),
      );
    });

  program
    .command('release')
    .description('lock versions as released (their content hash goes into rules/versions.lock.json; a released file is immutable)')
    .argument('[versions...]', 'id@version to release (default: every unreleased version)')
    .addOption(rulesDirOption())
    .action((keys: string[], opts: { rulesDir: string }) => {
      const loaded = loadRulesDir(opts.rulesDir);
      const problems = lintRules(loaded);
      if (problems.length > 0) {
        for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
        throw new RuleLoadError(
          `cannot release: ${problems.length} lint problem(s)`,
          problems.map((p) => ({ path: `${p.file}${p.ruleId ? `#${p.ruleId}` : ''}`, message: p.message })),
        );
      }
      const { lock, released } = release(loaded, readLock(opts.rulesDir) ?? newLock(), keys.length ? keys : undefined);
      writeLock(opts.rulesDir, lock);
      process.stdout.write(released.length ? `released: ${released.join(', ')}\n` : 'nothing to release\n');
      // The reference (docs/reference.md) lists every version of the bundled rule sets: a release of those updates it,
      // as `npm run docs` would (from the rules just read and linted), so that the test comparing it with what the rule
      // sets generate keeps passing.
      const docs = inProject('docs', 'reference.md');
      if (released.length > 0 && resolve(opts.rulesDir) === resolve(BUNDLED_RULES_DIR) && existsSync(docs)) {
        writeFileSync(docs, referenceDoc(prepareRuleBase(loaded.versions, loaded.derivedFacts)));
        process.stdout.write('updated docs/reference.md (it lists the versions)\n');
      }
    });
}
