/**
 * What the batch reader accepts at most. Each limit stops the run with the file, row and reason instead of letting a
 * hostile or broken file take the memory or the time. The defaults are far above any real sheet of enterprises (a
 * profile is about 1 KB and 60 columns); tests set small ones.
 */
export interface BatchLimits {
  /** bytes in one line of a text file (a JSONL line; a CSV line or record) */
  lineBytes: number;
  /** columns in one row (the header included) */
  columns: number;
  /** characters in one cell */
  cellChars: number;
  /** bytes of an xlsx file once decompressed, all parts together */
  xlsxBytes: number;
  /** bytes of an xlsx file's shared-strings part once decompressed (read into memory whole) */
  sharedStringsBytes: number;
  /** bytes of a .json file (parsed whole; JSONL streams) */
  jsonBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<BatchLimits> = Object.freeze({
  lineBytes: 1 * MiB,
  columns: 1000,
  cellChars: 64 * 1024,
  xlsxBytes: 1024 * MiB,
  sharedStringsBytes: 64 * MiB,
  jsonBytes: 64 * MiB,
});

export const limitsWith = (given?: Partial<BatchLimits>): BatchLimits => ({ ...DEFAULT_LIMITS, ...given });

/** A byte count as a person reads it: 1 MiB, 64 KiB, 300 bytes. */
export function bytesText(n: number): string {
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n.toLocaleString('en')} bytes`;
}
