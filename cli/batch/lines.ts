import type { Readable } from 'node:stream';
import { BatchInputError } from './errors.ts';
import { bytesText } from './limits.ts';

/** Whether a JSONL line holds a row: blank (whitespace-only) lines are skipped. */
export const isRowLine = (line: string): boolean => line.length > 0 && (line.charCodeAt(0) > 32 || line.trim() !== '');

/** One JSONL row as read: its data row (blank lines not counted), its physical line, and its text. */
export interface JsonlLine {
  row: number;
  line: number;
  text: string;
}

/**
 * The rows of a JSONL stream, one line each. A line is held in memory only up to `maxBytes`: a longer one (a file
 * with no newline, a 2 GB line) stops the run with its row, line and the limit, as soon as it passes the limit.
 * Splitting bytes is safe: a newline byte never occurs inside a multi-byte UTF-8 character. A CR before the newline
 * and a byte-order mark before the first line are not part of the JSON.
 */
export async function* jsonlLines(stream: Readable, file: string, maxBytes: number): AsyncGenerator<JsonlLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  let row = 0;
  const tooLong = (): never => {
    throw new BatchInputError('INPUT_TOO_LARGE', { file, row: row + 1, line: line + 1 }, `a line longer than ${bytesText(maxBytes)}`);
  };
  const decode = (bytes: Buffer): string => {
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end -= 1;
    const start = line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return bytes.toString('utf8', start, end);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      if (pendingBytes + nl - start > maxBytes) tooLong();
      const bytes = pendingBytes === 0 ? chunk.subarray(start, nl) : Buffer.concat([...pending, chunk.subarray(start, nl)]);
      pending = [];
      pendingBytes = 0;
      line += 1;
      start = nl + 1;
      const text = decode(bytes);
      if (isRowLine(text)) yield { row: ++row, line, text };
    }
    if (start < chunk.length) {
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxBytes) tooLong();
      pending.push(chunk.subarray(start));
    }
  }
  if (pendingBytes > 0) {
    line += 1;
    const text = decode(Buffer.concat(pending));
    if (isRowLine(text)) yield { row: ++row, line, text };
  }
}
