// Worker-thread entry: workers do not inherit the main thread's loader hooks, so register tsx (as bin/cleanprod.mjs
// does) before loading the TypeScript worker. Works the same under the CLI, vitest and tsx.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
