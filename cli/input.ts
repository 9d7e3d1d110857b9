import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { EvaluateRequest } from '../schemas/index.ts';
import { describeErrors, validatorFor } from '../schemas/index.ts';
import { ValidationError } from '../engine/index.ts';

/**
 * Reads an evaluate input file (YAML or JSON). It may be a whole request `{profile, asOf, ...}` or a bare profile;
 * either way it is validated against the schema and never altered.
 */
export function readRequestFile(path: string): EvaluateRequest {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, 'utf8'), { uniqueKeys: true });
  } catch (e) {
    throw new ValidationError(`${path}: cannot read: ${String((e as Error).message).split('\n')[0]}`, [{ path: '(file)', message: 'not readable YAML/JSON' }]);
  }
  const request = doc !== null && typeof doc === 'object' && 'profile' in doc ? doc : { profile: doc };
  const validate = validatorFor<EvaluateRequest>('EvaluateRequest');
  if (!validate(request)) {
    const bare = !(doc !== null && typeof doc === 'object' && 'profile' in doc);
    const errors = describeErrors(validate.errors).map((e) => (bare ? { ...e, path: e.path.replace(/^profile\.?/, '') || '(root)' } : e));
    throw new ValidationError(`${path}: invalid input`, errors);
  }
  return request;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
