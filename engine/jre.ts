import { Engine, Operator, type RuleResult } from 'json-rules-engine';
import type { Answer, Profile } from '../schemas/index.ts';
import { EngineInconsistencyError } from './errors.ts';
import { evaluate, type RuleJudge } from './evaluate.ts';
import type { EvaluateOptions, PreparedRule, PreparedVersion, RuleBase } from './model.ts';
import { OPERATORS } from './operators.ts';
import { leavesOf, readFact } from './conditions.ts';
import { judgeCompiled, type Facts, type Judgment, type LeafTest } from './tri.ts';

/**
 * json-rules-engine, the reference semantics. One Engine per rule-set version, built once and reused; each rule is its
 * effective condition (jurisdiction, scope, own conditions), so the reference decides the whole rule. Rules whose
 * conditions hang on absent facts are left to the three-valued evaluator (json-rules-engine has no "unknown"); for
 * every other rule the decision and its `because`/`whyNot` leaves come from json-rules-engine's own result.
 */
export class JsonRulesEngineReference {
  private readonly engines = new Map<PreparedVersion, Engine>();

  engineFor(v: PreparedVersion): Engine {
    let engine = this.engines.get(v);
    if (!engine) {
      engine = buildJreEngine(v);
      this.engines.set(v, engine);
    }
    return engine;
  }

  /** Runs a version's rules on the facts and returns json-rules-engine's result per rule id. */
  async run(v: PreparedVersion, facts: Facts, engine: Engine = this.engineFor(v)): Promise<Map<string, RuleResult>> {
    const { results, failureResults } = await engine.run(jreFacts(facts));
    return new Map([...results, ...failureResults].map((r) => [r.name as string, r]));
  }

  /** The full answer, with every determined decision made by json-rules-engine. */
  async evaluate(base: RuleBase, profile: Profile, options: EvaluateOptions): Promise<Answer> {
    const needed = new Map<PreparedVersion, Facts>();
    evaluate(base, profile, options, (v, rule, facts, table) => {
      needed.set(v, facts);
      return judgeCompiled(rule.effective, table);
    });
    const runs = new Map<PreparedVersion, Map<string, RuleResult>>();
    for (const [v, facts] of needed) runs.set(v, await this.run(v, facts));
    const referenceJudge: RuleJudge = (v, rule, facts, table) => {
      const tri = judgeCompiled(rule.effective, table);
      if (tri.value === 'U') return tri;
      const result = runs.get(v)?.get(rule.json.id);
      if (!result) throw new EngineInconsistencyError(`json-rules-engine gave no result for ${v.id}/${rule.json.id}`);
      const ref = judgmentFromResult(result);
      if (ref.value !== tri.value) {
        throw new EngineInconsistencyError(`${v.id}/${rule.json.id}: json-rules-engine says ${ref.value}, the three-valued evaluator ${tri.value}`);
      }
      // With absent facts json-rules-engine counts an absent leaf as failed; the explanation then keeps to the leaves
      // whose facts were given, which the three-valued evaluator gives.
      return leavesOf(rule.effective.node).every((l) => readFact(facts, l) !== undefined) ? ref : tri;
    };
    return evaluate(base, profile, options, referenceJudge);
  }
}

export function buildJreEngine(v: PreparedVersion): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of OPERATORS.values()) {
    if (!op.builtin) engine.addOperator(new Operator(op.name, (f: unknown, val: unknown) => op.test(f, val), op.factGuard));
  }
  for (const rule of v.rules) addJreRule(engine, rule);
  return engine;
}

function addJreRule(engine: Engine, rule: PreparedRule): void {
  // The effective condition: the rule set's jurisdiction and scope, then the rule's own (see prepare.ts).
  engine.addRule({ name: rule.json.id, conditions: rule.effectiveJson as never, event: { type: rule.json.id } });
}

/** Absent facts are left out, so json-rules-engine sees them as undefined. */
export function jreFacts(facts: Facts): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) if (v !== undefined) out[k] = v;
  return out;
}

interface JreNode {
  all?: JreNode[];
  any?: JreNode[];
  not?: JreNode;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  result?: boolean;
  factResult?: unknown;
}

/** Reads json-rules-engine's evaluated condition tree: the rule's value and the leaves behind it. */
export function judgmentFromResult(result: RuleResult): Judgment {
  const root = result.conditions as unknown as JreNode;
  const value = result.result ? 'T' : 'F';
  const leaves: LeafTest[] = [];
  collect(root, result.result ?? false, false, leaves);
  return { value, because: value === 'T' ? leaves : [], missing: value === 'F' ? leaves : [], unknownFacts: [] };
}

function nodeValue(n: JreNode): boolean {
  if (n.all) return n.all.every(nodeValue);
  if (n.any) return n.any.some(nodeValue);
  if (n.not) return !nodeValue(n.not);
  if (n.result === undefined) throw new EngineInconsistencyError(`json-rules-engine did not evaluate ${n.fact}${n.path ?? ''}`);
  return n.result;
}

function collect(n: JreNode, want: boolean, negated: boolean, out: LeafTest[]): void {
  if (n.all || n.any) {
    const everyChild = Boolean(n.all) === want;
    for (const c of (n.all ?? n.any)!) if (everyChild || nodeValue(c) === want) collect(c, nodeValue(c), negated, out);
    return;
  }
  if (n.not) {
    collect(n.not, !want, !negated, out);
    return;
  }
  const name = [n.fact, ...(n.path ? n.path.slice(2).split('.') : [])].join('.');
  const t: LeafTest = { fact: name, operator: n.operator!, value: n.value, actual: n.factResult ?? null };
  if (negated) t.negated = true;
  out.push(t);
}
