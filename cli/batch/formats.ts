import { extname } from 'node:path';

export type FileFormat = 'csv' | 'xlsx' | 'jsonl';
/** Input formats: the three output formats and a .json file (an array of profiles, read whole). */
export type InputFormat = FileFormat | 'json';

/** The batch file format a path's extension names, if any. */
export function formatOfPath(path: string): InputFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  return undefined;
}

export const extensionOf = (path: string): string => extname(path).toLowerCase() || '(no extension)';

/** A format's name as a person reads it: CSV, XLSX, JSONL, JSON. */
export const formatName = (format: InputFormat): string => format.toUpperCase();
