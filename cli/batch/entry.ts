import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { inProject } from '../../loader/root.ts';
import { RuleLoadError } from '../../engine/index.ts';

/**
 * The batch worker's entry: the compiled one in dist/ (npm ci builds it; `npm run build` rebuilds it), a CommonJS shim
 * that imports worker.js (worker-entry.cts says why). Worker threads run plain JavaScript, with no transpiler, whether
 * the batch was started from the CLI or from the sources.
 */
export function workerEntry(): string {
  const file = inProject('dist', 'cli', 'batch', 'worker-entry.cjs');
  if (!existsSync(file))
    throw new RuleLoadError('cleanprod is not built: run `npm run build` (npm ci runs it)', [{ path: 'dist/cli/batch/worker-entry.cjs', message: 'missing' }]);
  return pathToFileURL(file).href;
}
