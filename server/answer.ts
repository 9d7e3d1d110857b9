import { answerRequest } from '../analysis/index.ts';
import type { Lang, RuleBase } from '../engine/index.ts';
import type { AnswerView, EvaluateRequest, Normalization } from '../schemas/index.ts';

/**
 * One evaluate request's answer (the route, the batch workers and the bench's ceiling route share it), in the view and
 * language it asks for: the request's `language` wins over Accept-Language (`lang`).
 */
export function answer(base: RuleBase, body: EvaluateRequest, today: () => string, lang: Lang, normalized?: readonly Normalization[]): AnswerView {
  return answerRequest(base, body, { today, lang, ...(normalized ? { normalized } : {}) });
}
