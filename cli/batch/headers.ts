import type { Names } from '../../schemas/labels/text.ts';
import { FIELD_TEXT } from '../../schemas/labels/document.ts';
import { AS_OF_COLUMN, profileColumns } from './columns.ts';

/** The label of the `asOf` column (a row's own evaluation date), which is not a profile field. */
const AS_OF_LABEL: Names = { zh: '评估日期', en: 'Evaluation date' };

let cached: Readonly<Record<string, Names>> | undefined;

/**
 * The header label of every column a batch sheet may have, in Chinese and English, by column key: exactly the columns
 * columns.ts reads (every profile leaf, by its dotted path, and `asOf`). The labels are the profile's field labels
 * (schemas/labels, the same the self-assessment page shows), so a template's Chinese header reads as the form does.
 * Every label is unique within its language (tests/cli/batch-headers.test.ts), so a header cell names one column.
 */
export function columnLabels(): Readonly<Record<string, Names>> {
  if (!cached) {
    const out: Record<string, Names> = {};
    for (const key of profileColumns().keys()) {
      const text = FIELD_TEXT[key];
      if (!text) throw new Error(`headers: the profile field ${key} has no label in schemas/labels`);
      out[key] = { zh: text.label.zh, en: text.label.en };
    }
    out[AS_OF_COLUMN] = AS_OF_LABEL;
    cached = Object.freeze(out);
  }
  return cached;
}
