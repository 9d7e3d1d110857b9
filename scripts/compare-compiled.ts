// Compares every rule-set version as compiled from rules/ at a git revision with the working tree's, both read by the
// current loader: `node dist/scripts/compare-compiled.js [revision]` (default: main). Each version's compiled form
// (canonical JSON, without source.origin) must be the same unless a version was added; exit 1 otherwise. Used when the
// rule files were rewritten in the author form; the lock (rules/versions.lock.json) is the lasting guard.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../engine/index.ts';
import { BUNDLED_RULES_DIR, loadRulesDir, PROJECT_ROOT, type LoadedRules } from '../loader/index.ts';

const rev = process.argv[2] ?? 'main';
const tmp = mkdtempSync(join(tmpdir(), 'cleanprod-compare-'));
try {
  const tar = execFileSync('git', ['archive', '--format=tar', rev, 'rules'], { cwd: PROJECT_ROOT, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', tmp], { input: tar });
  const compiled = (loaded: LoadedRules) =>
    new Map(
      loaded.versions.map((v) => {
        const { origin: _, ...source } = v.file.source;
        return [`${v.file.id}@${v.file.version}`, canonicalJson({ ...v.file, source })];
      }),
    );
  const before = compiled(loadRulesDir(join(tmp, 'rules')));
  const after = compiled(loadRulesDir(BUNDLED_RULES_DIR));
  let differ = 0;
  for (const [key, json] of before) {
    const now = after.get(key);
    const verdict = now === undefined ? 'MISSING here' : now === json ? 'same' : 'DIFFERS';
    if (verdict !== 'same') differ++;
    process.stdout.write(`${verdict.padEnd(12)} ${key}\n`);
  }
  for (const key of after.keys()) if (!before.has(key)) process.stdout.write(`${'new'.padEnd(12)} ${key}\n`);
  process.stdout.write(`${before.size - differ} of ${before.size} versions at ${rev} compile the same here\n`);
  process.exitCode = differ > 0 ? 1 : 0;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
