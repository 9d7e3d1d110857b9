import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { inProject } from '../../loader/root.ts';
import { RuleLoadError } from '../../engine/index.ts';

/**
 * The batch worker's module: the compiled one in dist/ (npm ci builds it; `npm run build` rebuilds it). Worker threads
 * run plain JavaScript, with no transpiler, whether the batch was started from the CLI or from the sources.
 */
export function workerEntry(): string {
  const file = inProject('dist', 'cli', 'batch', 'worker.js');
  if (!existsSync(file))
    throw new RuleLoadError('cleanprod is not built: run `npm run build` (npm ci runs it)', [{ path: 'dist/cli/batch/worker.js', message: 'missing' }]);
  return pathToFileURL(file).href;
}
