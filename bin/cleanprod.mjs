#!/usr/bin/env node
// Runs the compiled CLI: plain JavaScript in dist/, built once by `npm run build` (which `npm ci` runs through `prepare`).
try {
  await import('../dist/cli/main.js');
} catch (e) {
  if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/cli/main.js')) {
    process.stderr.write('cleanprod is not built: run `npm run build` (npm ci runs it)\n');
    process.exit(1);
  }
  throw e;
}
