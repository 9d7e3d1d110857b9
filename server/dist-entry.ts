import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { inProject } from '../loader/root.ts';

/** A build step is missing: the server's worker modules run from dist/ (see distEntry). */
export class NotBuiltError extends Error {
  readonly code = 'NOT_BUILT';
  constructor(file: string) {
    super(`cleanprod is not built: ${file} is missing; run \`npm run build\` (npm ci runs it)`);
    this.name = 'NotBuiltError';
  }
}

/**
 * A worker module's compiled entry in dist/ (npm ci builds it; `npm run build` rebuilds it). Worker threads run plain
 * JavaScript, with no transpiler, whether the server was started from dist/ or its sources are under test.
 */
export function distEntry(...parts: string[]): URL {
  const file = inProject('dist', ...parts);
  if (!existsSync(file)) throw new NotBuiltError(`dist/${parts.join('/')}`);
  return pathToFileURL(file);
}
