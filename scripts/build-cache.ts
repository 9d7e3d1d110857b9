// Run by `npm run build` after tsc: caches the parsed YAML of the bundled rules (loader/parse-cache.ts).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_RULES_DIR } from '../loader/load.ts';
import { PARSE_CACHE_FILE, writeParseCache } from '../loader/parse-cache.ts';

const files: string[] = [];
for (const name of readdirSync(BUNDLED_RULES_DIR)) {
  const dir = join(BUNDLED_RULES_DIR, name);
  if (statSync(dir).isDirectory()) for (const f of readdirSync(dir)) if (/\.ya?ml$/.test(f)) files.push(join(dir, f));
}
const n = writeParseCache(files);
process.stdout.write(`build: ${n} rule files parsed into ${PARSE_CACHE_FILE}\n`);
