import type { Bilingual } from '../../engine/index.ts';

/**
 * The server's own error sentences (the request parser, limits, routing, the pool), in both languages: a problem's
 * `detail` and `errors[].message` are picked from them by the request's language. Field paths stay as they are.
 */
export const SERVER_TEXT = {
  emptyBody: { en: 'the body is empty: send a JSON document', zh: '请求体为空：请发送一个 JSON 文档' },
  emptyBodyField: { en: 'empty body', zh: '请求体为空' },
  invalidJson: (reason: string): Bilingual => {
    const at = /position (\d+)/.exec(reason)?.[1];
    return { en: `the body is not valid JSON: ${reason}`, zh: `请求体不是有效的 JSON${at ? `（第 ${at} 个字符处出错）` : ''}` };
  },
  invalidJsonField: (reason: string): Bilingual => {
    const at = /position (\d+)/.exec(reason)?.[1];
    return { en: `not valid JSON: ${reason}`, zh: `不是有效的 JSON${at ? `（第 ${at} 个字符处）` : ''}` };
  },
  invalidUtf8: (at: number): Bilingual => ({
    en: `the body is not valid UTF-8 (first invalid byte near offset ${at})`,
    zh: `请求体不是有效的 UTF-8（第一个无效字节约在偏移 ${at} 处）`,
  }),
  invalidUtf8Field: (at: number): Bilingual => ({ en: `not valid UTF-8 near byte ${at}`, zh: `约在第 ${at} 字节处不是有效的 UTF-8` }),
  stringTooLong: (path: string, length: number, max: number): Bilingual => ({
    en: `${path}: a string of ${length} characters; at most ${max} are accepted (MAX_STRING)`,
    zh: `${path}：字符串长 ${length} 个字符；最多接受 ${max} 个（MAX_STRING）`,
  }),
  stringTooLongField: (length: number, max: number): Bilingual => ({
    en: `must be at most ${max} characters (has ${length})`,
    zh: `至多 ${max} 个字符（实有 ${length} 个）`,
  }),
  keyTooLong: (path: string, length: number, max: number): Bilingual => ({
    en: `${path}: a key of ${length} characters; at most ${max} are accepted (MAX_STRING)`,
    zh: `${path}：键长 ${length} 个字符；最多接受 ${max} 个（MAX_STRING）`,
  }),
  keyTooLongField: (length: number, max: number): Bilingual => ({
    en: `key must be at most ${max} characters (has ${length})`,
    zh: `键至多 ${max} 个字符（实有 ${length} 个）`,
  }),
  tooDeep: (path: string, depth: number, max: number): Bilingual => ({
    en: `${path}: nested ${depth} levels deep; at most ${max} are accepted (MAX_DEPTH)`,
    zh: `${path}：嵌套 ${depth} 层；最多接受 ${max} 层（MAX_DEPTH）`,
  }),
  tooDeepField: (max: number): Bilingual => ({ en: `nesting deeper than ${max} levels`, zh: `嵌套超过 ${max} 层` }),
  forbiddenKey: (path: string, key: string): Bilingual => ({
    en: `${path}: the key '${key}' is not accepted anywhere in a request`,
    zh: `${path}：请求中任何位置都不接受键「${key}」`,
  }),
  forbiddenKeyField: (key: string): Bilingual => ({ en: `forbidden key '${key}'`, zh: `禁止使用的键「${key}」` }),
  forbiddenPrototype: { en: 'the body contains a forbidden prototype property', zh: '请求体含有禁止使用的原型属性' },
  forbiddenPrototypeField: { en: 'forbidden key', zh: '禁止使用的键' },
  charset: (charset: string): Bilingual => ({
    en: `the body's charset is '${charset}': JSON bodies must be UTF-8 (send charset=utf-8 or no charset)`,
    zh: `请求体的字符集是「${charset}」：JSON 请求体须为 UTF-8（声明 charset=utf-8 或不声明）`,
  }),
  contentEncoding: (encoding: string): Bilingual => ({
    en: `the body is sent with Content-Encoding '${encoding}': send it uncompressed`,
    zh: `请求体带有 Content-Encoding「${encoding}」：请发送未压缩的请求体`,
  }),
  bodyTooLarge: {
    en: 'the request body is larger than the server accepts (BODY_LIMIT, default 1 MiB)',
    zh: '请求体超过服务器接受的大小（BODY_LIMIT，默认 1 MiB）',
  },
  mediaType: { en: 'send the body as application/json', zh: '请以 application/json 发送请求体' },
  badUrl: { en: 'the URL has an invalid percent-encoded component', zh: 'URL 含有无效的百分号编码' },
  paramTooLong: { en: 'a path segment of the URL is longer than the server accepts', zh: 'URL 中某段路径超过服务器接受的长度' },
  notFound: (method: string, path: string): Bilingual => ({ en: `no route ${method} ${path}`, zh: `没有 ${method} ${path} 这个路由` }),
  methodNotAllowed: (path: string, methods: readonly string[], method: string): Bilingual => ({
    en: `${path} answers ${methods.join(', ')}, not ${method}`,
    zh: `${path} 只接受 ${methods.join('、')}，不接受 ${method}`,
  }),
  methodNotAllowedField: (method: string): Bilingual => ({ en: `method ${method} is not allowed here`, zh: `此处不允许 ${method} 方法` }),
  problemNotFound: (slug: string): Bilingual => ({
    en: `no problem type '${slug}': GET /problems lists them`,
    zh: `没有「${slug}」这种问题类型：GET /problems 列出全部`,
  }),
  rateLimited: (max: number, windowS: number, retryAfter: number): Bilingual => ({
    en: `more than ${max} cost units in ${windowS} s from this client (one evaluation costs 1, a batch one per item); retry in ${retryAfter} s`,
    zh: `该客户端在 ${windowS} 秒内用掉的额度超过 ${max}（一次评估计 1，批量每条计 1）；请在 ${retryAfter} 秒后重试`,
  }),
  poolBusy: (admitted: number, retryAfter: number): Bilingual => ({
    en: `the server is busy with ${admitted} heavy requests; retry in ${retryAfter} s`,
    zh: `服务器正在处理 ${admitted} 个重型请求；请在 ${retryAfter} 秒后重试`,
  }),
  heavyTimeout: (ms: number): Bilingual => ({
    en: `the request needed more than ${ms} ms (HEAVY_TIMEOUT_MS) and was stopped: ask for less at once`,
    zh: `请求耗时超过 ${ms} 毫秒（HEAVY_TIMEOUT_MS），已被中止：请减少单次请求的数量`,
  }),
  requestEnded: { en: 'the request ended before this part was answered', zh: '请求在这一部分作答之前已经结束' },
  workerFailed: (name: string): Bilingual => ({
    en: `the worker could not finish this request (${name})`,
    zh: `工作线程未能完成这个请求（${name}）`,
  }),
  batchTooLarge: (count: number, limit: number): Bilingual => ({
    en: `the batch has ${count} items; at most ${limit} are accepted per request`,
    zh: `批量请求有 ${count} 条；每次最多接受 ${limit} 条`,
  }),
  batchLimitField: (limit: number): Bilingual => ({ en: `at most ${limit} items`, zh: `至多 ${limit} 条` }),
  notAnswered: { en: 'not answered: send it again', zh: '未作答：请重新发送' },
  internal: { en: 'An internal error occurred; it has been logged.', zh: '服务器内部出错，已记入日志。' },
  fromAfterTo: { en: 'from is after to', zh: 'from 晚于 to' },
  notAfter: (end: string): Bilingual => ({ en: `must not be after ${end}`, zh: `不得晚于 ${end}` }),
  notAProfileField: (path: string): Bilingual => ({ en: `'${path}' is not a profile field`, zh: `「${path}」不是企业信息中的字段` }),
  changedProfileInvalid: { en: 'the changed profile is invalid', zh: '修改后的企业信息无效' },
  invalidRequest: { en: 'invalid request', zh: '请求无效' },
  requestTimeout: {
    en: 'the request was not received completely within the time the server allows (REQUEST_TIMEOUT_MS)',
    zh: '未在服务器允许的时间内收到完整的请求（REQUEST_TIMEOUT_MS）',
  },
  uriTooLong: { en: 'the request line (method and URL) is longer than the server accepts', zh: '请求行（方法和 URL）超过服务器接受的长度' },
  headersTooLarge: { en: 'the request headers are larger than the server accepts', zh: '请求头超过服务器接受的大小' },
  unknownMethod: {
    en: 'the request method is not one this server knows: it answers GET, HEAD, POST and OPTIONS',
    zh: '服务器不认识该请求方法：它只接受 GET、HEAD、POST 和 OPTIONS',
  },
  badHttp: { en: 'the request is not valid HTTP/1.1', zh: '请求不是有效的 HTTP/1.1' },
  clientError: { en: 'the request could not be handled', zh: '无法处理该请求' },
} as const;
