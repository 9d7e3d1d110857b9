import type { Bilingual, ErrorDetail, Lang, RuleBase } from '../../engine/index.ts';
import type { Answer, Profile } from '../../schemas/index.ts';
import type { ImpactDetailTask } from './impact-task.ts';
import type { EvaluatorOptions, RawItem } from '../../cli/batch/evaluate.ts';

/**
 * The rule base a task runs on, shared with the workers without copying: its inputs as JSON in a SharedArrayBuffer,
 * with a generation number. A worker prepares each generation once and keeps it until a task names a newer one.
 */
export interface RulesRef {
  generation: number;
  data: SharedArrayBuffer;
}

/** The heavy work the routes hand to the pool (worker.ts runs it). Each result is JSON text, ready to send. */
export type Task = { rules: RulesRef } & (
  | { kind: 'batch'; items: unknown[]; offset: number; asOf: string; lang: Lang; instance: string }
  | { kind: 'impact'; id: string; from: string; to: string; asOf?: string; profiles?: Profile[]; synthetic?: { n: number; seed: number }; warnings?: Warning[] }
  | { kind: 'diff'; id: string; from: string; to: string }
  | { kind: 'timeline'; profile: Profile; from?: string; to: string; rulesets?: string[]; warnings?: Warning[] }
  | { kind: 'verify'; profile: Profile; answer: Answer; warnings?: Warning[] }
  | ImpactDetailTask
  | { kind: 'rows'; items: RawItem[]; options: EvaluatorOptions }
);

/** A `normalized` warning a heavy route adds to its response (the names read as keys, in the request's language). */
export interface Warning {
  code: 'normalized';
  path: string;
  message: string;
}

/** What a task comes back with: JSON text and how many evaluations it made, or a CleanprodError as data. */
export type TaskResult =
  | { ok: true; json: string; evaluations: number }
  | { ok: false; error: { code: string; message: string; text?: Bilingual; details: ErrorDetail[] } };

/**
 * What each kind of request costs against the rate limit, in units of one evaluation's work (about a millisecond):
 * measured on the bundled rules (a semantic diff ≈ 30 evaluations, a timeline ≈ 15, a verification ≈ 30).
 */
export const COST = { evaluate: 1, whatif: 2, diff: 30, timeline: 20, verify: 30, impactPerProfile: 1 } as const;

let generation = 0;
const refs = new WeakMap<RuleBase, RulesRef>();

/** The shared reference to a rule base (made once per rule base: a reload makes a new one). */
export function rulesRef(base: RuleBase): RulesRef {
  let ref = refs.get(base);
  if (!ref) {
    const versions = [...base.rulesets.values()].flat().map((v) => ({ file: v.file, sha256: v.sha256, location: v.location }));
    const bytes = Buffer.from(JSON.stringify({ versions, derivedFacts: base.derivedFacts }));
    const data = new SharedArrayBuffer(bytes.length);
    new Uint8Array(data).set(bytes);
    ref = { generation: ++generation, data };
    refs.set(base, ref);
  }
  return ref;
}
