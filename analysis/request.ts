import { evaluate, type EvaluateOptions, type Lang, type RuleBase } from '../engine/index.ts';
import type { Answer, EvaluateRequest } from '../schemas/index.ts';
import { linkWhyNot } from './links.ts';

/** What the caller adds to a request: the date when the request gives none, the language, and command-line overrides. */
export interface RequestContext {
  /** The date used when neither `asOf` here nor the request gives one (the caller's clock, at the edge). */
  readonly today: () => string;
  readonly lang?: Lang;
  /** Overrides the request's own (the CLI's --as-of, --include-out-of-force). */
  readonly asOf?: string;
  readonly includeOutOfForce?: boolean;
}

/** The one translation of an evaluate request into the engine's options (CLI, server, what-if alike). */
export function optionsFor(request: Omit<EvaluateRequest, 'profile'>, ctx: RequestContext): EvaluateOptions {
  return {
    asOf: ctx.asOf ?? request.asOf ?? ctx.today(),
    ...(request.rulesets ? { rulesets: request.rulesets } : {}),
    ...(request.versions ? { versions: request.versions } : {}),
    includeOutOfForce: ctx.includeOutOfForce ?? request.includeOutOfForce ?? false,
    ...(ctx.lang ? { lang: ctx.lang } : {}),
  };
}

/** An evaluate request answered: the engine's answer, each whyNot linked to the single change that would satisfy it. */
export function answerRequest(base: RuleBase, request: EvaluateRequest, ctx: RequestContext): Answer {
  return linkWhyNot(base, request.profile, evaluate(base, request.profile, optionsFor(request, ctx)));
}
