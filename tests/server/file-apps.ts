import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp } from '../../server/app.ts';
import type { JobsConfig } from '../../server/jobs/config.ts';
import { bundled } from '../support/rulebase.ts';

/** The file route's tests' shared pieces: the example sheets, and apps whose jobs live in a directory of their own. */
export const ROOT = new URL('../../', import.meta.url).pathname;
export const CSV = readFileSync(join(ROOT, 'examples/enterprises.csv'));
export const XLSX = readFileSync(join(ROOT, 'examples/enterprises.xlsx'));
export const BAD_ROWS = [11, 26, 41];

export const dirs: string[] = [];
const apps: FastifyInstance[] = [];
/** An app whose jobs live in a directory of this test's own (so that what is left behind can be looked at). */
export function appWith(jobs: Partial<JobsConfig> = {}): { app: FastifyInstance; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cleanprod-jobs-test-'));
  dirs.push(dir);
  const app = buildApp({ base: bundled(), today: () => '2014-06-01', rateLimitMax: 0, jobs: { dir, ...jobs } });
  apps.push(app);
  return { app, dir };
}
afterAll(async () => {
  for (const app of apps) await app.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file the jobs of an app keep (inputs and results), relative to its jobs directory. */
export const filesIn = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());

/** The example's good rows, repeated with fresh ids: a larger sheet that takes a while. */
export function bigCsv(rows: number): Buffer {
  const [header, ...data] = CSV.toString('utf8').trim().split('\n');
  const good = data.filter((l) => !l.startsWith('B00'));
  const out = [header];
  for (let i = 0; i < rows; i++) out.push(good[i % good.length]!.replace(/^[^,]*/, `X${i}`));
  return Buffer.from(`${out.join('\n')}\n`);
}
