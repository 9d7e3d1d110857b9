import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../engine/index.ts';
import { compileAuthorFile, compileCondition, compileTopCondition, Definitions, type ConditionProblem } from '../../loader/index.ts';
import { OPERATOR_ALIASES, type RuleSetAuthorFile } from '../../schemas/index.ts';

const compile = (node: unknown, defs: Record<string, unknown> = {}) => {
  const problems: ConditionProblem[] = [];
  const c = compileTopCondition(node, 'conditions', new Definitions(defs), problems);
  return { c, problems };
};
const leaf = (fact: string, path: string | undefined, operator: string, value: unknown) => ({ fact, ...(path ? { path } : {}), operator, value });

describe('shorthand conditions compile to json-rules-engine JSON', () => {
  it('a fact and its path, a value (equal) or one operator by its registry name or short name', () => {
    expect(compile({ 'energy.exceedsConsumptionQuota': true }).c).toEqual({ all: [leaf('energy', '$.exceedsConsumptionQuota', 'equal', true)] });
    expect(compile({ 'size.annualRevenue': { gte: 2000 } }).c).toEqual({ all: [leaf('size', '$.annualRevenue', 'greaterThanInclusive', 2000)] });
    expect(compile({ sector: { notEqual: 'public-institution' } }).c).toEqual({ all: [leaf('sector', undefined, 'notEqual', 'public-institution')] });
    expect(compile({ 'audit.mandatoryListed.listed': false }).c).toEqual({ all: [leaf('audit', '$.mandatoryListed.listed', 'equal', false)] });
    expect(compile({ industryKeys: { hasAny: ['steel', 'glass'] } }).c).toEqual({ all: [leaf('industryKeys', undefined, 'containsAny', ['steel', 'glass'])] });
  });

  it('every short name stands for a registry operator', () => {
    for (const [short, name] of Object.entries(OPERATOR_ALIASES)) {
      expect(OPERATORS.has(name), `${short} → ${name}`).toBe(true);
      expect(OPERATORS.has(short), `${short} is not itself a registry name`).toBe(false);
    }
  });

  it("a mapping's entries must all hold, in their order; one entry is that condition itself", () => {
    const { c } = compile({
      sector: 'industry',
      any: [{ 'location.park.inPark': true }, { 'location.inKeyWatershed': true }],
      not: { 'audit.certified': true },
    });
    expect(c).toEqual({
      all: [
        leaf('sector', undefined, 'equal', 'industry'),
        { any: [leaf('location', '$.park.inPark', 'equal', true), leaf('location', '$.inKeyWatershed', 'equal', true)] },
        { not: leaf('audit', '$.certified', 'equal', true) },
      ],
    });
    // Nested: a two-entry mapping inside any is `all` of the two; a one-entry mapping is the leaf.
    expect(compile({ any: [{ 'project.keyTechUpgrade': true }, { 'audit.voluntaryAgreement': true, 'project.kind': 'technical-upgrade' }] }).c).toEqual({
      any: [
        leaf('project', '$.keyTechUpgrade', 'equal', true),
        { all: [leaf('audit', '$.voluntaryAgreement', 'equal', true), leaf('project', '$.kind', 'equal', 'technical-upgrade')] },
      ],
    });
    // all: [] at the top: always holds. all/any/not at the top stay as written.
    expect(compile({ all: [] }).c).toEqual({ all: [] });
    expect(compile({ all: [{ any: [{ sector: 'industry' }] }] }).c).toEqual({ all: [{ any: [leaf('sector', undefined, 'equal', 'industry')] }] });
  });

  it('json-rules-engine leaves are taken as they are', () => {
    const full = leaf('energy', '$.exceedsConsumptionQuota', 'equal', true);
    expect(compile({ all: [full] }).c).toEqual({ all: [full] });
    expect(compile(full).c).toEqual({ all: [full] });
  });

  it('use: takes in a definition, also inside any and in other definitions', () => {
    const defs = {
      toxic: { any: [{ 'environment.usesToxicRawMaterials': true }, { 'environment.dischargesToxicSubstances': true }] },
      grounds: { any: [{ 'environment.exceedsDischargeStandard': true }, { use: 'toxic' }] },
      'prd-cities': { 'location.city': { in: ['guangzhou', 'foshan'] } },
    };
    const toxic = { any: [leaf('environment', '$.usesToxicRawMaterials', 'equal', true), leaf('environment', '$.dischargesToxicSubstances', 'equal', true)] };
    expect(compile({ use: 'toxic' }, defs).c).toEqual(toxic);
    expect(compile({ use: 'grounds', 'conduct.refusedRectification': true }, defs).c).toEqual({
      all: [{ any: [leaf('environment', '$.exceedsDischargeStandard', 'equal', true), toxic] }, leaf('conduct', '$.refusedRectification', 'equal', true)],
    });
    // A definition that is a leaf is wrapped at the top like any leaf.
    expect(compile({ use: 'prd-cities' }, defs).c).toEqual({ all: [leaf('location', '$.city', 'in', ['guangzhou', 'foshan'])] });
  });

  it('names what is wrong and where', () => {
    const messages = (node: unknown, defs: Record<string, unknown> = {}) => compile(node, defs).problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages({ 'energy.exceeds quota': true })).toEqual([
      expect.stringMatching(/^conditions\.energy\.exceeds quota: 'energy\.exceeds quota' is neither a fact/),
    ]);
    expect(messages({ industryKeys: ['steel'] })).toEqual([
      expect.stringMatching(/industryKeys: expected a value .*a list needs an operator, e\.g\. \{ in: \[\.\.\.\] \}/),
    ]);
    expect(messages({ 'size.annualRevenue': { gte: 2000, lt: 40000 } })).toEqual([expect.stringMatching(/one operator per entry.*\(got gte, lt\)/)]);
    expect(messages({ any: { sector: 'industry' } })).toEqual(['conditions.any: any: a list of conditions, not a mapping']);
    expect(messages({ any: [['x']] })).toEqual(['conditions.any[0]: a condition is a mapping (fact.path: value, any, all, not, use), not a list']);
    expect(messages({})).toEqual([expect.stringMatching(/an empty condition/)]);
    expect(messages({ use: 'grounds' }, { toxic: { sector: 'industry' } })).toEqual([
      "conditions.use: use: 'grounds' is not a definition of this version (definitions: toxic)",
    ]);
    expect(messages({ use: 'a' }, { a: { use: 'b' }, b: { any: [{ use: 'a' }] } })).toEqual([
      expect.stringMatching(/^definitions\.b\.any\[0\]\.use: use: 'a' refers to itself \(a → b → a\)/),
    ]);
  });

  it('an unknown operator is kept for lint to name, as in a json-rules-engine leaf', () => {
    const problems: ConditionProblem[] = [];
    expect(compileCondition({ 'audit.notableResults': { equals: true } }, 'c', new Definitions(), problems)).toEqual(
      leaf('audit', '$.notableResults', 'equals', true),
    );
    expect(problems).toEqual([]);
  });
});

