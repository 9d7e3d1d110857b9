import { ValidationError } from '../engine/index.ts';
import { describeErrors, profileHasPath, validatorFor, type Profile } from '../schemas/index.ts';

export interface ProfileChange {
  /** A dotted profile path, e.g. environment.exceedsDischargeStandard. */
  path: string;
  /** The new value; leave it out with `remove: true` to make the fact unknown. */
  value?: unknown;
  remove?: boolean;
}

/** A copy of the profile with the changes applied; the result must still be a valid profile. */
export function applyChanges(profile: Profile, changes: readonly ProfileChange[]): Profile {
  const out = structuredClone(profile) as Record<string, unknown>;
  changes.forEach((c, i) => {
    const segments = c.path.split('.');
    if (!profileHasPath(segments))
      throw new ValidationError(`changes[${i}].path: '${c.path}' is not a profile field`, [
        { path: `changes[${i}].path`, message: `'${c.path}' is not a profile field` },
      ]);
    let obj = out;
    for (const seg of segments.slice(0, -1)) {
      const next = obj[seg];
      if (next === undefined || next === null || typeof next !== 'object') obj[seg] = {};
      obj = obj[seg] as Record<string, unknown>;
    }
    const last = segments[segments.length - 1]!;
    if (c.remove) delete obj[last];
    else obj[last] = structuredClone(c.value);
  });
  const validate = validatorFor<Profile>('Profile');
  if (!validate(out)) {
    const errors = describeErrors(validate.errors, 'profile');
    throw new ValidationError(`the changed profile is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
  }
  return out;
}
