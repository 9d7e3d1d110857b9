import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root directory: the nearest one above this module whose package.json is cleanprod's. The same from the
 * sources (tests) and from the compiled dist/ (the CLI and the server), so the bundled rules, cases and page are found
 * either way.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'cleanprod') return dir;
    if (dirname(dir) === dir) throw new Error(`cleanprod: no package.json of cleanprod above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const inProject = (...parts: string[]): string => join(PROJECT_ROOT, ...parts);
