import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { synthesize } from '../analysis/index.ts';
import { QUICK, ROOT, SEED } from './common.ts';

function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

export async function batch(dir: string) {
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
