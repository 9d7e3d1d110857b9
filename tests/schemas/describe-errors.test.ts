import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsImport from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { describeErrors, failureMessage, type Failure } from '../../schemas/index.ts';

/** describeErrors words every keyword it meets in Chinese or English (English as it always was). */
const addFormats = addFormatsImport as unknown as (ajv: Ajv2019) => Ajv2019;
const ajv = addFormats(new Ajv2019({ strict: false, allErrors: true, allowUnionTypes: true }));
const HAN = /\p{Script=Han}/u;

function errorsOf(schema: object, value: unknown, lang: 'zh' | 'en') {
  const validate = ajv.compile(schema);
  expect(validate(value)).toBe(false);
  return describeErrors(validate.errors, 'x', lang);
}

const CASES: [string, object, unknown, string, string][] = [
  ['required', { type: 'object', required: ['a'] }, {}, "'a' is required", '缺少必填项「a」'],
  [
    'additionalProperties',
    { type: 'object', properties: {}, additionalProperties: false },
    { b: 1 },
    "unknown field 'b' in x: not part of the schema",
    '不认识的字段「b」（在 x 中）：数据结构中没有这个字段',
  ],
  ['enum', { enum: ['a', 'b'] }, 'c', 'must be one of: a, b', '须为以下值之一：a、b'],
  [
    'a long enum',
    { enum: Array.from({ length: 30 }, (_, i) => `v${i}`) },
    'c',
    'must be one of 30 allowed values (v0, v1, v2, v3, v4, …; the schema lists them all)',
    '须为 30 个允许值之一（v0、v1、v2、v3、v4…；数据结构定义列出全部）',
  ],
  ['const', { const: 'a' }, 'b', 'must be "a"', '须为 "a"'],
  ['a union of consts', { anyOf: [{ const: 'a' }, { const: 'b' }] }, 'c', 'must be one of: a, b', '须为以下值之一：a、b'],
  ['type', { type: 'number' }, 'x', 'must be number', '须为数字'],
  [
    'a date or null',
    { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
    '2023-02-30',
    'must be a real calendar date YYYY-MM-DD',
    '须为真实存在的日期，格式 YYYY-MM-DD',
  ],
  ['format', { type: 'string', format: 'date-time' }, 'soon', 'must match format date-time', '须符合 日期时间（RFC 3339） 格式'],
  ['pattern', { type: 'string', pattern: '^[a-z]+$' }, 'A', 'must match pattern "^[a-z]+$"', '格式不符：须匹配 ^[a-z]+$'],
  ['minimum', { type: 'number', minimum: 0 }, -1, 'must be >= 0', '不得小于 0'],
  ['maximum', { type: 'number', maximum: 10 }, 11, 'must be <= 10', '不得大于 10'],
  ['exclusiveMinimum', { type: 'number', exclusiveMinimum: 0 }, 0, 'must be > 0', '须大于 0'],
  ['minItems', { type: 'array', minItems: 1 }, [], 'must NOT have fewer than 1 items', '至少 1 项'],
  ['maxItems', { type: 'array', maxItems: 1 }, [1, 2], 'must NOT have more than 1 items', '至多 1 项'],
  ['minLength', { type: 'string', minLength: 2 }, 'a', 'must NOT have fewer than 2 characters', '至少 2 个字符'],
  ['maxLength', { type: 'string', maxLength: 2 }, 'abc', 'must NOT have more than 2 characters', '至多 2 个字符'],
  ['maxProperties', { type: 'object', maxProperties: 1 }, { a: 1, b: 2 }, 'must NOT have more than 1 properties', '至多 1 个字段'],
  [
    'uniqueItems',
    { type: 'array', uniqueItems: true },
    [1, 1],
    'must NOT have duplicate items (items ## 0 and 1 are identical)',
    '不得有重复项（第 0 项与第 1 项相同）',
  ],
  ['multipleOf', { type: 'number', multipleOf: 2 }, 3, 'must be multiple of 2', '须为 2 的整数倍'],
  [
    'dependentRequired',
    { type: 'object', dependentRequired: { a: ['b'] } },
    { a: 1 },
    'must have property b when property a is present',
    '填写「a」时须同时填写「b」',
  ],
  ['not', { not: { type: 'string' } }, 's', 'must NOT be valid', '此值不被允许'],
];

describe('describeErrors in two languages', () => {
  it.each(CASES)('%s', (_keyword, schema, value, en, zh) => {
    expect(errorsOf(schema, value, 'en').map((e) => e.message)).toContain(en);
    expect(errorsOf(schema, value, 'zh').map((e) => e.message)).toContain(zh);
  });

  it('English stays the default; paths are the same in both languages', () => {
    const schema = { type: 'object', properties: { a: { type: 'array', items: { type: 'integer' } } }, required: ['b'] };
    const validate = ajv.compile(schema);
    validate({ a: [1, 'x'] });
    expect(describeErrors(validate.errors)).toEqual(describeErrors(validate.errors, '', 'en'));
    expect(describeErrors(validate.errors, 'r', 'zh').map((e) => e.path)).toEqual(describeErrors(validate.errors, 'r', 'en').map((e) => e.path));
    expect(describeErrors(validate.errors, 'r', 'zh').map((e) => e.path)).toEqual(['r.b', 'r.a[1]']);
  });

  it('every kind of failure has a Chinese sentence with no English words but names and values', () => {
    const failures: Failure[] = [
      { kind: 'propertyName', name: 'x' },
      { kind: 'nothingAllowed' },
      { kind: 'other', keyword: 'contains', message: 'must contain at least 1 valid item(s)' },
      { kind: 'type', types: ['string', 'null'] },
      { kind: 'count', what: 'fields', bound: 'min', limit: 1 },
    ];
    for (const f of failures) {
      expect(failureMessage(f, 'zh')).toMatch(HAN);
      expect(failureMessage(f, 'zh')).not.toMatch(/\b(must|is|the|not)\b/);
      expect(failureMessage(f, 'en')).not.toMatch(HAN);
    }
  });
});
