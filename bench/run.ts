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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRuleBase } from '../loader/index.ts';
import { batch } from './batch.ts';
import { JSON_OUT, QUICK, SEED } from './common.ts';
import { fileJob } from './file-job.ts';
import { http } from './http.ts';
import { inProcess } from './in-process.ts';

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
      'HTTP POST /v1/evaluate, view standard',
      `${f(h.standard.reqPerSec, 0)} req/s, p50 ${h.standard.p50} ms, p99 ${h.standard.p99} ms`,
      `${f((100 * h.standard.reqPerSec) / h.bare.reqPerSec, 0)}% of the bare route; ${f(h.size.standard / 1024)} KB (full ${f(h.size.full / 1024)} KB)`,
    ],
    [
      'HTTP POST /v1/evaluate, view summary',
      `${f(h.summary.reqPerSec, 0)} req/s, p50 ${h.summary.p50} ms, p99 ${h.summary.p99} ms`,
      `${f((100 * h.summary.reqPerSec) / h.bare.reqPerSec, 0)}% of the bare route (target ≥ 40%, p99 ≤ 5 ms); ${f(h.size.summary / 1024)} KB`,
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
    [
      'HTTP POST /bench/bare (ceiling of any answer)',
      `${f(h.bare.reqPerSec, 0)} req/s, p50 ${h.bare.p50} ms, p99 ${h.bare.p99} ms`,
      'same body validation, a tiny constant answer',
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
  if (JSON_OUT) {
    writeFileSync(
      JSON_OUT,
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
          httpBareReqPerSec: h.bare.reqPerSec,
          httpStandardReqPerSec: h.standard.reqPerSec,
          httpStandardP99Ms: h.standard.p99,
          httpSummaryReqPerSec: h.summary.reqPerSec,
          httpSummaryP99Ms: h.summary.p99,
          answerBytes: h.size,
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
