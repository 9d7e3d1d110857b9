/**
 * The file route under load: a CSV of `n` synthetic enterprises (default 100,000) uploaded to POST /v1/evaluate/file on
 * a server started as `cleanprod serve` does, its job followed as the page follows it (GET /v1/jobs/{id} every 250 ms:
 * each answer's progress and latency recorded), the result downloaded and counted. Reports the time (upload to done),
 * the server's peak RSS (VmHWM: the whole process, worker threads included) beside its RSS before the upload, and
 * the progress samples. Part of `npm run bench`; on its own: `node dist/bench/file-job.js [--rows N] [--json out.json]`.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, mkdtempSync, openAsBlob } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { synthesize } from '../analysis/index.ts';
import { profileColumns, type Leaf } from '../cli/batch/columns.ts';
import { PROJECT_ROOT } from '../loader/index.ts';
import type { Profile } from '../schemas/index.ts';

export interface FileJobFigures {
  rows: number;
  fileMb: number;
  seconds: number;
  rowsPerSec: number;
  failed: number;
  peakRssMb: number;
  baselineRssMb: number;
  resultRows: number;
  /** the job's progress as the page saw it: seconds since the upload began, rows done, percent */
  samples: { t: number; rowsDone: number; percent: number }[];
  /** the slowest and the median answer to a progress poll while the job ran (ms): the event loop stays free */
  pollMaxMs: number;
  pollMedianMs: number;
}

/** A profile value as a batch cell (the reverse of columns.ts's reading). */
function cell(leaf: Leaf, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'never';
  if (leaf.kind === 'records') {
    const fields = leaf.fields ?? [];
    return (value as Record<string, unknown>[])
      .map((item) =>
        fields
          .map((f) => (f.kind === 'boolean' ? (item[f.path] === true ? f.path : '') : String(item[f.path] ?? '')))
          .join(':')
          .replace(/:+$/, ''),
      )
      .join(';');
  }
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

const at = (profile: Profile, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), profile);

/** `n` synthetic profiles as a CSV with a column for every field any of them gives. */
export function syntheticCsv(n: number, seed: number): Buffer {
  const profiles = [...synthesize(n, seed)];
  const columns = [...profileColumns()].filter(([path]) => profiles.some((p) => at(p, path) !== undefined));
  const rows = [columns.map(([path]) => path), ...profiles.map((p) => columns.map(([path, leaf]) => cell(leaf, at(p, path))))];
  return Buffer.from(stringify(rows));
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** A process's current and peak resident set (MB), from /proc (Linux). */
function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Runs the upload on a fresh server and returns its figures. */
export async function fileJob(dir: string, n: number, seed = 42): Promise<FileJobFigures> {
  const input = join(dir, `enterprises-${n}.csv`);
  const bytes = syntheticCsv(n, seed);
  writeFileSync(input, bytes);
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/cleanprod.mjs', 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', JOBS_DIR: dir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/readyz`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 300) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const baselineRssMb = rssOf(child.pid!).rss;
    const form = new FormData();
    form.append('asOf', '2014-06-01');
    form.append('language', 'zh');
    form.append('file', await openAsBlob(input, { type: 'text/csv' }), `enterprises-${n}.csv`);
    const started = performance.now();
    const posted = await fetch(`${url}/v1/evaluate/file`, { method: 'POST', body: form });
    if (posted.status !== 202) throw new Error(`upload answered ${posted.status}: ${await posted.text()}`);
    const location = posted.headers.get('location')!;
    const samples: FileJobFigures['samples'] = [];
    const polls: number[] = [];
    let job: { state: string; progress: { rowsDone: number; percent: number; failed: number }; links: { result: string }; error?: unknown };
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const t = performance.now();
      job = await (await fetch(`${url}${location}`)).json();
      polls.push(performance.now() - t);
      samples.push({ t: (performance.now() - started) / 1000, rowsDone: job.progress.rowsDone, percent: job.progress.percent });
      if (job.state !== 'running') break;
    }
    const seconds = (performance.now() - started) / 1000;
    if (job.state !== 'done') throw new Error(`the job failed: ${JSON.stringify(job.error)}`);
    const result = await (await fetch(`${url}${job.links.result}`)).text();
    const resultRows = result.split('\n').filter((l) => l !== '').length - 1;
    const peakRssMb = rssOf(child.pid!).peak;
    const sorted = [...polls].sort((a, b) => a - b);
    return {
      rows: n,
      fileMb: bytes.length / 1e6,
      seconds,
      rowsPerSec: n / seconds,
      failed: job.progress.failed,
      peakRssMb,
      baselineRssMb,
      resultRows,
      samples,
      pollMaxMs: sorted.at(-1) ?? 0,
      pollMedianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    };
  } finally {
    child.kill('SIGTERM');
  }
}

// Run on its own: node dist/bench/file-job.js [--rows N] [--json out.json]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, json: { type: 'string' } } });
  const dir = mkdtempSync(join(tmpdir(), 'cleanprod-bench-file-'));
  try {
    const f = await fileJob(dir, Number(values.rows));
    const { samples, ...figures } = f;
    console.log(JSON.stringify(figures, null, 2));
    console.log(`progress samples (s, rows done, %): ${samples.map((s) => `${s.t.toFixed(1)}:${s.rowsDone}:${s.percent}`).join(' ')}`);
    if (values.json) writeFileSync(values.json, JSON.stringify(f, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
