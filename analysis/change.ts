import { bilingualDetail, type ErrorDetail, ValidationError } from '../engine/index.ts';
import { describeErrors, profileHasPath, validatorFor, type Profile } from '../schemas/index.ts';

export interface ProfileChange {
  /** A dotted profile path, e.g. environment.exceedsDischargeStandard. */
  path: string;
  /** The new value; leave it out with `remove: true` to make the fact unknown. */
  value?: unknown;
  remove?: boolean;
}

const TEXT = {
  notAProfileField: (path: string) => ({ en: `'${path}' is not a profile field`, zh: `「${path}」不是企业信息中的字段` }),
  invalidChanges: { en: 'invalid changes', zh: '修改无效' },
  changedProfileInvalid: { en: 'the changed profile is invalid', zh: '修改后的企业信息无效' },
};

const validateProfile = validatorFor<Profile>('Profile');

/**
 * A copy of the profile with the changes applied; the result must still be a valid profile. A bad change — a path
 * that is not a profile field, or a value that makes the profile invalid — is a ValidationError in both languages,
 * naming each field.
 */
export function applyChanges(profile: Profile, changes: readonly ProfileChange[]): Profile {
  const bad = changes.flatMap((c, i) => (profileHasPath(c.path.split('.')) ? [] : [bilingualDetail(`changes[${i}].path`, TEXT.notAProfileField(c.path))]));
  if (bad.length > 0) throw new ValidationError(bad.length === 1 ? withPath(bad[0]!) : TEXT.invalidChanges, bad);
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
  if (validateProfile(out)) return out;
  const en = describeErrors(validateProfile.errors, 'profile', 'en');
  const zh = describeErrors(validateProfile.errors, 'profile', 'zh');
  const details: ErrorDetail[] = en.map((e, i) => bilingualDetail(e.path, { en: e.message, zh: zh[i]?.message ?? e.message }));
  throw new ValidationError(
    {
      en: `${TEXT.changedProfileInvalid.en}: ${en.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      zh: `${TEXT.changedProfileInvalid.zh}：${zh.map((e) => `${e.path}：${e.message}`).join('；')}`,
    },
    details,
  );
}

const withPath = (d: ErrorDetail) => ({ en: `${d.path}: ${d.text?.en ?? d.message}`, zh: `${d.path}：${d.text?.zh ?? d.message}` });