describe('a version as written compiles to the compiled form', () => {
  const author = (over: Partial<RuleSetAuthorFile> = {}): RuleSetAuthorFile => ({
    id: 'demo',
    version: '1.0.0',
    title: { zh: '示例', en: 'Demo' },
    validFrom: '2020-01-01',
    validTo: null,
    jurisdiction: { level: 'province', country: 'CN', province: 'guangdong' },
    source: { document: '示例办法（粤示〔2020〕1号）', file: 'source.txt', origin: 'as the text states', language: 'zh-Hans' },
    assumptions: [],
    definitions: { grounds: { any: [{ 'environment.exceedsDischargeStandard': true }, { 'environment.exceedsTotalQuota': true }] } },
    rules: [
      {
        id: 'demo-1',
        kind: 'audit',
        outcome: 'mandatory',
        title: { zh: '一', en: 'One' },
        explanation: { zh: '一', en: 'One' },
        conditions: { use: 'grounds' },
        citation: { section: '第一条', quote: '应当' },
      },
      {
        id: 'demo-2',
        kind: 'obligation',
        outcome: 'report',
        title: { zh: '二', en: 'Two' },
        explanation: { zh: '二', en: 'Two' },
        conditions: { sector: 'industry' },
        citation: { document: '另一文件', section: '第二条', quote: '报告' },
      },
    ],
    ...over,
  });

  it("fills each citation's document from citeAs, else source.document, unless the rule names one; drops definitions and citeAs", () => {
    const { file, problems } = compileAuthorFile(author());
    expect(problems).toEqual([]);
    expect(file).not.toHaveProperty('definitions');
    const rules = file.rules as { citation: { document: string }; conditions: unknown }[];
    expect(rules.map((r) => r.citation.document)).toEqual(['示例办法（粤示〔2020〕1号）', '另一文件']);
    expect(rules[0]!.conditions).toEqual({
      any: [leaf('environment', '$.exceedsDischargeStandard', 'equal', true), leaf('environment', '$.exceedsTotalQuota', 'equal', true)],
    });
    const cited = compileAuthorFile(author({ citeAs: '示例办法' }));
    expect(cited.file).not.toHaveProperty('citeAs');
    expect((cited.file.rules as { citation: { document: string } }[]).map((r) => r.citation.document)).toEqual(['示例办法', '另一文件']);
  });

  it('a definition no condition uses is a problem, a condition error names its rule', () => {
    const unused = compileAuthorFile(author({ definitions: { grounds: { sector: 'industry' }, spare: { sector: 'services' } } }));
    expect(unused.problems).toEqual([{ path: 'definitions.spare', message: "definition 'spare' is used by no condition of this version" }]);
    const broken = author();
    broken.rules[1]!.conditions = { 'sector ': 'industry' };
    expect(compileAuthorFile(broken).problems.map((p) => p.path)).toEqual(['rules[1].conditions.sector ']);
  });
});
