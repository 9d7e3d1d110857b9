import { readFileSync, readdirSync, statSync } from 'node:fs';

/**
 * Caps on what a rules directory may hold, checked before anything is read or parsed, so a huge or runaway file is a
 * lint problem naming it, never a frozen or crashed process. The bundled rules are far inside them (the largest file
 * is about 70 KB, the whole directory under 1 MB).
 */
export const RULE_LIMITS = {
  /** Largest single file read (a version's YAML, derived-facts.yaml, a source text, a CHANGELOG). */
  fileBytes: 2 * 1024 * 1024,
  /** Most files read in the whole directory. */
  files: 2000,
  /** Most bytes read in the whole directory. */
  totalBytes: 32 * 1024 * 1024,
} as const;

export interface ReadBudget {
  files: number;
  bytes: number;
}

export const newBudget = (): ReadBudget => ({ files: 0, bytes: 0 });

/**
 * Why `dir` cannot be read as a rules directory (missing, not a directory, unreadable), or undefined when it can.
 * Said in a sentence, never as a raw ENOTDIR/EACCES.
 */
export function rulesDirProblem(dir: string): string | undefined {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'rules directory does not exist' : `rules directory cannot be read (${code ?? 'error'})`;
  }
  if (!isDir) return 'is a file, not a rules directory (RULES_DIR / --rules-dir must name the directory holding <id>/<version>.yaml)';
  try {
    readdirSync(dir);
  } catch (e) {
    return `rules directory cannot be listed (${(e as NodeJS.ErrnoException).code ?? 'error'}): check its permissions`;
  }
  return undefined;
}

/**
 * Reads a UTF-8 file within the caps: the file's size is checked before it is read, and the directory's running
 * totals in `budget`. Returns the text, or a sentence saying which cap it exceeds.
 */
export function readWithinLimits(path: string, budget: ReadBudget): { text: string } | { problem: string } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (size > RULE_LIMITS.fileBytes) return { problem: `is ${size} bytes; a rules file may have at most ${RULE_LIMITS.fileBytes} bytes: not read` };
  if (budget.files + 1 > RULE_LIMITS.files) return { problem: `more than ${RULE_LIMITS.files} files in the rules directory: not read` };
  if (budget.bytes + size > RULE_LIMITS.totalBytes)
    return { problem: `the rules directory holds more than ${RULE_LIMITS.totalBytes} bytes of rule files: not read` };
  budget.files += 1;
  budget.bytes += size;
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}
