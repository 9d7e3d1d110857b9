import { CleanprodError } from '../../engine/index.ts';

/** Where in the input a problem is: the file, and the data row (1-based, as in the output's `row`) and line if known. */
export interface InputPlace {
  file: string;
  /** data row, as the output's `row` column counts them; 0 = the header */
  row?: number;
  /** physical line of a text file (1-based) */
  line?: number;
}

const placeText = ({ file, row, line }: InputPlace): string =>
  [file, row === 0 ? 'header' : row !== undefined ? `row ${row}` : undefined, line !== undefined ? `line ${line}` : undefined].filter(Boolean).join(', ');

/**
 * The batch input cannot be read (missing, not of its format, over a limit, broken): the whole run stops before its
 * output is in place. The message names the file, the row and line where known, and the reason.
 */
export class BatchInputError extends CleanprodError {
  readonly place: InputPlace;
  constructor(code: 'INPUT_NOT_FOUND' | 'INPUT_NOT_READABLE' | 'INPUT_WRONG_FORMAT' | 'INPUT_TOO_LARGE' | 'INPUT_INVALID', place: InputPlace, reason: string) {
    super(code, `${placeText(place)}: ${reason}`, [
      { path: place.row === undefined ? '(file)' : place.row === 0 ? '(header)' : `(row ${place.row})`, message: reason },
    ]);
    this.place = place;
  }
}
