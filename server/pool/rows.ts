import { chunkEvaluator, type ChunkResult, type EvaluatorOptions, type RawItem } from '../../cli/batch/evaluate.ts';
import type { RuleBase } from '../../engine/index.ts';

/**
 * A chunk of an uploaded sheet's rows (POST /v1/evaluate/file), evaluated as `cleanprod batch` evaluates them
 * (cli/batch/evaluate.ts): each row read into a profile, validated, answered; a bad row gets its error. The evaluator
 * (the sheet's column map, the validator) is made once per job's options and rule base, and kept for its next chunk.
 */
let cached: { base: RuleBase; key: string; run: (items: readonly RawItem[]) => ChunkResult } | undefined;

export function evaluateRows(base: RuleBase, items: readonly RawItem[], options: EvaluatorOptions): ChunkResult {
  const key = JSON.stringify(options);
  if (cached?.base !== base || cached.key !== key) cached = { base, key, run: chunkEvaluator(base, options) };
  return cached.run(items);
}
