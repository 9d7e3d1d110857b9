import { keysForCode } from '../../schemas/industries.ts';
import type { Answer, Profile } from '../../schemas/index.ts';

/** Counts of one group of rows (all of them, a city, an industry). */
export interface GroupCounts {
  /** rows evaluated */
  rows: number;
  /** audit status mandatory or required: the enterprise must carry out an audit */
  mustAudit: number;
  /** an audit duty in force is overdue on the evaluation date */
  overdue: number;
  /** at least one due date passed unmet (summary.audit.missed), also of plans no longer in force */
  missed: number;
}

/**
 * What a run of rows came to, for a summary before the file is downloaded: counts overall, by audit status, by city
 * and by industry (the profile's keys and the keys its GB/T codes map to; a row counts under each of them), and the failed rows.
 * Bounded: cities and industries are keys of the profile schema's closed lists (plus `(none)` where not given).
 */
export interface BatchStats {
  rows: number;
  failed: number;
  all: GroupCounts;
  status: Record<string, number>;
  byCity: Record<string, GroupCounts>;
  byIndustry: Record<string, GroupCounts>;
}

/** The key under which rows without a city or industry are counted. */
export const NONE = '(none)';

export const emptyStats = (): BatchStats => ({
  rows: 0,
  failed: 0,
  all: { rows: 0, mustAudit: 0, overdue: 0, missed: 0 },
  status: {},
  byCity: {},
  byIndustry: {},
});

const MUST = new Set(['mandatory', 'required']);

function add(into: Record<string, GroupCounts>, key: string, one: GroupCounts): void {
  into[key] ??= { rows: 0, mustAudit: 0, overdue: 0, missed: 0 };
  const g = into[key];
  g.rows += one.rows;
  g.mustAudit += one.mustAudit;
  g.overdue += one.overdue;
  g.missed += one.missed;
}

/** Counts one evaluated row. */
export function countRow(stats: BatchStats, profile: Profile, answer: Answer): void {
  const audit = answer.summary.audit;
  const one: GroupCounts = {
    rows: 1,
    mustAudit: MUST.has(audit.status) ? 1 : 0,
    overdue: audit.overdue === true ? 1 : 0,
    missed: audit.missed.length > 0 ? 1 : 0,
  };
  stats.rows += 1;
  add({ all: stats.all }, 'all', one);
  stats.status[audit.status] = (stats.status[audit.status] ?? 0) + 1;
  add(stats.byCity, profile.location?.city ?? NONE, one);
  const industries = new Set([...(profile.industry?.keys ?? []), ...(profile.industry?.codes ?? []).flatMap((c) => keysForCode(c))]);
  for (const key of industries.size > 0 ? industries : [NONE]) add(stats.byIndustry, key, one);
}

/** Counts one row that could not be evaluated. */
export function countFailed(stats: BatchStats): void {
  stats.rows += 1;
  stats.failed += 1;
}

/** Adds `more` (a later chunk's counts) into `stats`. */
export function mergeStats(stats: BatchStats, more: BatchStats): BatchStats {
  stats.rows += more.rows;
  stats.failed += more.failed;
  add({ all: stats.all }, 'all', more.all);
  for (const [k, n] of Object.entries(more.status)) stats.status[k] = (stats.status[k] ?? 0) + n;
  for (const [k, g] of Object.entries(more.byCity)) add(stats.byCity, k, g);
  for (const [k, g] of Object.entries(more.byIndustry)) add(stats.byIndustry, k, g);
  return stats;
}
