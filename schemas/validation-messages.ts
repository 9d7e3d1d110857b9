/**
 * What a validation error says, in Chinese or English: one structured failure per ajv error (validate.ts reads them),
 * one sentence per kind and language. The English sentences are those the API and CLI have always given.
 */
export type MessageLang = 'zh' | 'en';

/** One validation failure, as data: what rule failed, with its values. */
export type Failure =
  | { kind: 'unknownField'; field: string; parent: string }
  | { kind: 'required'; field: string }
  | { kind: 'oneOf'; values: readonly unknown[] }
  | { kind: 'const'; value: unknown }
  | { kind: 'date' }
  | { kind: 'format'; format: string }
  | { kind: 'type'; types: readonly string[] }
  | { kind: 'pattern'; pattern: string }
  | { kind: 'limit'; comparison: '>=' | '<=' | '>' | '<'; limit: number }
  | { kind: 'count'; what: 'items' | 'characters' | 'fields'; bound: 'min' | 'max'; limit: number }
  | { kind: 'unique'; i: number; j: number }
  | { kind: 'multipleOf'; of: number }
  | { kind: 'dependentRequired'; property: string; missing: string }
  | { kind: 'propertyName'; name: string }
  | { kind: 'not' }
  | { kind: 'nothingAllowed' }
  | { kind: 'other'; keyword: string; message: string };

/** Longest list of allowed values a message spells out (the 21 cities are; the 72 industry keys are not). */
export const MAX_LISTED_VALUES = 24;

const LIST = { zh: '、', en: ', ' } as const;

function oneOf(values: readonly unknown[], lang: MessageLang): string {
  const list = (v: readonly unknown[]) => v.map(String).join(LIST[lang]);
  if (values.length <= MAX_LISTED_VALUES) return lang === 'zh' ? `须为以下值之一：${list(values)}` : `must be one of: ${list(values)}`;
  const first = list(values.slice(0, 5));
  return lang === 'zh'
    ? `须为 ${values.length} 个允许值之一（${first}…；数据结构定义列出全部）`
    : `must be one of ${values.length} allowed values (${first}, …; the schema lists them all)`;
}

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  string: { zh: '文本', en: 'string' },
  number: { zh: '数字', en: 'number' },
  integer: { zh: '整数', en: 'integer' },
  boolean: { zh: '布尔值（true 或 false）', en: 'boolean' },
  object: { zh: '对象', en: 'object' },
  array: { zh: '列表（数组）', en: 'array' },
  null: { zh: 'null', en: 'null' },
};

const FORMAT_NAMES: Record<string, string> = { 'date-time': '日期时间（RFC 3339）', time: '时间', email: '电子邮件地址', uri: 'URI', uuid: 'UUID' };

const ZH_COUNT = { items: '项', characters: '个字符', fields: '个字段' } as const;

const ZH_LIMIT = { '>=': '不得小于', '<=': '不得大于', '>': '须大于', '<': '须小于' } as const;

/** The sentence for a failure, in a language. */
export function failureMessage(f: Failure, lang: MessageLang): string {
  const zh = lang === 'zh';
  switch (f.kind) {
    case 'unknownField':
      return zh
        ? `不认识的字段「${f.field}」${f.parent ? `（在 ${f.parent} 中）` : ''}：数据结构中没有这个字段`
        : `unknown field '${f.field}'${f.parent ? ` in ${f.parent}` : ''}: not part of the schema`;
    case 'required':
      return zh ? `缺少必填项「${f.field}」` : `'${f.field}' is required`;
    case 'oneOf':
      return oneOf(f.values, lang);
    case 'const':
      return zh ? `须为 ${JSON.stringify(f.value)}` : `must be ${JSON.stringify(f.value)}`;
    case 'date':
      return zh ? '须为真实存在的日期，格式 YYYY-MM-DD' : 'must be a real calendar date YYYY-MM-DD';
    case 'format':
      return zh ? `须符合 ${FORMAT_NAMES[f.format] ?? f.format} 格式` : `must match format ${f.format}`;
    case 'type':
      return zh ? `须为${f.types.map((t) => TYPE_NAMES[t]?.zh ?? t).join('或')}` : `must be ${f.types.join(',')}`;
    case 'pattern':
      return zh ? `格式不符：须匹配 ${f.pattern}` : `must match pattern "${f.pattern}"`;
    case 'limit':
      return zh ? `${ZH_LIMIT[f.comparison]} ${f.limit}` : `must be ${f.comparison} ${f.limit}`;
    case 'count': {
      if (zh) return `${f.bound === 'min' ? '至少' : '至多'} ${f.limit} ${ZH_COUNT[f.what]}`;
      const noun = f.what === 'items' ? 'items' : f.what === 'characters' ? 'characters' : 'properties';
      return `must NOT have ${f.bound === 'min' ? 'fewer' : 'more'} than ${f.limit} ${noun}`;
    }
    case 'unique':
      return zh ? `不得有重复项（第 ${f.j} 项与第 ${f.i} 项相同）` : `must NOT have duplicate items (items ## ${f.j} and ${f.i} are identical)`;
    case 'multipleOf':
      return zh ? `须为 ${f.of} 的整数倍` : `must be multiple of ${f.of}`;
    case 'dependentRequired':
      return zh ? `填写「${f.property}」时须同时填写「${f.missing}」` : `must have property ${f.missing} when property ${f.property} is present`;
    case 'propertyName':
      return zh ? `字段名「${f.name}」无效` : `property name '${f.name}' is invalid`;
    case 'not':
      return zh ? '此值不被允许' : 'must NOT be valid';
    case 'nothingAllowed':
      return zh ? '此处不允许有值' : 'boolean schema is false';
    case 'other':
      return zh ? `不符合数据结构的「${f.keyword}」规则` : f.message;
  }
}

/** "; and 3 more" after the first errors of a problem's detail. */
export function andMore(n: number, lang: MessageLang): string {
  return lang === 'zh' ? `；另有 ${n} 处` : `; and ${n} more`;
}

/** The errors named in a problem's detail, joined: `path: message; path: message`. */
export function joinErrors(errors: readonly { path: string; message: string }[], lang: MessageLang): string {
  return errors.map((e) => (lang === 'zh' ? `${e.path}：${e.message}` : `${e.path}: ${e.message}`)).join(lang === 'zh' ? '；' : '; ');
}
