import { diffVersions, impact, synthesize, timeline, verifyAnswer } from '../../analysis/index.ts';
import { CleanprodError, prepareRuleBase, versionOf, type RuleBase } from '../../engine/index.ts';
import { validatorFor, type EvaluateRequest } from '../../schemas/index.ts';
import { engineProblem, problemOf, validationErrors } from '../problem.ts';
import { answer } from '../answer.ts';
import { bodyLanguage } from '../language.ts';
import { normalizeRequest } from '../normalize.ts';
import { evaluateRows } from './rows.ts';
import type { RulesRef, Task, TaskResult, Warning } from './tasks.ts';
import { runImpactDetail } from './impact-task.ts';

/**
 * The worker pool's module (run from dist/server/pool/worker.js by piscina): the heavy routes' work, off the server's
 * event loop. Each task names the rule base it runs on; the worker prepares it once per generation.
 */
let cached: { generation: number; base: RuleBase } | undefined;
function baseOf(ref: RulesRef): RuleBase {
  if (cached?.generation !== ref.generation) {
    const { versions, derivedFacts } = JSON.parse(Buffer.from(ref.data).toString('utf8'));
    cached = { generation: ref.generation, base: prepareRuleBase(versions, derivedFacts) };
  }
  return cached.base;
}

const validateItem = validatorFor<EvaluateRequest>('EvaluateRequest');

/**
 * One slice of a batch: each item's names read as keys, then validated and answered on its own, in its own language
 * (its `language`, else the request's), as the JSON of the items joined with commas.
 */
function batch(base: RuleBase, t: Extract<Task, { kind: 'batch' }>): TaskResult {
  const out: string[] = [];
  let evaluations = 0;
  t.items.forEach((given, i) => {
    const index = t.offset + i;
    const lang = bodyLanguage(given) ?? t.lang;
    const { body: item, notes } = normalizeRequest(given);
    if (!validateItem(item)) {
      const v = validationErrors(validateItem.errors, '', `[${index}]`, lang);
      out.push(JSON.stringify({ index, ok: false, error: problemOf('invalid-input', lang, v.detail, v.errors, t.instance, v.moreErrors) }));
      return;
    }
    try {
      evaluations += 1;
      out.push(JSON.stringify({ index, ok: true, answer: answer(base, item, () => t.asOf, t.lang, notes) }));
    } catch (e) {
      const p = e instanceof CleanprodError ? engineProblem(e, lang, t.instance, `[${index}]`) : undefined;
      if (!p) throw e;
      out.push(JSON.stringify({ index, ok: false, error: p }));
    }
  });
  return { ok: true, json: out.join(','), evaluations };
}

/** The `normalized` warnings a task carries, as the response's `warnings` (absent when there are none). */
const warnings = (task: { warnings?: Warning[] }) => (task.warnings && task.warnings.length > 0 ? { warnings: task.warnings } : {});

async function run(task: Task): Promise<TaskResult> {
  const base = baseOf(task.rules);
  switch (task.kind) {
    case 'batch':
      return batch(base, task);
    case 'impact': {
      const population = task.profiles ?? [...synthesize(task.synthetic?.n ?? 1000, task.synthetic?.seed ?? 42)];
      const report = impact(base, task.id, task.from, task.to, population, task.asOf);
      return { ok: true, json: JSON.stringify({ ...report, ...warnings(task) }), evaluations: 2 * population.length };
    }
    case 'diff': {
      const diff = diffVersions(versionOf(base, task.id, task.from, 'from', 'id'), versionOf(base, task.id, task.to, 'to', 'id'));
      return { ok: true, json: JSON.stringify(diff), evaluations: 0 };
    }
    case 'timeline': {
      const t = timeline(base, task.profile, { ...(task.from ? { from: task.from } : {}), to: task.to, ...(task.rulesets ? { rulesets: task.rulesets } : {}) });
      return { ok: true, json: JSON.stringify({ ...t, ...warnings(task) }), evaluations: 0 };
    }
    case 'impact-detail':
      return { ok: true, ...(await runImpactDetail(base, task)) };
    case 'verify': {
      const { holds, checks } = await verifyAnswer(base, task.profile, task.answer);
      return { ok: true, json: JSON.stringify({ holds, checks, ...warnings(task) }), evaluations: 1 };
    }
    case 'rows': {
      const chunk = evaluateRows(base, task.items, task.options);
      return { ok: true, json: JSON.stringify(chunk), evaluations: chunk.rows - chunk.failed };
    }
  }
}

/** piscina's entry: a CleanprodError comes back as data (an error's code and details do not survive the thread boundary). */
export default async function handle(task: Task): Promise<TaskResult> {
  try {
    return await run(task);
  } catch (e) {
    if (e instanceof CleanprodError) return { ok: false, error: { code: e.code, message: e.message, ...(e.text ? { text: e.text } : {}), details: e.details } };
    throw e;
  }
}
