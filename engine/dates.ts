/** Calendar arithmetic on ISO dates (YYYY-MM-DD strings compare correctly as strings). */
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2014-02-30 is not). */
export function isIsoDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Results of the date sums below, kept: duties add the same years to the same dates for every enterprise. */
const SUMS = new Map<string, string>();
const SUMS_KEPT = 4096;
function remembered(key: string, compute: () => string): string {
  let out = SUMS.get(key);
  if (out === undefined) {
    out = compute();
    if (SUMS.size >= SUMS_KEPT) SUMS.clear();
    SUMS.set(key, out);
  }
  return out;
}

export function addYears(date: string, years: number): string {
  return remembered(`${date}+${years}y`, () => yearsAdded(date, years));
}

function yearsAdded(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const whole = Math.floor(years);
  const months = Math.round((years - whole) * 12);
  const target = new Date(Date.UTC(y + whole, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return remembered(`${date}+${days}d`, () => daysAdded(date, days));
}

function daysAdded(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Whole years from `from` to `to` (negative if `to` is earlier). */
export function wholeYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

export const covers = (from: string | null | undefined, to: string | null | undefined, date: string): boolean => (!from || from <= date) && (!to || date <= to);

/** A closed range of days; `to` null = open-ended. */
export type DateRange = readonly [from: string, to: string | null];

/** The days of `range` that none of `others` covers (a version's days where no higher version covers the date). */
export function subtractRanges(range: DateRange, others: readonly DateRange[]): DateRange[] {
  let parts: DateRange[] = [range];
  for (const [from, to] of others) {
    const next: DateRange[] = [];
    for (const [a, b] of parts) {
      const overlaps = (to === null || a <= to) && (b === null || from <= b);
      if (!overlaps) {
        next.push([a, b]);
        continue;
      }
      if (a < from) next.push([a, addDays(from, -1)]);
      if (to !== null && (b === null || to < b)) next.push([addDays(to, 1), b]);
    }
    parts = next;
  }
  return parts;
}

export const inRanges = (ranges: readonly DateRange[], date: string): boolean => ranges.some(([from, to]) => covers(from, to, date));
