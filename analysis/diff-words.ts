import { canonicalJson, conditionWords, type ConditionWords, factLabel, type Lang, type PreparedVersion, requirementWords } from '../engine/index.ts';
import type { ConditionJson, LeafJson, RuleJson } from '../schemas/index.ts';
import type { RuleSetDiff } from './diff.ts';
import { kindName, outcomeName, type RuleWords, ruleWords, searchedValueWords } from './rule-words.ts';

/** A rule the newer version changed, in words: what changed, its conditions before and after, and a counterexample. */
export interface ChangedRuleWords {
  id: string;
  previousId: string | null;
  title: string;
  kindText: string;
  /** Each change as a sentence. */
  changes: string[];
  conditions: { before: ConditionWords; after: ConditionWords; added: string[]; removed: string[] } | null;
  wording: { from: string; to: string } | null;
  verdict: 'differs' | 'same-on-all-searched';
  /** The semantic check in a sentence: where the versions decide differently, or that they never did on what was searched. */
  semantic: string;
  counterexample: { facts: { fact: string; label: string; value: string }[]; before: string; after: string } | null;
}

/** GET /v1/rulesets/{id}/diff/words: the diff of two versions in one language. */
export interface DiffWords {
  ruleset: string;
  from: string;
  to: string;
  language: Lang;
  summary: string;
  differentTexts: string | null;
  metadata: string[];
  added: RuleWords[];
  removed: RuleWords[];
  changed: ChangedRuleWords[];
  unchanged: string[];
}

const W = {
  zh: {
    summary: (a: number, r: number, c: number, u: number) => `新增 ${a} 条、删除 ${r} 条、修改 ${c} 条、未变 ${u} 条规则。`,
    differentTexts: (f: string, t: string, from: string) =>
      `两个版本编码的是不同的文本（${f} → ${t}）：“新增”指 ${from} 的编码中没有该规则；只有在旧编码覆盖全文时，才说明旧文本没有该条款（见其假设）。“删除”同理。`,
    field: {
      title: '标题',
      validFrom: '生效日期',
      validTo: '失效日期',
      jurisdiction: '适用地域',
      appliesTo: '适用范围',
      source: '原文',
      assumptions: '假设',
      warnings: '警示',
    },
    ruleField: {
      kind: '类型',
      outcome: '结论',
      validFrom: '规则生效日期',
      validTo: '规则失效日期',
      citation: '引用条款',
      title: '标题',
      explanation: '说明',
      due: '完成期限规定',
      fine: '罚款',
      notEncoded: '未编码部分',
      historic: '历史条款',
      note: '备注',
    } as Record<string, string>,
    changed: (f: string) => `${f}已修改`,
    fromTo: (f: string, a: string, b: string) => `${f}：${a} → ${b}`,
    open: '不限',
    continues: (id: string) => `延续旧版本的 ${id}`,
    restructured: '条件的组合方式改变（各项条件相同，全部/任一/并非的结构不同）',
    wording: '引用的原文措辞已修改',
    differs: (n: number, ex: boolean) => `两个版本的判断不同（搜索了 ${n} 种情形${ex ? '，已穷尽该规则所用事实的取值' : '，抽样'}），例如：`,
    sameButWording: (n: number) => `在该规则所读取的事实上判断相同（搜索了 ${n} 种情形），但所编码的原文已修改：请核对这些事实是否仍对应新的措辞。`,
    same: (n: number, ex: boolean) => `仅为重构：在全部 ${n} 种情形上判断相同${ex ? '（已穷尽）' : '（抽样）'}。`,
    notApply: '不适用',
    undetermined: '无法确定',
    applies: (t: string) => `适用：${t}`,
  },
  en: {
    summary: (a: number, r: number, c: number, u: number) => `${a} rules added, ${r} removed, ${c} changed, ${u} unchanged.`,
    differentTexts: (f: string, t: string, from: string) =>
      `The two versions encode different texts (${f} → ${t}): "added" means absent from ${from}'s encoding, which shows the provision was absent from the older text only where that encoding covers the whole text (see its assumptions); "removed" likewise.`,
    field: {
      title: 'title',
      validFrom: 'valid from',
      validTo: 'valid to',
      jurisdiction: 'jurisdiction',
      appliesTo: 'scope',
      source: 'source text',
      assumptions: 'assumptions',
      warnings: 'warnings',
    },
    ruleField: {
      kind: 'kind',
      outcome: 'outcome',
      validFrom: 'rule valid from',
      validTo: 'rule valid to',
      citation: 'cited provision',
      title: 'title',
      explanation: 'explanation',
      due: 'due-date terms',
      fine: 'fine',
      notEncoded: 'parts not encoded',
      historic: 'historic provision',
      note: 'note',
    } as Record<string, string>,
    changed: (f: string) => `${f[0]!.toUpperCase()}${f.slice(1)} changed`,
    fromTo: (f: string, a: string, b: string) => `${f[0]!.toUpperCase()}${f.slice(1)}: ${a} → ${b}`,
    open: 'open',
    continues: (id: string) => `Continues ${id} of the older version`,
    restructured: 'Conditions regrouped (the same tests, a different all/any/not structure)',
    wording: 'The quoted wording changed',
    differs: (n: number, ex: boolean) =>
      `The versions decide differently (${n} cases searched${ex ? ', every value of the facts it uses' : ', sampled'}), e.g.:`,
    sameButWording: (n: number) =>
      `Decides the same on the facts it reads (${n} cases searched), but the text it encodes changed: check that those facts still answer the new wording.`,
    same: (n: number, ex: boolean) => `A refactoring: decides the same in all ${n} cases searched${ex ? ' (exhaustive)' : ' (sampled)'}.`,
    notApply: 'does not apply',
    undetermined: 'undetermined',
    applies: (t: string) => `applies: ${t}`,
  },
} as const;

