import { RuleSetIdSchema, VersionSchema } from '../../schemas/index.ts';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { conditionWords, factLabel, UnknownRuleSetError, versionOf, versionsOf } from '../../engine/index.ts';
import { jurisdictionWords, kindName, outcomeName, ruleWords } from '../../analysis/index.ts';
import { casesNaming } from '../../loader/index.ts';
import { languageOf } from '../language.ts';
import { problemOf, sendProblem } from '../problem.ts';
import { GET_PROBLEMS, problems } from '../openapi-responses.ts';
import type { RuleBaseHolder } from '../rulebase-holder.ts';
import { casesOf, changelogOf, sourcePassagesOf } from '../rules/documents.ts';
import { ChangelogSchema, RuleCasesSchema, RuleDetailSchema, SourceSchema } from './ruleset-schemas.ts';

const RuleId = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 200, description: 'a rule id, e.g. cppl-2012-art27-2-2-high-energy' });
const PROBLEMS = problems(...GET_PROBLEMS, 404);
const VersionParams = Type.Object({ id: RuleSetIdSchema, version: VersionSchema });
const RuleParams = Type.Object({ id: RuleSetIdSchema, version: VersionSchema, rule: RuleId });
/** Most cases listed for one rule (the total says how many name it). */
export const CASES_LISTED = 200;

type VersionRequest = FastifyRequest<{ Params: { id: string; version: string } }>;
type RuleRequest = FastifyRequest<{ Params: { id: string; version: string; rule: string } }>;

