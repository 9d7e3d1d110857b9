import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { compareSemver, UnknownRuleSetError } from '../../engine/index.ts';
import { loadLintedRules, type SourceLanguage, sourceMarkdown } from '../../loader/index.ts';
import { rulesDirOption } from '../options.ts';

/** `source`: a version's source text with the rules that quote each passage, for policy staff reviewing an encoding. */
export function registerSourceCommand(program: Command): void {
  program
    .command('source')
    .description("a rule-set version's source text as Markdown: each passage with the rules that quote it; passages no rule quotes are marked")
    .argument('<ruleset>', 'rule set id, optionally with @version (default: its newest version), e.g. cppl@2.2.0')
    .option('--out <file>', 'write the Markdown to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'language of the headings, labels and rule titles').choices(['en', 'zh']).default('en'))
    .addOption(rulesDirOption())
    .action((spec: string, opts: { out?: string; lang: SourceLanguage; rulesDir: string }) => {
      const at = spec.indexOf('@');
      const id = at < 0 ? spec : spec.slice(0, at);
      const wanted = at < 0 ? undefined : spec.slice(at + 1);
      const loaded = loadLintedRules(opts.rulesDir, [id]);
      const versions = loaded.versions.filter((v) => v.file.id === id).sort((a, b) => compareSemver(a.file.version, b.file.version));
      if (versions.length === 0) throw new UnknownRuleSetError(`unknown rule set '${id}' in ${opts.rulesDir}`, 'ruleset');
      const v = wanted === undefined ? versions[versions.length - 1]! : versions.find((x) => x.file.version === wanted);
      if (!v) throw new UnknownRuleSetError(`${id} has no version '${wanted}' (versions: ${versions.map((x) => x.file.version).join(', ')})`, 'version');
      const text = loaded.sources.get(`${id}/${v.file.source.file}`)!;
      const md = sourceMarkdown(v.file, text, opts.lang);
      if (opts.out) {
        writeFileSync(opts.out, md.markdown);
        process.stdout.write(
          `wrote ${opts.out}: ${id} ${v.file.version}, ${md.quoted} of ${md.passages} passages quoted by ${md.quoters} rules and warnings\n`,
        );
      } else process.stdout.write(md.markdown);
    });
}
