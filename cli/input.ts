import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { EvaluateRequest, Normalization } from '../schemas/index.ts';
import { describeErrors, normalizeProfile, validatorFor } from '../schemas/index.ts';
import { ValidationError } from '../engine/index.ts';

/** A request read from a file, with the names read as keys on the way (reported as `normalized` warnings). */
export interface RequestFile {
  readonly request: EvaluateRequest;
  readonly normalized: readonly Normalization[];
}

/** The file's text, or a clear error: not found, a directory, or unreadable. */
function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new ValidationError(`${path}: ${why}`, [{ path: '(file)', message: why }]);
  }
}

/** Parses JSON (a `.json` file, with the JSON parser's own message) or YAML (anything else, which includes JSON). */
function parseDocument(path: string, text: string): unknown {
  const json = extname(path).toLowerCase() === '.json';
  try {
    return json ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true });
  } catch (e) {
    const message = String((e as Error).message).split('\n')[0];
    throw new ValidationError(`${path}: not valid ${json ? 'JSON' : 'YAML'}: ${message}`, [
      { path: '(file)', message: `not valid ${json ? 'JSON' : 'YAML'}: ${message}` },
    ]);
  }
}

/**
 * Reads an evaluate input file (YAML or JSON). It may be a whole request `{profile, asOf, ...}` or a bare profile.
 * Place and industry names written in Chinese are read as their keys (listed in `normalized`); otherwise the file is
 * validated against the schema as it is, never altered.
 */
export function readRequestFile(path: string): RequestFile {
  const doc = parseDocument(path, readText(path));
  const bare = !(doc !== null && typeof doc === 'object' && 'profile' in doc);
  const given = bare ? { profile: doc } : (doc as Record<string, unknown>);
  const { profile, notes } = normalizeProfile(given.profile, bare ? '' : 'profile');
  const request = { ...given, profile };
  const validate = validatorFor<EvaluateRequest>('EvaluateRequest');
  if (!validate(request)) {
    const errors = describeErrors(validate.errors).map((e) => (bare ? { ...e, path: e.path.replace(/^profile\.?/, '') || '(root)' } : e));
    throw new ValidationError(`${path}: invalid input`, errors);
  }
  // Warnings name profile paths as the answer does (`location.city`), whether the file held a request or a profile.
  return { request, normalized: notes.map((n) => ({ ...n, path: n.path.replace(/^profile\./, '') })) };
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
