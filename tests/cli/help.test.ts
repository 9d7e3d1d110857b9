import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../cli/program.ts';

const root = new URL('../../', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/cleanprod.mjs'), ...args], { cwd: root, encoding: 'utf8' });

describe('the command line describes itself', () => {
  it('every command, argument and option has a description in --help', () => {
    const missing: string[] = [];
    for (const cmd of buildProgram().commands) {
      if (!cmd.description()) missing.push(cmd.name());
      for (const a of cmd.registeredArguments) if (!a.description) missing.push(`${cmd.name()} <${a.name()}>`);
      for (const o of cmd.options) if (!o.description) missing.push(`${cmd.name()} ${o.flags}`);
    }
    expect(missing).toEqual([]);
  });

  it('impact takes --n and --seed as the API takes synthetic {n, seed}, and refuses a bad one by name', () => {
    const a = run('impact', 'cppl', '1.0.0', '2.0.0', '--n', '200', '--seed', '7', '--format', 'json');
    expect(a.status, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).population).toBe(200);
    const bad = run('impact', 'cppl', '1.0.0', '2.0.0', '--n', 'lots');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--n: expected a whole number ≥ 1, got 'lots'");
  });
});
