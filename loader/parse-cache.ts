import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { sha256 } from '../engine/index.ts';
import { inProject } from './root.ts';

/**
 * Parsed YAML documents by the sha256 of their text, written by the build (`npm run build`) for the bundled rules, so
 * the server and the CLI start without parsing YAML again. A file whose text changed has a new hash and is parsed as
 * usual; the cache only ever saves work, it never decides anything (the documents are validated and linted as read).
 */
export const PARSE_CACHE_FILE = inProject('dist', 'rules-parsed.json');

let cache: Record<string, unknown> | undefined;
function loaded(): Record<string, unknown> {
  if (cache) return cache;
  try {
    cache = existsSync(PARSE_CACHE_FILE) ? (JSON.parse(readFileSync(PARSE_CACHE_FILE, 'utf8')) as Record<string, unknown>) : {};
  } catch {
    cache = {};
  }
  return cache;
}

/** The document a YAML text holds (a copy, since callers may change it), from the cache when the text is known. */
export function parseYamlCached(text: string, hash = sha256(text)): unknown {
  const hit = loaded()[hash];
  if (hit !== undefined) return structuredClone(hit);
  return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
}

/** Writes the cache for the given YAML files (the build calls this for rules/). */
export function writeParseCache(files: readonly string[]): number {
  const out: Record<string, unknown> = {};
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    out[sha256(text)] = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  }
  writeFileSync(PARSE_CACHE_FILE, JSON.stringify(out));
  return Object.keys(out).length;
}
