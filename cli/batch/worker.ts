import { workerData } from 'piscina';
import { prepareRuleBase, type RuleSetVersionInput } from '../../engine/index.ts';
import type { DerivedFactDef } from '../../schemas/index.ts';
import { chunkEvaluator, type ChunkResult, type EvaluatorOptions, type RawItem } from './evaluate.ts';

/** What each worker thread starts from: the rule files as loaded and linted by the main thread, and the options. */
export interface WorkerInit {
  rules: { versions: RuleSetVersionInput[]; derivedFacts: DerivedFactDef[] };
  options: EvaluatorOptions;
}

// A piscina worker: the rule base is prepared once per thread, then every task is a chunk of rows.
const init = workerData as WorkerInit;
const evaluateChunk = chunkEvaluator(prepareRuleBase(init.rules.versions, init.rules.derivedFacts), init.options);

export default function evaluateTask(items: RawItem[]): ChunkResult {
  return evaluateChunk(items);
}
