import { extname } from 'node:path';

export type FileFormat = 'csv' | 'xlsx' | 'jsonl';

/** The batch file format a path's extension names, if any (input and output share the same three). */
export function formatOfPath(path: string): FileFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return undefined;
}

export const extensionOf = (path: string): string => extname(path).toLowerCase() || '(no extension)';
