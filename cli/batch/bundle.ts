import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** Inside the project's node_modules, so the bundle's package imports resolve as the sources' do. */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/cleanprod/', import.meta.url));
/** Registers tsx in the worker and loads the TypeScript directly: slower to start and heavier (a loader thread each). */
const FALLBACK = new URL('./worker.mjs', import.meta.url);

/**
 * The batch worker's entry module. Worker threads do not inherit tsx's loader, and registering it in each worker
 * costs a loader thread and its memory per worker; so the worker's TypeScript is bundled (esbuild, the transformer tsx
 * itself uses) into one plain ES module, named by its content hash and reused until the sources change. When that is
 * not possible (esbuild missing, a read-only install), or CLEANPROD_WORKER_BUNDLE=0 says so, the workers fall back to
 * registering tsx.
 */
export async function workerEntry(): Promise<URL> {
  if (process.env.CLEANPROD_WORKER_BUNDLE === '0') return FALLBACK;
  try {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [SOURCE],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    const file = join(CACHE_DIR, `batch-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(CACHE_DIR, { recursive: true });
      // Written aside and renamed, so a concurrent run never loads a half-written file.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, code);
      renameSync(partial, file);
      removeStale(file);
    }
    return pathToFileURL(file);
  } catch {
    return FALLBACK;
  }
}

/** Bundles of earlier sources, a day old or more: no run still starting can be about to load them. */
function removeStale(keep: string): void {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    if (path === keep || !name.startsWith('batch-worker-')) continue;
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { force: true });
    } catch {
      // another run removed it first
    }
  }
}
