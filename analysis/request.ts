import { canonicalJson, evaluate, sha256, type EvaluateOptions, type Lang, type RuleBase } from '../engine/index.ts';
import type { Answer, AnswerView, AnswerViewName, EvaluateRequest, Normalization } from '../schemas/index.ts';
import { linkWhyNot } from './links.ts';

/** What the caller adds to a request: its clock and language, command-line overrides, and the names it normalised. */
export interface RequestContext {
  /** The date used when neither an override nor the request gives one (the caller's clock, at the edge). */
  readonly today: () => string;
  /** The language when the request names none (the server's Accept-Language). */
  readonly lang?: Lang;
  /** Command-line flags: they win over what the request file says. */
  readonly override?: { readonly asOf?: string; readonly includeOutOfForce?: boolean; readonly lang?: Lang; readonly view?: AnswerViewName };
  /** Names in the profile read as keys (schemas/normalize.ts), reported as `normalized` warnings. */
  readonly normalized?: readonly Normalization[];
}

/** The one translation of an evaluate request into the engine's options (CLI, server, what-if alike). */
export function optionsFor(request: Omit<EvaluateRequest, 'profile'>, ctx: RequestContext): EvaluateOptions {
  const o = ctx.override ?? {};
  const view = o.view ?? request.view ?? 'full';
  return {
    asOf: o.asOf ?? request.asOf ?? ctx.today(),
    ...(request.rulesets ? { rulesets: request.rulesets } : {}),
    ...(request.versions ? { versions: request.versions } : {}),
    includeOutOfForce: o.includeOutOfForce ?? request.includeOutOfForce ?? false,
    lang: o.lang ?? request.language ?? ctx.lang ?? 'zh',
    // The summary view shows no decision, question or undetermined rule: the engine then skips explanations, whyNot,
    // questions and the missing facts of undetermined rules.
    ...(view === 'summary' ? { detail: 'verdict' as const } : {}),
    ...(ctx.normalized && ctx.normalized.length > 0 ? { normalized: ctx.normalized } : {}),
  };
}

/**
 * An evaluate request answered in the view it asks for: the engine's answer, each whyNot linked to the single change
 * that would satisfy it.
 */
export function answerRequest(base: RuleBase, request: EvaluateRequest, ctx: RequestContext): AnswerView {
  const options = optionsFor(request, ctx);
  const answer = evaluate(base, request.profile, options);
  const view = ctx.override?.view ?? request.view ?? 'full';
  if (view === 'summary') {
    // (The receipt's profile hash is the one part of it the lean engine leaves out; assigned, not spread: this is the
    // hot path of the summary view.)
    const receipt = Object.assign({}, answer.receipt, { profileSha256: sha256(canonicalJson(request.profile)) });
    return viewOf(Object.assign({}, answer, { receipt }), 'summary');
  }
  return viewOf(linkWhyNot(base, request.profile, answer), view);
}

/** The fields of a view (see AnswerSchema): summary the verdict, standard adds the decisions, full is everything. */
export function viewOf(answer: Answer, view: AnswerViewName): AnswerView {
  if (view === 'full') return answer;
  const { asOf, language, profileId, rulesets, summary, warnings, receipt } = answer;
  if (view === 'standard') {
    return {
      asOf,
      view,
      language,
      profileId,
      rulesets,
      summary,
      decisions: answer.decisions,
      whyNot: answer.whyNot,
      questions: answer.questions,
      warnings,
      receipt,
    };
  }
  // The summary view: the verdict in a few KB, whatever the profile. Titles and citations are left out (the ids name the
  // rules), the lists of decisions are counted (summary.counts), and the duties are the standard view's.
  const { audit, process, counts } = summary;
  const { duties, missed, ...verdict } = audit;
  const open = duties.filter((d) => !d.applies);
  return {
    asOf,
    view,
    language,
    profileId,
    rulesets: rulesets.map((r) => ({ id: r.id, version: r.version, status: r.status, reason: r.reason, pinned: r.pinned })),
    // (The served schema's lean summary: TypeBox types it for either form, so it is named here.)
    summary: { audit: { ...verdict, missed: missed.map(({ title: _title, citation: _citation, ...m }) => m) }, process, counts } as AnswerView['summary'],
    warnings: [...groupWarnings(warnings, language), ...(open.length > 0 ? [openDutiesWarning(open, language)] : [])],
    receipt,
  };
}

const LIST_SEPARATOR = { zh: '、', en: ', ' } as const;
/** Paths named in one grouped warning; the rest are counted. */
const PATHS_SHOWN = 8;

/** Warnings of one code become one, quoting the first few in full (the summary view's warnings). */
function groupWarnings(warnings: Answer['warnings'], lang: Lang): Answer['warnings'] {
  const byCode = new Map<string, Answer['warnings']>();
  for (const w of warnings) {
    const group = byCode.get(w.code);
    if (group) group.push(w);
    else byCode.set(w.code, [w]);
  }
  return [...byCode.values()].map((group) => {
    if (group.length === 1) return group[0]!;
    const shown = group.slice(0, PATHS_SHOWN).map((w) => w.message);
    const more = group.length - shown.length;
    const tail =
      more === 0
        ? ''
        : lang === 'zh'
          ? ` 另有 ${more} 条同类提示，standard 与 full 视图逐条列出。`
          : ` ${more} more of this kind: the standard and full views list each.`;
    return { code: group[0]!.code, path: null, message: `${shown.join(' ')}${tail}` };
  });
}

/** The summary view's note on the audit duties whose applicability hangs on facts not given. */
function openDutiesWarning(open: Answer['summary']['audit']['duties'], lang: Lang): Answer['warnings'][number] {
  const facts = [...new Set(open.flatMap((d) => d.missingFacts))];
  const shown = facts.slice(0, PATHS_SHOWN).join(LIST_SEPARATOR[lang]);
  const message =
    lang === 'zh'
      ? `另有 ${open.length} 项审核义务是否适用取决于未提供的信息（${shown}${facts.length > PATHS_SHOWN ? ' 等' : ''}）；standard 与 full 视图逐项列出。`
      : `${open.length} audit duties may apply depending on facts not given (${shown}${facts.length > PATHS_SHOWN ? ', …' : ''}); the standard and full views list each.`;
  return { code: 'duties-undetermined', path: null, message };
}
