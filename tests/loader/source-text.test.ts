import { describe, expect, it } from 'vitest';
import { SourceText, sourceMarkdown, sourcePassages } from '../../loader/index.ts';
import type { RuleSetFile } from '../../schemas/index.ts';

const rule = (id: string, quote: string | string[]) => ({
  id,
  kind: 'obligation' as const,
  outcome: 'report',
  title: { zh: `规则${id}`, en: `Rule ${id}` },
  explanation: { zh: '说明', en: 'Explained' },
  conditions: { all: [] },
  citation: { document: '示例办法', section: '第一条', quote },
});
const file = (rules: ReturnType<typeof rule>[]): RuleSetFile => ({
  id: 'demo',
  version: '1.0.0',
  title: { zh: '示例', en: 'Demo' },
  validFrom: '2020-01-01',
  validTo: null,
  jurisdiction: { level: 'province', country: 'CN', province: 'guangdong' },
  source: { document: '示例办法', file: 'source.txt', origin: 'as the text states', language: 'zh-Hans' },
  assumptions: [],
  rules,
});

const TEXT = [
  '# 示例办法',
  '',
  '第一条 企业应当报告审核结果。',
  '第二条 企业 应当',
  '公布能耗情况。',
  '第三条 本办法自发布之日起施行。',
  '第四条 企业应当报告审核结果。',
  '',
].join('\n');

describe('a source text with the rules that quote it', () => {
  it('finds quotes with whitespace removed and maps them back to the text as written', () => {
    const s = new SourceText('企业 应当\n公布');
    expect(s.has('企业应当公布')).toBe(true);
    expect(s.find('应当公布').map(([a, b]) => s.text.slice(a, b))).toEqual(['应当\n公布']);
  });

  it('puts each rule after the passages its quote stands in, marks the quoted words and the passages no rule quotes', () => {
    const { markdown, passages, quoted, quoters } = sourceMarkdown(file([rule('a', '应当报告审核结果'), rule('b', ['企业应当公布', '能耗情况'])]), TEXT);
    expect({ passages, quoted, quoters }).toEqual({ passages: 5, quoted: 4, quoters: 2 });
    const lines = markdown.split('\n');
    expect(lines).toContain('## 示例办法');
    // Quoted twice in the text: shown at both places, and says so.
    const first = lines.indexOf('> 第一条 企业**应当报告审核结果**。');
    expect(first).toBeGreaterThan(0);
    expect(lines[first + 2]).toBe('- `a` — obligation · report — 第一条 — Rule a (the quote stands 2 times in the text)');
    expect(lines).toContain('> 第四条 企业**应当报告审核结果**。');
    // A quote across a line break marks both lines; two fragments on one line are merged where they touch.
    expect(lines).toContain('> 第二条 **企业 应当**');
    expect(lines).toContain('> **公布能耗情况**。');
    expect(lines.filter((l) => l.startsWith('- `b`'))).toHaveLength(2);
    expect(lines).toContain('> **[not quoted]** 第三条 本办法自发布之日起施行。');
  });

  it('speaks Chinese when asked', () => {
    const { markdown } = sourceMarkdown(file([rule('a', '应当报告审核结果')]), TEXT, 'zh');
    expect(markdown).toContain('> **[未引用]** 第三条 本办法自发布之日起施行。');
    expect(markdown).toContain('- `a` — obligation · report — 第一条 — 规则a（该引文在原文中出现 2 次）');
    expect(markdown).not.toMatch(/not quoted|passages/);
  });

  it('as structured passages: line numbers, quoted ranges inside each line, who quotes it, and quotes the text does not hold', () => {
    const { passages, counts, unlocated } = sourcePassages(
      file([rule('a', '应当报告审核结果'), rule('b', ['企业应当公布', '能耗情况']), rule('c', '原文没有这句')]),
      TEXT,
    );
    expect(counts).toEqual({ passages: 5, quoted: 4, quoters: 3 });
    expect(passages[0]).toEqual({ line: 1, text: '# 示例办法', heading: 1, marks: [], quotedBy: [] });
    const second = passages.find((p) => p.line === 4)!;
    expect(second.text).toBe('第二条 企业 应当');
    expect(second.marks.map(([s, e]) => second.text.slice(s, e))).toEqual(['企业 应当']);
    expect(second.quotedBy).toEqual([{ kind: 'rule', id: 'b', places: 1 }]);
    expect(passages.find((p) => p.line === 3)!.quotedBy).toEqual([{ kind: 'rule', id: 'a', places: 2 }]);
    expect(passages.find((p) => p.line === 6)).toMatchObject({ text: '第三条 本办法自发布之日起施行。', quotedBy: [], marks: [] });
    expect(unlocated).toEqual([{ kind: 'rule', id: 'c', places: 0 }]);
  });
});
