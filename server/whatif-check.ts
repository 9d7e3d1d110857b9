import type { ProfileChange } from '../analysis/index.ts';
import { bilingualDetail, type ErrorDetail, ValidationError } from '../engine/index.ts';
import { describeErrors, type Profile, profileHasPath, validatorFor } from '../schemas/index.ts';
import { SERVER_TEXT as T } from './problems/messages.ts';

const validateProfile = validatorFor<Profile>('Profile');

/**
 * What-if's changes, checked before the analysis applies them, so that a bad one is a problem in both languages:
 * every path must be a profile field, and the changed profile must still be valid (named field by field).
 */
export function checkChanges(profile: Profile, changes: readonly ProfileChange[]): void {
  const bad = changes.flatMap((c, i) => (profileHasPath(c.path.split('.')) ? [] : [bilingualDetail(`changes[${i}].path`, T.notAProfileField(c.path))]));
  if (bad.length > 0) throw new ValidationError(bad.length === 1 ? withPath(bad[0]!) : T.invalidRequest, bad);
  const out = structuredClone(profile) as Record<string, unknown>;
  for (const c of changes) {
    const segments = c.path.split('.');
    let obj = out;
    for (const seg of segments.slice(0, -1)) {
      const next = obj[seg];
      if (next === undefined || next === null || typeof next !== 'object') obj[seg] = {};
      obj = obj[seg] as Record<string, unknown>;
    }
    const last = segments[segments.length - 1]!;
    if (c.remove) delete obj[last];
    else obj[last] = structuredClone(c.value);
  }
  if (validateProfile(out)) return;
  const en = describeErrors(validateProfile.errors, 'profile', 'en');
  const zh = describeErrors(validateProfile.errors, 'profile', 'zh');
  const details: ErrorDetail[] = en.map((e, i) => bilingualDetail(e.path, { en: e.message, zh: zh[i]?.message ?? e.message }));
  throw new ValidationError(T.changedProfileInvalid, details);
}

const withPath = (d: ErrorDetail) => ({ en: `${d.path}: ${d.text?.en ?? d.message}`, zh: `${d.path}：${d.text?.zh ?? d.message}` });
