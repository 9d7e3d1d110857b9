import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareSemver, UnknownRuleSetError, ValidationError } from '../engine/index.ts';
import { loadRulesDir } from './load.ts';

export type Bump = 'patch' | 'minor' | 'major';

export function bumpVersion(version: string, bump: Bump): string {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return bump === 'major' ? `${major + 1}.0.0` : bump === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

export interface NewVersion {
  id: string;
  version: string;
  extends: string;
  file: string;
  changelog: string;
  validity: string;
}

/**
 * Writes the next version of a rule set as a delta on its newest version (nothing changed yet: every rule, the validity
 * and the sources carried over) and a CHANGELOG entry for it. Refuses to overwrite an existing file.
 */
export function createNewVersion(dir: string, id: string, bump: Bump): NewVersion {
  const loaded = loadRulesDir(dir, [id]);
  const versions = loaded.versions.filter((v) => v.file.id === id).sort((a, b) => compareSemver(a.file.version, b.file.version));
  const newest = versions[versions.length - 1];
  if (!newest) {
    const problems = loaded.problems.map((p) => `${p.file}: ${p.message}`).join('; ');
    throw new UnknownRuleSetError(`rule set '${id}' has no valid version in ${dir}${problems ? ` (${problems})` : ''}`, 'ruleset');
  }
  const base = newest.file;
  const version = bumpVersion(base.version, bump);
  const path = join(dir, id, `${version}.yaml`);
  if (existsSync(path))
    throw new ValidationError(`${relative(process.cwd(), path)} already exists`, [{ path: 'version', message: `${version} exists: edit it, or bump from it` }]);
  const validity = `${base.validFrom} – ${base.validTo ?? 'open'}`;
  const defs = newest.definitions;
  writeFileSync(
    path,
    [
      `# ${base.title.zh} — version ${version}, written as a delta on ${base.version}.`,
      `# Everything not stated here is ${base.version}'s: its rules, definitions, sources, assumptions and validity (${validity}).`,
      '# Conditions in the short form (rules/README.md, "Conditions"): entries that must all hold, e.g.',
      '#   conditions: { energy.exceedsConsumptionQuota: true }',
      '#   conditions: { sector: industry, size.annualRevenue: { gte: 2000 }, any: [{ audit.mandatoryListed.listed: true }, { use: <definition> }] }',
      `# Definitions of ${base.version} (use: <name>): ${defs.length > 0 ? defs.join(', ') : 'none'}.`,
      "# A citation names the rule set's document unless it says otherwise: citation: { section: 第…条, quote: … }.",
      '# Under rules: add (new rules; `after: <id>` places one), change (an id and the fields to set; `unset: [field]`',
      '# drops one), replace (whole rules by id), remove (ids). Under definitions: add, replace (every rule that uses it',
      '# follows), remove. See rules/README.md, "Amending a released rule set".',
      `id: ${id}`,
      `version: ${version}`,
      `extends: ${base.version}`,
      'rules:',
      '  add: []',
      '  change: []',
      '  remove: []',
      '',
    ].join('\n'),
  );
  const changelogPath = join(dir, id, 'CHANGELOG.md');
  const entry = `## ${version} (extends ${base.version}; ${validity})\nRestates ${base.version} without change so far (written by cleanprod new-version): say here what changed, why, and\nwhich periods it affects.\n`;
  const current = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : `# ${id} — changelog\n`;
  const at = current.search(/^## /m);
  writeFileSync(changelogPath, at < 0 ? `${current.trimEnd()}\n\n${entry}` : `${current.slice(0, at)}${entry}\n${current.slice(at)}`);
  return {
    id,
    version,
    extends: base.version,
    file: relative(process.cwd(), path) || path,
    changelog: relative(process.cwd(), changelogPath) || changelogPath,
    validity,
  };
}