/** An answer worded in the language of Accept-Language: says which, and that caches must key on it. */
export function languageHeaders(reply: FastifyReply, lang: 'zh' | 'en'): void {
  reply.header('content-language', lang === 'zh' ? 'zh-CN' : 'en');
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, accept-language` : 'accept-language');
}

/** A document the pages ask for that this rules directory does not hold: 404, in the request's language. */
const notFound = (request: FastifyRequest, reply: FastifyReply, detail: { zh: string; en: string }) => {
  const lang = languageOf(request);
  return sendProblem(reply, problemOf('not-found', lang, detail[lang], [{ path: '(request)', message: detail[lang] }], request.url), lang);
};

/** The CHANGELOG's `## <version> (…)` sections, in the file's order. */
export function changelogSections(markdown: string): { version: string | null; heading: string; body: string }[] {
  const out: { version: string | null; heading: string; body: string }[] = [];
  for (const part of markdown.split(/^## /m).slice(1)) {
    const nl = part.indexOf('\n');
    const heading = (nl < 0 ? part : part.slice(0, nl)).trim();
    out.push({ version: /^\d+\.\d+\.\d+\b/.exec(heading)?.[0] ?? null, heading, body: nl < 0 ? '' : part.slice(nl + 1).trim() });
  }
  return out;
}

/**
 * What policy staff read about a rule set beside its rule files: the CHANGELOG, a version's source text with the rules
 * quoting each passage, one rule in words, and the golden cases naming a rule. Light routes (files read once per
 * version and cached), in the language of Accept-Language where a person reads sentences.
 */
export const rulesetDocsRoutes: FastifyPluginAsync<{ rules: RuleBaseHolder }> = async (app, { rules }) => {
  app.get<{ Params: { id: string } }>(
    '/v1/rulesets/:id/changelog',
    {
      schema: {
        tags: ['rulesets'],
        summary: "A rule set's CHANGELOG",
        description: 'CHANGELOG.md as written beside the rule files, whole and split into its `## <version>` sections. 404 when the rule set has none.',
        params: Type.Object({ id: RuleSetIdSchema }),
        response: { 200: ChangelogSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const versions = versionsOf(rules.current(), request.params.id, 'id');
      const markdown = await changelogOf(versions[versions.length - 1]!);
      if (markdown === undefined)
        return notFound(request, reply, { zh: `规则集 ${request.params.id} 没有 CHANGELOG.md`, en: `rule set ${request.params.id} has no CHANGELOG.md` });
      return { id: request.params.id, markdown, sections: changelogSections(markdown) };
    },
  );

  app.get<{ Params: { id: string; version: string } }>(
    '/v1/rulesets/:id/versions/:version/source',
    {
      schema: {
        tags: ['rulesets'],
        summary: "A version's source text, each passage with the rules that quote it",
        description:
          'Every passage (non-empty line) of the text the version encodes, with the ranges quoted and the rules (and warnings) quoting it — an empty `quotedBy` is a passage no rule quotes — and the rules named in the language of Accept-Language. Quotes are found as lint finds them (whitespace aside). `unlocated`: rules whose quote the text no longer holds.',
        params: VersionParams,
        response: { 200: SourceSchema, ...PROBLEMS },
      },
    },
    async (request: VersionRequest, reply) => {
      const { id, version } = request.params;
      const v = versionOf(rules.current(), id, version, 'version', 'id');
      const found = await sourcePassagesOf(v);
      if (!found)
        return notFound(request, reply, {
          zh: `${id} ${version} 的原文（${v.file.source.file}）不可用`,
          en: `the source text of ${id} ${version} (${v.file.source.file}) is not available`,
        });
      const lang = languageOf(request);
      const named = new Set(found.passages.flatMap((p) => p.quotedBy.filter((q) => q.kind === 'rule').map((q) => q.id)));
      const ruleMap = Object.fromEntries(
        v.rules
          .filter((r) => named.has(r.json.id))
          .map(({ json: r }) => [
            r.id,
            {
              title: r.title[lang],
              kind: r.kind,
              kindText: kindName(r.kind, lang),
              outcome: r.outcome,
              outcomeText: outcomeName(r.kind, r.outcome, lang),
              section: r.citation.section,
            },
          ]),
      );
      const warnings = Object.fromEntries(
        (v.file.warnings ?? []).filter((x) => x.citation).map((x) => [x.code, { section: x.citation!.section, message: x.message[lang] }]),
      );
      languageHeaders(reply, lang);
      return {
        id,
        version,
        language: lang,
        document: v.file.source.document,
        file: v.file.source.file,
        counts: found.counts,
        passages: found.passages,
        rules: ruleMap,
        warnings,
        unlocated: found.unlocated,
      };
    },
  );

  app.get<{ Params: { id: string; version: string; rule: string } }>(
    '/v1/rulesets/:id/versions/:version/rules/:rule',
    {
      schema: {
        tags: ['rulesets'],
        summary: 'One rule in words',
        description:
          "The rule's conditions as a tree in words (all / any / not, each test named) and as one sentence, its kind and outcome named, its citation with the verbatim quote, its explanation, and the version's jurisdiction and scope — in the language of Accept-Language.",
        params: RuleParams,
        response: { 200: RuleDetailSchema, ...PROBLEMS },
      },
    },
    async (request: RuleRequest, reply) => {
      const { id, version, rule } = request.params;
      const v = versionOf(rules.current(), id, version, 'version', 'id');
      const r = v.rules.find((x) => x.json.id === rule)?.json;
      if (!r) throw new UnknownRuleSetError(`${id} ${version} has no rule '${rule}'`, 'rule');
      const lang = languageOf(request);
      languageHeaders(reply, lang);
      return {
        ruleset: id,
        version,
        language: lang,
        ...ruleWords(r, lang),
        explanation: r.explanation[lang].replace(/\{([A-Za-z][\w.]*)\}/g, (_, name: string) => `〈${factLabel(name, lang)}〉`),
        jurisdiction: jurisdictionWords(v.file.jurisdiction, lang),
        scope: v.file.appliesTo ? conditionWords(v.file.appliesTo, lang) : null,
      };
    },
  );

  app.get<{ Params: { id: string; version: string; rule: string } }>(
    '/v1/rulesets/:id/versions/:version/rules/:rule/cases',
    {
      schema: {
        tags: ['rulesets'],
        summary: 'The golden cases naming a rule',
        description: `Every golden case (cases/, beside the rules directory) whose expectations name the rule — it fires, does not fire, is undetermined, is the due date's basis, is missed, or a duty's state — with the version of the rule set it runs with (\`forThisVersion\`), its date and its profile; at most ${CASES_LISTED} (\`total\` counts them all).`,
        params: RuleParams,
        response: { 200: RuleCasesSchema, ...PROBLEMS },
      },
    },
    async (request: RuleRequest) => {
      const { id, version, rule } = request.params;
      const base = rules.current();
      const v = versionOf(base, id, version, 'version', 'id');
      if (!v.rules.some((x) => x.json.id === rule)) throw new UnknownRuleSetError(`${id} ${version} has no rule '${rule}'`, 'rule');
      const all = casesNaming(base, await casesOf(base), id, rule).map((c) => ({ ...c, forThisVersion: c.version === version }));
      // The cases that run with this version first, then the others (each group in file order).
      const sorted = [...all.filter((c) => c.forThisVersion), ...all.filter((c) => !c.forThisVersion)];
      return { ruleset: id, version, rule, total: all.length, cases: sorted.slice(0, CASES_LISTED) };
    },
  );
};
