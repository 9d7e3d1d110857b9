import type { ConditionJson, DerivedFactDef, Normalization, RuleJson, RuleSetFile } from '../schemas/index.ts';
import type { Node } from './conditions.ts';
import type { Compiled, Program } from './tri.ts';
import type { DateRange } from './dates.ts';
import type { DutySpec } from './duty-spec.ts';

/** One version of a rule set as loaded at the edge: its parsed file, content hash and where it came from. */
export interface RuleSetVersionInput {
  readonly file: RuleSetFile;
  readonly sha256: string;
  readonly location: string;
}

export interface PreparedRule {
  readonly json: RuleJson;
  readonly node: Node;
  /** The rule's own conditions, compiled into the rule base's program at preparation. */
  readonly compiled: Compiled;
  /**
   * What decides the rule: its version's jurisdiction (`place`), its version's scope (`appliesTo`) and its own
   * conditions, as one `all` — the JSON the reference engine runs, and its compiled form.
   */
  readonly effectiveJson: ConditionJson;
  readonly effective: Compiled;
  /** Whether a false result is explained (incentives and the simplified route get a whyNot). */
  readonly explainsFalse: boolean;
  /** The audit duty, for audit rules that oblige and state a `due` block. */
  readonly duty?: DutySpec;
}
export interface PreparedWarning {
  readonly code: string;
  readonly node: Node;
  readonly message: { zh: string; en: string };
  readonly path: string;
}

/** A rule-set version with its condition trees parsed once and reused for every evaluation. */
export interface PreparedVersion {
  readonly id: string;
  readonly version: string;
  readonly file: RuleSetFile;
  readonly sha256: string;
  readonly location: string;
  readonly appliesTo: Node | null;
  /** The jurisdiction as a condition (see place.ts), compiled. */
  readonly place: Compiled;
  readonly rules: readonly PreparedRule[];
  readonly warnings: readonly PreparedWarning[];
  /** The days on which this version is the one used (its validity, less the days a higher version covers). */
  readonly selected: readonly DateRange[];
}

/** An audit duty of one version's rule, listed once per rule base. */
export interface DutyRule {
  readonly ruleset: string;
  readonly version: PreparedVersion;
  readonly rule: PreparedRule;
  readonly spec: DutySpec;
}

/** Everything an evaluation needs: every version of every rule set (ascending semver) and the derived facts. */
export interface RuleBase {
  readonly rulesets: ReadonlyMap<string, readonly PreparedVersion[]>;
  readonly derivedFacts: readonly DerivedFactDef[];
  /** Every condition of every version, flattened and shared: one memo per evaluation. */
  readonly program: Program;
  /** Derived fact name → the profile path to ask for it. */
  readonly askFor: ReadonlyMap<string, string>;
  /** The top-level profile fields derived facts are computed from. */
  readonly derivedRoots: ReadonlySet<string>;
  /** Every audit duty of every version, in rule-set and version order. */
  readonly duties: readonly DutyRule[];
}

export interface EvaluateOptions {
  /** The evaluation date (required: the engine never reads the clock). */
  readonly asOf: string;
  readonly rulesets?: readonly string[];
  readonly versions?: Readonly<Record<string, string>>;
  readonly includeOutOfForce?: boolean;
  /** Language of explanations (titles stay bilingual, quotes verbatim). Default zh. */
  readonly lang?: 'zh' | 'en';
  /**
   * `full` (default): the whole answer. `summary`: the verdict only — summary, decisions (without because or
   * explanation), undetermined and questions, but no whyNot and no profile hash — for batch runs that print summaries.
   * `verdict`: less again, for the summary view (which shows neither questions nor undetermined rules): undetermined
   * audit and process rules only (what the verdict reads), without their missing facts, and no questions.
   */
  readonly detail?: 'full' | 'summary' | 'verdict';
  /** Names the caller read as keys before validation (schemas/normalize.ts): each becomes a `normalized` warning. */
  readonly normalized?: readonly Normalization[];
}