/** Every test of a condition, as its canonical JSON, with the test itself. */
function leavesOf(json: ConditionJson): LeafJson[] {
  if ('all' in json) return json.all.flatMap(leavesOf);
  if ('any' in json) return json.any.flatMap(leavesOf);
  if ('not' in json) return leavesOf(json.not);
  return [json];
}
const leafFact = (l: LeafJson) => [l.fact, ...(l.path ? l.path.slice(2).split('.') : [])].join('.');
const leafText = (l: LeafJson, lang: Lang) => requirementWords({ fact: leafFact(l), operator: l.operator, value: l.value }, lang);

/** What the semantic search's verdict string ("audit: mandatory", "does not apply", "undetermined") says, in words. */
function decisionText(s: string, rule: RuleJson, lang: Lang): string {
  if (s === 'does not apply') return W[lang].notApply;
  if (s === 'undetermined') return W[lang].undetermined;
  return W[lang].applies(outcomeName(rule.kind, rule.outcome, lang) ?? rule.title[lang]);
}

function fieldText(field: string, value: unknown, lang: Lang): string | undefined {
  if (value === null || value === undefined) return field.startsWith('valid') ? W[lang].open : undefined;
  if (typeof value === 'string') return value;
  if (field === 'title') return (value as { zh: string; en: string })[lang];
  if (field === 'citation') return (value as { section: string }).section;
  return undefined;
}

/** The diff of two versions (analysis/diff.ts) in words, in one language: every sentence a person reads speaks it. */
export function diffInWords(d: RuleSetDiff, a: PreparedVersion, b: PreparedVersion, lang: Lang): DiffWords {
  const w = W[lang];
  const olds = new Map(a.rules.map((r) => [r.json.id, r.json]));
  const news = new Map(b.rules.map((r) => [r.json.id, r.json]));
  const change = (name: string, field: string, from: unknown, to: unknown) => {
    const f = fieldText(field, from, lang);
    const t = fieldText(field, to, lang);
    return f !== undefined && t !== undefined ? w.fromTo(name, f, t) : w.changed(name);
  };
  const metadata = d.metadata.map((m) => change((w.field as Record<string, string>)[m.field] ?? m.field, m.field, m.from, m.to));
  const changed = d.changed.map((c): ChangedRuleWords => {
    const nr = news.get(c.id)!;
    const or = olds.get(c.previousId ?? c.id)!;
    const changes: string[] = [];
    if (c.previousId) changes.push(w.continues(c.previousId));
    for (const f of c.fields) {
      const name = w.ruleField[f.field] ?? f.field;
      if (f.field === 'kind') changes.push(w.fromTo(name, kindName(String(f.from), lang), kindName(String(f.to), lang)));
      else if (f.field === 'outcome')
        changes.push(w.fromTo(name, outcomeName(or.kind, String(f.from), lang) ?? or.title[lang], outcomeName(nr.kind, String(f.to), lang) ?? nr.title[lang]));
      else changes.push(change(name, f.field, f.from, f.to));
    }
    if (c.conditions?.restructured) changes.push(w.restructured);
    if (c.wording) changes.push(w.wording);
    let conditions: ChangedRuleWords['conditions'] = null;
    if (c.conditions) {
      const before = leavesOf(or.conditions);
      const after = leavesOf(nr.conditions);
      const bk = new Set(before.map((l) => canonicalJson(l)));
      const ak = new Set(after.map((l) => canonicalJson(l)));
      const unique = (xs: string[]) => [...new Set(xs)];
      conditions = {
        before: conditionWords(or.conditions, lang),
        after: conditionWords(nr.conditions, lang),
        added: unique(after.filter((l) => !bk.has(canonicalJson(l))).map((l) => leafText(l, lang))),
        removed: unique(before.filter((l) => !ak.has(canonicalJson(l))).map((l) => leafText(l, lang))),
      };
    }
    const s = c.semantic;
    const ce = s.counterexample;
    return {
      id: c.id,
      previousId: c.previousId ?? null,
      title: nr.title[lang],
      kindText: kindName(nr.kind, lang),
      changes,
      conditions,
      wording: c.wording ?? null,
      verdict: s.verdict,
      semantic: s.verdict === 'differs' ? w.differs(s.searched, s.exhaustive) : c.wording ? w.sameButWording(s.searched) : w.same(s.searched, s.exhaustive),
      counterexample: ce
        ? {
            facts: Object.entries(ce.facts).map(([fact, value]) => ({ fact, label: factLabel(fact, lang), value: searchedValueWords(fact, value, lang) })),
            before: decisionText(ce.before, or, lang),
            after: decisionText(ce.after, nr, lang),
          }
        : null,
    };
  });
  const byId = (v: PreparedVersion) => new Map(v.rules.map((r) => [r.json.id, r.json]));
  const [inA, inB] = [byId(a), byId(b)];
  return {
    ruleset: d.ruleset,
    from: d.from,
    to: d.to,
    language: lang,
    summary: w.summary(d.added.length, d.removed.length, d.changed.length, d.unchanged.length),
    differentTexts: d.differentTexts ? w.differentTexts(d.differentTexts.from, d.differentTexts.to, d.from) : null,
    metadata,
    added: d.added.map((r) => ruleWords(inB.get(r.id)!, lang)),
    removed: d.removed.map((r) => ruleWords(inA.get(r.id)!, lang)),
    changed,
    unchanged: d.unchanged,
  };
}
