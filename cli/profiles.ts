import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ValidationError } from '../engine/index.ts';
import { describeErrors, validatorFor, type Profile } from '../schemas/index.ts';

/**
 * Reads a population of profiles: a directory of .yaml/.json profiles, a .jsonl file (one per line), or a .json/.yaml
 * file holding an array. Every profile is validated; the first invalid one is reported with where it is.
 */
export function readProfiles(path: string): Profile[] {
  const validate = validatorFor<Profile>('Profile');
  const check = (doc: unknown, where: string): Profile => {
    const profile = doc !== null && typeof doc === 'object' && 'profile' in doc ? (doc as { profile: unknown }).profile : doc;
    if (!validate(profile)) {
      const errors = describeErrors(validate.errors);
      throw new ValidationError(`${where}: invalid profile: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
    }
    return profile;
  };
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort()
      .map((f) => check(parseYaml(readFileSync(join(path, f), 'utf8')), join(path, f)));
  }
  const text = readFileSync(path, 'utf8');
  if (extname(path) === '.jsonl') {
    return text
      .split('\n')
      .map((line, i) => [line.trim(), i + 1] as const)
      .filter(([line]) => line.length > 0)
      .map(([line, n]) => {
        try {
          return check(JSON.parse(line), `${path}:${n}`);
        } catch (e) {
          if (e instanceof SyntaxError) throw new ValidationError(`${path}:${n}: not JSON: ${e.message}`, [{ path: `line ${n}`, message: 'not JSON' }]);
          throw e;
        }
      });
  }
  const doc = parseYaml(text);
  return Array.isArray(doc) ? doc.map((p, i) => check(p, `${path}[${i}]`)) : [check(doc, path)];
}
