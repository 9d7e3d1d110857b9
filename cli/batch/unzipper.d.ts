// The part of unzipper (a dependency of exceljs, and of this package for checking an xlsx before exceljs reads it)
// that cli/batch/xlsx.ts uses: the streaming parser, whose entries are readable streams of decompressed bytes.
declare module 'unzipper' {
  import type { Duplex, Readable } from 'node:stream';
  export interface Entry extends Readable {
    path: string;
    type: 'File' | 'Directory';
    autodrain(): void;
  }
  export function Parse(options?: { forceStream?: boolean }): Duplex & AsyncIterable<Entry>;
  const unzipper: { Parse: typeof Parse };
  export default unzipper;
}
