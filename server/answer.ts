import { evaluate, type Lang, type RuleBase } from '../engine/index.ts';
import type { Answer, EvaluateRequest } from '../schemas/index.ts';

/** One evaluate request's answer (the route, the batch workers and the bench's ceiling route share it). */
export function answer(base: RuleBase, body: EvaluateRequest, today: () => string, lang: Lang): Answer {
  return evaluate(base, body.profile, {
    asOf: body.asOf ?? today(),
    ...(body.rulesets ? { rulesets: body.rulesets } : {}),
    ...(body.versions ? { versions: body.versions } : {}),
    includeOutOfForce: body.includeOutOfForce ?? false,
    lang,
    // Each whyNot names the single change that would satisfy it (POST /v1/whatif), where one would.
    whatIfLinks: true,
  });
}
