import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../loader/index.ts';

/** Options and helpers shared by the bench's parts. */
const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, json: { type: 'string' } } });
export const JSON_OUT = args.json;
export const QUICK = args.quick === true;
export const ROOT = PROJECT_ROOT;
export const DATES = ['2012-08-01', '2014-06-01', '2017-06-01', '2021-06-01', '2024-06-01'];
export const SEED = 42;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: percentile(s, 0.5), p99: percentile(s, 0.99) };
}
export const now = () => Number(process.hrtime.bigint()) / 1000;
