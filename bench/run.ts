/**
 * npm run bench [-- --quick] [-- --json <file>]
 *
 * One table, every figure measured in this run on this machine:
 *  - in-process: one profile against every rule set in force on its date — the compiled three-valued evaluator (full
 *    answer: because, whyNot, undetermined, explanations, receipt) vs json-rules-engine deciding the same rules, with a
 *    new Engine per evaluation (naive) and with engines built once (reused); and, like for like with
 *    json-rules-engine's run, the fast path only deciding the same rules (no answer built);
 *  - batch: synthetic profiles through `cleanprod batch` (JSONL in, CSV out), one thread vs one worker thread per core
 *    (piscina), with peak RSS and CPU time (user + system: what the run cost, whatever else the machine was doing);
 *  - file: a CSV of synthetic enterprises uploaded to POST /v1/evaluate/file and followed to its result (file-job.ts):
 *    time, the server's peak RSS beside its RSS before, and the progress the page would show;
 *  - HTTP: POST /v1/evaluate under autocannon on 127.0.0.1, beside POST /bench/constant on the same server (same body
 *    validation, a precomputed answer) as the ceiling; then POST /v1/evaluate again while another client loops
 *    1000-item batches (answered on the worker pool), to show what a heavy client does to small requests' p99.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { synthesize } from '../analysis/index.ts';
import {
  buildJreEngine,
  deriveFacts,
  evaluate,
  factTable,
  jreFacts,
  releaseTable,
  selectVersion,
  valueIn,
  JsonRulesEngineReference,
  type PreparedVersion,
  type RuleBase,
} from '../engine/index.ts';
import { loadRuleBase, PROJECT_ROOT } from '../loader/index.ts';
import type { Profile } from '../schemas/index.ts';
import { fileJob } from './file-job.ts';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, json: { type: 'string' } } });
const QUICK = args.quick === true;
const ROOT = PROJECT_ROOT;
const DATES = ['2012-08-01', '2014-06-01', '2017-06-01', '2021-06-01', '2024-06-01'];
const SEED = 42;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: percentile(s, 0.5), p99: percentile(s, 0.99) };
}
const now = () => Number(process.hrtime.bigint()) / 1000;

/** The versions in force for this profile on this date (what evaluate() decides with). */
function inForce(base: RuleBase, profile: Profile, asOf: string): PreparedVersion[] {
  const facts = { ...profile, ...deriveFacts(base.derivedFacts, { profile, asOf }).facts };
  const table = factTable(facts, base.program);
  const out: PreparedVersion[] = [];
  for (const [id, versions] of base.rulesets) {
    const sel = selectVersion(id, versions, asOf);
    if (sel.dateStatus === 'in-force' && valueIn(sel.version.place, table) !== 'F') out.push(sel.version);
  }
  releaseTable(table);
  return out;
}

async function inProcess(base: RuleBase) {
  const profiles = [...synthesize(QUICK ? 500 : 2000, SEED)];
  const at = (i: number) => DATES[i % DATES.length]!;
  // Fast path: warm up, then time each evaluation.
  for (let i = 0; i < profiles.length; i++) evaluate(base, profiles[i]!, { asOf: at(i) });
  const fast: number[] = [];
  for (let r = 0; r < (QUICK ? 2 : 5); r++) {
    for (let i = 0; i < profiles.length; i++) {
      const t = now();
      evaluate(base, profiles[i]!, { asOf: at(i) });
      fast.push(now() - t);
    }
  }
  // json-rules-engine deciding every rule in force for the same profile and date.
  const n = QUICK ? 100 : 400;
  const ref = new JsonRulesEngineReference();
  const reused: number[] = [];
  const naive: number[] = [];
  const jobs = profiles.slice(0, n).map((p, i) => {
    const asOf = at(i);
    const facts = { ...p, ...deriveFacts(base.derivedFacts, { profile: p, asOf }).facts };
    return { versions: inForce(base, p, asOf), facts, jre: jreFacts(facts) };
  });
  for (const job of jobs.slice(0, 20)) for (const v of job.versions) await ref.engineFor(v).run(job.jre);
  for (const job of jobs) {
    const t = now();
    for (const v of job.versions) await ref.engineFor(v).run(job.jre);
    reused.push(now() - t);
  }
  for (const job of jobs) {
    const t = now();
    for (const v of job.versions) await buildJreEngine(v).run(job.jre);
    naive.push(now() - t);
  }
  // Like for like with json-rules-engine's run: only deciding every rule of the same versions on the same facts (the
  // compiled program laid out over the facts, then each rule's value read), no answer built.
  const decide: number[] = [];
  let held = 0;
  for (let r = 0; r < 5; r++) {
    for (const job of jobs) {
      const t = now();
      const table = factTable(job.facts, base.program);
      for (const v of job.versions) for (const rule of v.rules) if (valueIn(rule.effective, table) === 'T') held += 1;
      releaseTable(table);
      if (r > 0) decide.push(now() - t);
    }
  }
  if (held === 0) throw new Error('no rule held in the decide-only run');
  return { fast: stats(fast), reused: stats(reused), naive: stats(naive), decide: stats(decide), samples: { fast: fast.length, jre: n } };
}

