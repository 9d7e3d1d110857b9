import { selectVersion, type PreparedVersion } from '../../engine/index.ts';
import { bundled } from './rulebase.ts';

/**
 * Rule-set versions as the rules directory has them, so that no test hard-codes "the newest cppl is 2.0.0": a new
 * release changes what these return, not what the tests assert.
 */
export const versionsOf = (id: string): readonly PreparedVersion[] => bundled().rulesets.get(id) ?? [];
export const versionNames = (id: string): string[] => versionsOf(id).map((v) => v.version);
export const newestVersion = (id: string): string => versionNames(id).at(-1)!;
/** The version used on a date (the highest whose validity covers it). */
export const versionOn = (id: string, date: string): PreparedVersion => selectVersion(id, versionsOf(id), date).version;
