import { describe, expect, it } from 'vitest';
import { conditionSentence, conditionWords, testWords } from '../../engine/index.ts';
import type { ConditionJson } from '../../schemas/index.ts';

const leaf = (fact: string, path: string | undefined, operator: string, value: unknown): ConditionJson => ({
  fact,
  ...(path ? { path } : {}),
  operator,
  value,
});

describe('a condition tree in words', () => {
  const tree: ConditionJson = {
    all: [
      leaf('energy', '$.exceedsConsumptionQuota', 'equal', true),
      { any: [leaf('industry', '$.keys', 'containsAny', ['ceramics', 'cement']), { not: leaf('environment', '$.exceedsDischargeStandard', 'equal', true) }] },
    ],
  };

  it('says all / any / not and each test in Chinese', () => {
    const w = conditionWords(tree, 'zh');
    expect(w.op).toBe('all');
    expect(w.text).toBe('同时满足以下全部条件');
    if (w.op === 'test') throw new Error('not a group');
    expect(w.children[0]).toEqual({ op: 'test', fact: 'energy.exceedsConsumptionQuota', text: '超过单位产品能耗限额标准要求：是' });
    const any = w.children[1]!;
    expect(any.text).toBe('满足以下任一条件');
    if (any.op === 'test') throw new Error('not a group');
    expect(any.children[0]!.text).toBe('行业要求：包含陶瓷、水泥之一');
    // A `not` over one yes/no test is the test with the other answer.
    expect(any.children[1]).toMatchObject({ op: 'test', text: '污染物排放超标要求：否' });
    expect(conditionSentence(w, 'zh')).toBe('超过单位产品能耗限额标准要求：是；并且（行业要求：包含陶瓷、水泥之一；或者污染物排放超标要求：否）');
  });

  it('a not over a test of a list says "not"', () => {
    expect(conditionWords({ not: leaf('industry', '$.keys', 'contains', 'ceramics') }, 'en')).toMatchObject({
      text: 'Industries required: not includes ceramics',
    });
  });

  it('and in English, with no Chinese word left', () => {
    const s = conditionSentence(conditionWords(tree, 'en'), 'en');
    expect(s).toBe(
      'Exceeds the energy-consumption quota required: yes; and (Industries required: any of ceramics, cement; or Discharges above the standard required: no)',
    );
    expect(s).not.toMatch(/[\u3400-\u9fff]/);
  });

  it('an empty all is every enterprise in scope; a not over a group stays a group', () => {
    expect(conditionWords({ all: [] }, 'en')).toEqual({ op: 'all', text: 'no further condition: every enterprise in scope', children: [] });
    const w = conditionWords({ not: { any: [leaf('sector', undefined, 'equal', 'industry'), leaf('aboveDesignatedSize', undefined, 'equal', true)] } }, 'en');
    expect(w.op).toBe('not');
    expect(conditionSentence(w, 'en')).toBe('not (Sector required: industry; or Above designated size required: yes)');
  });

  it('testWords still reads the requirement and the enterprise value', () => {
    expect(testWords({ fact: 'energy.exceedsConsumptionQuota', operator: 'equal', value: true, actual: false }, 'zh')).toBe(
      '超过单位产品能耗限额标准要求：是；企业：否',
    );
  });
});
