import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../analysis/index.ts';
import { cli, root, tmp } from './batch-helpers.ts';

const EXAMPLE_CSV = join(root, 'examples/enterprises.csv');

/** Starts a batch, waits until its partial output has data, stops it with a signal, and returns the directory's files. */
async function killedMidway(
  input: string,
  output: string,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<{ files: string[]; code: number | null; stderr: string }> {
  const dir = join(output, '..');
  const child = spawn(process.execPath, [join(root, 'bin/cleanprod.mjs'), 'batch', input, '--as-of', '2014-06-01', '-o', output], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, sig) => resolve({ code, signal: sig })),
  );
  const name = output.slice(dir.length + 1);
  const partial = () => readdirSync(dir).find((f) => f.startsWith(`.${name}.`) && statSync(join(dir, f)).size > 0);
  for (let i = 0; !partial() && !existsSync(output); i++) {
    if (i > 3000) throw new Error('the batch never started writing');
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill(signal);
  const { code, signal: by } = await exited;
  if (signal === 'SIGKILL') expect(by).toBe('SIGKILL');
  return { files: readdirSync(dir), code, stderr };
}

describe('cleanprod batch as a command: exit status and messages', () => {
  it('a killed run (kill -9) leaves no file at the output path, for CSV, JSONL and XLSX', async () => {
    const dir = tmp();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${[...synthesize(20_000, 7)].map((p) => JSON.stringify(p)).join('\n')}\n`);
    for (const name of ['out.csv', 'out.jsonl', 'out.xlsx']) {
      const { files } = await killedMidway(input, join(dir, name));
      expect(files, name).not.toContain(name);
      // what is left is the run's own temporary file beside the target, which names the target and the process
      expect(files.some((f) => f.startsWith(`.${name}.`) && f.endsWith('.partial'))).toBe(true);
    }
  }, 120_000);

  it('a run stopped by SIGTERM or Ctrl-C removes its temporary file and exits 128 + the signal', async () => {
    const dir = tmp();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${[...synthesize(20_000, 8)].map((p) => JSON.stringify(p)).join('\n')}\n`);
    const term = await killedMidway(input, join(dir, 'out.xlsx'), 'SIGTERM');
    expect(term.code).toBe(143);
    expect(term.stderr).toContain(`batch: stopped by SIGTERM: ${join(dir, 'out.xlsx')} is not written`);
    const int = await killedMidway(input, join(dir, 'out.csv'), 'SIGINT');
    expect(int.code).toBe(130);
    expect(int.files).toEqual(['in.jsonl']);
  }, 120_000);

  it('a finished run puts the whole file in place and leaves no temporary file', async () => {
    const dir = tmp();
    const r = await cli(['batch', EXAMPLE_CSV, '--as-of', '2014-06-01', '-o', join(dir, 'out.csv')]);
    expect(r.stderr).toContain('→');
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(parse(readFileSync(join(dir, 'out.csv')), { columns: true })).toHaveLength(60);
  });

  it('exits 1 when any row failed and says how many; 0 when none did', async () => {
    const dir = tmp();
    const bad = await cli(['batch', EXAMPLE_CSV, '--as-of', '2014-06-01', '-o', join(dir, 'out.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('batch: 60 rows, 57 evaluated, 3 failed');
    expect(bad.stderr).toContain('3 of 60 rows failed: the error column says why for each');
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'id,location.city\nA,foshan\nB,meizhou\n');
    const ok = await cli(['batch', good, '--as-of', '2014-06-01']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('2 rows, 2 evaluated, 0 failed');
    expect(ok.stdout.split('\n')[0]).toMatch(/^row,id,name,asOf,/);
  });

  it('flags a CSV row shorter than the header', async () => {
    const dir = tmp();
    const input = join(dir, 'short.csv');
    writeFileSync(input, 'id,location.city,energy.exceedsConsumptionQuota\nA,foshan,true\nB,foshan\n');
    const r = await cli(['batch', input, '--as-of', '2014-06-01']);
    expect(r.code).toBe(1);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows[0]?.error).toBe('');
    expect(rows[1]?.error).toBe('(row): 2 cells where the header has 3: a separator is missing or the row is cut short');
  });

  it('a missing file says "not found" and exits 2, leaving no output', async () => {
    const dir = tmp();
    const r = await cli(['batch', join(dir, 'nope.csv'), '-o', join(dir, 'out.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error [INPUT_NOT_FOUND]: ${join(dir, 'nope.csv')}: not found\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the file and row of unreadable input, in one line', async () => {
    const dir = tmp();
    const input = join(dir, 'quote.csv');
    writeFileSync(input, 'id,name\nA,ok\nB,"never closed\nC,x\n');
    const r = await cli(['batch', input, '--as-of', '2014-06-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error \\[INPUT_INVALID\\]: ${input}, row 2, line \\d: not valid CSV: a quoted cell is never closed`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it("a .json file is read as an array of profiles, and a broken one gets the JSON parser's message with its line", async () => {
    const dir = tmp();
    const good = join(dir, 'ok.json');
    writeFileSync(
      good,
      JSON.stringify([
        { id: 'A', location: { city: 'foshan' } },
        { profile: { id: 'B' }, asOf: '2024-01-01' },
      ]),
    );
    const ok = await cli(['batch', good, '--as-of', '2014-06-01']);
    expect(ok.code).toBe(0);
    expect((parse(ok.stdout, { columns: true }) as Record<string, string>[]).map((r) => [r.id, r.asOf])).toEqual([
      ['A', '2014-06-01'],
      ['B', '2024-01-01'],
    ]);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '[\n  {"id": "A"},\n  {"id": "B",}\n]\n');
    const r = await cli(['batch', broken]);
    expect(r.code).toBe(2);
    let parserMessage = '';
    try {
      JSON.parse(readFileSync(broken, 'utf8'));
    } catch (e) {
      parserMessage = (e as Error).message;
    }
    expect(r.stderr).toBe(`error [INPUT_INVALID]: ${broken}: not valid JSON: ${parserMessage} (line 3, column 14)\n`);
  });
});
