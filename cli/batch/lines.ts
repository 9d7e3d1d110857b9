/** Whether a JSONL line holds a row: blank (whitespace-only) lines are skipped wherever lines are read. */
export const isRowLine = (line: string): boolean => line.length > 0 && (line.charCodeAt(0) > 32 || line.trim() !== '');

/**
 * Calls `each(start, end)` for every line of a block of UTF-8 bytes, `end` leaving out the newline and a CR before it.
 * Splitting bytes is safe: a newline byte never occurs inside a multi-byte UTF-8 character.
 */
export function forEachLine(bytes: Uint8Array, each: (start: number, end: number) => void): void {
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    each(start, end > start && bytes[end - 1] === 0x0d ? end - 1 : end);
    start = end + 1;
  }
}