function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function batch(dir: string) {
  const n = QUICK ? 10_000 : 100_000;
  const input = join(dir, 'profiles.jsonl');
  const lines: string[] = [];
  for (const p of synthesize(n, SEED)) lines.push(JSON.stringify(p));
  writeFileSync(input, `${lines.join('\n')}\n`);
  const results: Record<string, { rows: number; rowsPerSec: number; peakRssMb: number; cpuSeconds: number; seconds: number; workers: number }> = {};
  for (const workers of ['1', String(availableParallelism())]) {
    const statsFile = join(dir, `stats-${workers}.json`);
    const code = await run(process.execPath, [
      'bin/cleanprod.mjs',
      'batch',
      input,
      '--as-of',
      '2014-06-01',
      '-o',
      join(dir, `out-${workers}.csv`),
      '--workers',
      workers,
      '--stats',
      statsFile,
    ]);
    if (code !== 0) throw new Error(`batch with ${workers} worker(s) failed (exit ${code})`);
    results[workers] = JSON.parse(readFileSync(statsFile, 'utf8'));
  }
  return { n, one: results['1']!, all: results[String(availableParallelism())]! };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function http() {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/cleanprod.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      BENCH_ROUTES: '1',
      RATE_LIMIT_MAX: '100000000',
      // 1000 synthetic profiles take about 1.5 MB
      BODY_LIMIT: String(8 * 1024 * 1024),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 200) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const body = JSON.stringify({ asOf: '2014-06-01', profile: [...synthesize(1, SEED)][0] });
    const duration = QUICK ? 3 : 10;
    const load = (path: string, seconds = duration) =>
      autocannon({ url: `${url}${path}`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: seconds });
    // Warm both routes up first (JIT, caches), so that neither is measured cold.
    for (const path of ['/v1/evaluate', '/bench/constant']) await load(path, QUICK ? 1 : 3);
    const ceiling = await load('/bench/constant');
    const evaluateRun = await load('/v1/evaluate');
    // Small requests while one client loops 1000-item batches (each read to its end).
    const profiles = [...synthesize(1000, SEED + 1)];
    const batchBody = JSON.stringify(profiles.map((profile, i) => ({ asOf: DATES[i % DATES.length], profile })));
    let stop = false;
    const heavy = { batches: 0, bytes: 0 };
    const batchClient = (async () => {
      while (!stop) {
        const r = await fetch(`${url}/v1/evaluate/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batchBody });
        const bytes = (await r.arrayBuffer()).byteLength;
        if (!r.ok) throw new Error(`batch answered ${r.status}`);
        heavy.batches += 1;
        heavy.bytes += bytes;
      }
    })();
    await new Promise((r) => setTimeout(r, 500)); // the batch client is under way
    const besideBatch = await load('/v1/evaluate');
    stop = true;
    await batchClient;
    const ok = (r: autocannon.Result) => r.non2xx === 0 && r.errors === 0;
    if (!ok(ceiling) || !ok(evaluateRun) || !ok(besideBatch))
      throw new Error(`HTTP errors: ceiling non2xx=${ceiling.non2xx}, evaluate non2xx=${evaluateRun.non2xx}, beside batch non2xx=${besideBatch.non2xx}`);
    return {
      evaluate: { reqPerSec: evaluateRun.requests.average, p50: evaluateRun.latency.p50, p99: evaluateRun.latency.p99 },
      ceiling: { reqPerSec: ceiling.requests.average, p50: ceiling.latency.p50, p99: ceiling.latency.p99 },
      besideBatch: { reqPerSec: besideBatch.requests.average, p50: besideBatch.latency.p50, p99: besideBatch.latency.p99 },
      batches: { count: heavy.batches, itemsPerSec: (heavy.batches * 1000) / (duration + 0.5), mb: heavy.bytes / 1e6 },
    };
  } finally {
    child.kill('SIGTERM');
  }
}

const base = loadRuleBase();
const load0 = loadavg();
const dir = mkdtempSync(join(tmpdir(), 'cleanprod-bench-'));
try {
  const ip = await inProcess(base);
  const b = await batch(dir);
  const fj = await fileJob(dir, QUICK ? 10_000 : 100_000, SEED);
  const h = await http();
  const f = (x: number, d = 1) => x.toFixed(d);
  const rows: [string, string, string][] = [
    ['in-process, fast path (full answer)', `median ${f(ip.fast.median)} µs, p99 ${f(ip.fast.p99)} µs`, `${ip.samples.fast} evaluations`],
    [
      'in-process, json-rules-engine reused engines',
      `median ${f(ip.reused.median)} µs, p99 ${f(ip.reused.p99)} µs`,
      `${f(ip.reused.median / ip.fast.median)}× the fast path`,
    ],
    [
      'in-process, json-rules-engine new Engine per call',
      `median ${f(ip.naive.median)} µs, p99 ${f(ip.naive.p99)} µs`,
      `${f(ip.naive.median / ip.fast.median)}× the fast path`,
    ],
    [
      'in-process, fast path deciding rules only (no answer)',
      `median ${f(ip.decide.median)} µs, p99 ${f(ip.decide.p99)} µs`,
      `json-rules-engine reused is ${f(ip.reused.median / ip.decide.median, 0)}× this`,
    ],
    [
      `batch ${b.n.toLocaleString('en')} profiles, 1 thread`,
      `${f(b.one.rowsPerSec, 0)} profiles/s`,
      `peak RSS ${f(b.one.peakRssMb, 0)} MB, CPU ${f(b.one.cpuSeconds)} s`,
    ],
    [
      `batch ${b.n.toLocaleString('en')} profiles, ${b.all.workers} worker threads (all cores)`,
      `${f(b.all.rowsPerSec, 0)} profiles/s`,
      `peak RSS ${f(b.all.peakRssMb, 0)} MB, CPU ${f(b.all.cpuSeconds)} s`,
    ],
    [
      `file upload ${fj.rows.toLocaleString('en')} rows (${f(fj.fileMb)} MB CSV) → job → result`,
      `${f(fj.seconds)} s (${f(fj.rowsPerSec, 0)} rows/s), ${fj.resultRows.toLocaleString('en')} result rows`,
      `peak RSS ${f(fj.peakRssMb, 0)} MB (${f(fj.baselineRssMb, 0)} MB before); ${fj.samples.length} progress polls, p50 ${f(fj.pollMedianMs)} ms, max ${f(fj.pollMaxMs)} ms`,
    ],
    [
      'HTTP POST /v1/evaluate (10 conn)',
      `${f(h.evaluate.reqPerSec, 0)} req/s, p50 ${h.evaluate.p50} ms, p99 ${h.evaluate.p99} ms`,
      `${f((100 * h.evaluate.reqPerSec) / h.ceiling.reqPerSec, 0)}% of the ceiling`,
    ],
    [
      'HTTP POST /v1/evaluate beside a 1000-item batch client',
      `${f(h.besideBatch.reqPerSec, 0)} req/s, p50 ${h.besideBatch.p50} ms, p99 ${h.besideBatch.p99} ms`,
      `p99 ${f(h.besideBatch.p99 / Math.max(1, h.evaluate.p99))}× alone; ${h.batches.count} batches (${f(h.batches.itemsPerSec, 0)} items/s, ${f(h.batches.mb, 0)} MB)`,
    ],
    [
      'HTTP POST /bench/constant (ceiling)',
      `${f(h.ceiling.reqPerSec, 0)} req/s, p50 ${h.ceiling.p50} ms, p99 ${h.ceiling.p99} ms`,
      'same server, same body validation',
    ],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const line = `+${'-'.repeat(w0 + 2)}+${'-'.repeat(w1 + 2)}+${'-'.repeat(Math.max(...rows.map((r) => r[2].length)) + 2)}+`;
  console.log(
    `cleanprod bench${QUICK ? ' (quick)' : ''} — ${availableParallelism()} cores, load average at start ${load0.map((x) => x.toFixed(2)).join(' ')}, at end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(line);
  for (const r of rows) console.log(`| ${r[0].padEnd(w0)} | ${r[1].padEnd(w1)} | ${r[2].padEnd(line.length - w0 - w1 - 10)} |`);
  console.log(line);
  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify(
        {
          quick: QUICK,
          evalMedianUs: ip.fast.median,
          evalP99Us: ip.fast.p99,
          jreReusedMedianUs: ip.reused.median,
          jreReusedP99Us: ip.reused.p99,
          jreNaiveMedianUs: ip.naive.median,
          jreNaiveP99Us: ip.naive.p99,
          decideOnlyMedianUs: ip.decide.median,
          decideOnlyP99Us: ip.decide.p99,
          batchProfiles: b.n,
          batchProfilesPerSec: b.all.rowsPerSec,
          batchOneWorkerProfilesPerSec: b.one.rowsPerSec,
          batchPeakRssMb: b.all.peakRssMb,
          batchOneWorkerPeakRssMb: b.one.peakRssMb,
          batchCpuSeconds: b.all.cpuSeconds,
          batchOneWorkerCpuSeconds: b.one.cpuSeconds,
          fileJobRows: fj.rows,
          fileJobSeconds: fj.seconds,
          fileJobRowsPerSec: fj.rowsPerSec,
          fileJobPeakRssMb: fj.peakRssMb,
          fileJobBaselineRssMb: fj.baselineRssMb,
          fileJobPollMaxMs: fj.pollMaxMs,
          fileJobProgress: fj.samples,
          httpReqPerSec: h.evaluate.reqPerSec,
          httpP50Ms: h.evaluate.p50,
          httpP99Ms: h.evaluate.p99,
          httpCeilingReqPerSec: h.ceiling.reqPerSec,
          httpBesideBatchReqPerSec: h.besideBatch.reqPerSec,
          httpBesideBatchP50Ms: h.besideBatch.p50,
          httpBesideBatchP99Ms: h.besideBatch.p99,
          httpBatchClientItemsPerSec: h.batches.itemsPerSec,
          loadAverage: { start: load0, end: loadavg() },
        },
        null,
        2,
      ),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
