import type { Bilingual } from '../../engine/index.ts';

/** One kind of problem the API answers with: its status, title, what it means and what to do, in both languages. */
export interface ProblemType {
  readonly status: number;
  readonly title: Bilingual;
  readonly about: Bilingual;
  readonly action: Bilingual;
}

/** Where a problem type is explained: `type` of every problem document is `${PROBLEM_BASE}<slug>`, served by the app. */
export const PROBLEM_BASE = '/problems/';

/**
 * Every problem type the API uses — the one table behind the problem documents' `type` and `title`, the pages at
 * GET /problems/<slug> and docs/problems.md (tests/server/problems.test.ts keeps the three in agreement).
 */
export const PROBLEMS = {
  'invalid-input': {
    status: 400,
    title: { en: 'Invalid input', zh: '输入无效' },
    about: {
      en: 'The body, query or path does not match the schema, or its facts contradict each other. `errors` names each field (`path`) and says what was expected (`message`); `moreErrors` counts those not listed.',
      zh: '请求体、查询参数或路径不符合数据结构，或其中的信息自相矛盾。`errors` 逐项列出出错的字段（`path`）和要求（`message`）；`moreErrors` 是未列出的错误数。',
    },
    action: {
      en: 'Correct the fields named in `errors` and send the request again. The profile schema is at GET /v1/schemas/profile, every request in /openapi.json.',
      zh: '按 `errors` 改正所列字段后重新发送。企业信息的数据结构见 GET /v1/schemas/profile，各请求的结构见 /openapi.json。',
    },
  },
  'invalid-json': {
    status: 400,
    title: { en: 'Not JSON', zh: '不是有效的 JSON' },
    about: { en: 'The body could not be parsed as JSON.', zh: '请求体无法按 JSON 解析。' },
    action: {
      en: 'Send one JSON document (RFC 8259) with Content-Type: application/json; check quotes, commas and brackets near the position named in `detail`.',
      zh: '以 Content-Type: application/json 发送一个 JSON 文档（RFC 8259）；检查 `detail` 所指位置附近的引号、逗号和括号。',
    },
  },
  'empty-json': {
    status: 400,
    title: { en: 'Empty body', zh: '请求体为空' },
    about: { en: 'The request has a JSON content type but no body.', zh: '请求声明为 JSON，却没有请求体。' },
    action: { en: 'Send the request document in the body.', zh: '请在请求体中发送请求文档。' },
  },
  'invalid-utf8': {
    status: 400,
    title: { en: 'Not UTF-8', zh: '不是 UTF-8 编码' },
    about: {
      en: 'The body contains a byte sequence that is not valid UTF-8; `detail` says near which byte.',
      zh: '请求体含有不合法的 UTF-8 字节序列；`detail` 指出大约在第几个字节。',
    },
    action: { en: 'Encode the body as UTF-8 (JSON exchanged between systems is UTF-8).', zh: '请以 UTF-8 编码请求体（系统间交换的 JSON 均为 UTF-8）。' },
  },
  'body-too-deep': {
    status: 400,
    title: { en: 'Nested too deeply', zh: '嵌套过深' },
    about: {
      en: 'Arrays and objects in the body are nested deeper than the server accepts (MAX_DEPTH, 32 by default); `errors[0].path` says where.',
      zh: '请求体中数组和对象的嵌套层数超过服务器接受的上限（MAX_DEPTH，默认 32）；`errors[0].path` 指出位置。',
    },
    action: { en: 'Send the documented structure: no request needs more than a few levels.', zh: '请按文档的结构发送：任何请求都只需要几层嵌套。' },
  },
  'string-too-long': {
    status: 400,
    title: { en: 'String too long', zh: '字符串过长' },
    about: {
      en: 'A string value or key in the body is longer than the server accepts (MAX_STRING, 2000 characters by default); `errors[0].path` says where.',
      zh: '请求体中某个字符串值或键超过服务器接受的长度（MAX_STRING，默认 2000 个字符）；`errors[0].path` 指出位置。',
    },
    action: { en: 'Shorten the value named in `errors`.', zh: '请缩短 `errors` 所指的值。' },
  },
  'forbidden-key': {
    status: 400,
    title: { en: 'Forbidden key', zh: '禁止使用的键' },
    about: {
      en: 'The body contains a `__proto__`, `constructor` or `prototype` key, which is refused anywhere in a request.',
      zh: '请求体含有 `__proto__`、`constructor` 或 `prototype` 键，请求中任何位置都不接受它们。',
    },
    action: { en: 'Remove the key named in `errors[0].path`.', zh: '请删去 `errors[0].path` 所指的键。' },
  },
  'bad-url': {
    status: 400,
    title: { en: 'Malformed URL', zh: 'URL 格式错误' },
    about: { en: 'The URL contains an invalid percent-encoded sequence.', zh: 'URL 中有无效的百分号编码。' },
    action: { en: 'Percent-encode the URL correctly (UTF-8, %XX).', zh: '请正确进行百分号编码（UTF-8，%XX）。' },
  },
  'bad-request': {
    status: 400,
    title: { en: 'Bad request', zh: '请求有误' },
    about: { en: 'The request is not valid HTTP/1.1, or the server could not read it.', zh: '请求不是有效的 HTTP/1.1，或服务器无法读取。' },
    action: { en: 'Check the HTTP client; send the request again.', zh: '请检查 HTTP 客户端后重新发送。' },
  },
  'unknown-method': {
    status: 400,
    title: { en: 'Unknown method', zh: '未知的请求方法' },
    about: { en: 'The request method is not one this server knows.', zh: '服务器不认识该请求方法。' },
    action: { en: 'Use GET, HEAD, POST or OPTIONS, as /openapi.json lists per route.', zh: '请使用 GET、HEAD、POST 或 OPTIONS（各路由见 /openapi.json）。' },
  },
  'unknown-ruleset': {
    status: 404,
    title: { en: 'Unknown rule set or version', zh: '规则集或版本不存在' },
    about: {
      en: 'The request names a rule set or a version that this server does not serve; `detail` lists those that exist.',
      zh: '请求中指定的规则集或版本在本服务器上不存在；`detail` 列出现有的规则集或版本。',
    },
    action: {
      en: 'Use one of the rule sets and versions listed in `detail`, or GET /v1/rulesets for all of them.',
      zh: '请改用 `detail` 中列出的规则集和版本，或通过 GET /v1/rulesets 查看全部。',
    },
  },
  'not-found': {
    status: 404,
    title: { en: 'Not found', zh: '未找到' },
    about: { en: 'No route answers this path.', zh: '没有路由对应这个路径。' },
    action: { en: 'See /openapi.json (or /docs) for the routes.', zh: '路由列表见 /openapi.json（或 /docs）。' },
  },
  'method-not-allowed': {
    status: 405,
    title: { en: 'Method not allowed', zh: '不允许的请求方法' },
    about: {
      en: 'The path exists, but not with this method; the `Allow` header lists the methods it answers.',
      zh: '路径存在，但不接受该方法；响应头 `Allow` 列出它接受的方法。',
    },
    action: { en: 'Send the request with one of the methods in `Allow`.', zh: '请改用 `Allow` 中列出的方法。' },
  },
  'request-timeout': {
    status: 408,
    title: { en: 'Request timeout', zh: '请求超时' },
    about: {
      en: 'The whole request (headers and body) did not arrive within the time the server allows (REQUEST_TIMEOUT_MS, 10 s by default).',
      zh: '完整的请求（请求头和请求体）未在服务器允许的时间内送达（REQUEST_TIMEOUT_MS，默认 10 秒）。',
    },
    action: { en: 'Send the request again, at once and in full.', zh: '请一次完整地重新发送请求。' },
  },
  'body-too-large': {
    status: 413,
    title: { en: 'Payload too large', zh: '请求体过大' },
    about: { en: 'The body is larger than the server accepts (BODY_LIMIT, 1 MiB by default).', zh: '请求体超过服务器接受的大小（BODY_LIMIT，默认 1 MiB）。' },
    action: { en: 'Send less at once: split a batch into several requests.', zh: '请减少单次发送的内容，例如把批量请求拆成多次。' },
  },
  'batch-too-large': {
    status: 413,
    title: { en: 'Batch too large', zh: '批量请求过大' },
    about: {
      en: 'The batch has more items than the server accepts per request (BATCH_LIMIT, 1000 by default).',
      zh: '批量请求的条目数超过每次请求的上限（BATCH_LIMIT，默认 1000）。',
    },
    action: { en: 'Split the batch into several requests of at most the number in `detail`.', zh: '请把批量请求拆成多次，每次不超过 `detail` 中的条数。' },
  },
  'uri-too-long': {
    status: 414,
    title: { en: 'URI too long', zh: 'URL 过长' },
    about: { en: 'The URL, or a segment of its path, is longer than the server accepts.', zh: 'URL 或其中某段路径超过服务器接受的长度。' },
    action: { en: 'Use the documented paths; send data in the body, not the URL.', zh: '请使用文档中的路径；数据请放在请求体中，不要放在 URL 里。' },
  },
  'unsupported-media-type': {
    status: 415,
    title: { en: 'Unsupported media type', zh: '不支持的内容类型' },
    about: { en: 'The body is not sent as application/json.', zh: '请求体不是以 application/json 发送的。' },
    action: { en: 'Send the body as JSON with Content-Type: application/json.', zh: '请以 JSON 发送，并设置 Content-Type: application/json。' },
  },
  'unsupported-charset': {
    status: 415,
    title: { en: 'Unsupported charset', zh: '不支持的字符集' },
    about: { en: 'The Content-Type names a charset other than UTF-8.', zh: 'Content-Type 指定了 UTF-8 以外的字符集。' },
    action: { en: 'Encode the body as UTF-8 and send charset=utf-8, or no charset.', zh: '请以 UTF-8 编码请求体，并声明 charset=utf-8 或不声明字符集。' },
  },
  'unsupported-content-encoding': {
    status: 415,
    title: { en: 'Unsupported content encoding', zh: '不支持的内容编码' },
    about: {
      en: 'The request body is sent compressed (Content-Encoding); the server accepts uncompressed bodies only (answers are compressed when the client accepts it).',
      zh: '请求体以压缩形式发送（Content-Encoding）；服务器只接受未压缩的请求体（客户端接受时，应答会被压缩）。',
    },
    action: { en: 'Send the body uncompressed, without Content-Encoding.', zh: '请发送未压缩的请求体，不带 Content-Encoding。' },
  },
  'rate-limited': {
    status: 429,
    title: { en: 'Too many requests', zh: '请求过多' },
    about: {
      en: 'This client has used more cost units than the server allows in the window (RATE_LIMIT_MAX per RATE_LIMIT_WINDOW): one evaluation costs 1, a batch one per item, an impact one per profile, a timeline 20, a diff or a verification 30, and every started 4 KiB of body 1.',
      zh: '该客户端在时间窗口内用掉的额度超过服务器允许的上限（每个 RATE_LIMIT_WINDOW 内 RATE_LIMIT_MAX）：一次评估计 1，批量每条计 1，影响分析每个企业计 1，时间线计 20，版本比较或核验计 30，请求体每 4 KiB 计 1。',
    },
    action: { en: 'Wait the seconds in `Retry-After`, then send the request again.', zh: '请等待 `Retry-After` 给出的秒数后重新发送。' },
  },
  'headers-too-large': {
    status: 431,
    title: { en: 'Request headers too large', zh: '请求头过大' },
    about: { en: 'The request headers are larger than the server accepts.', zh: '请求头超过服务器接受的大小。' },
    action: { en: 'Send fewer or shorter headers.', zh: '请减少或缩短请求头。' },
  },
  internal: {
    status: 500,
    title: { en: 'Internal error', zh: '内部错误' },
    about: {
      en: 'The server failed to answer; the error has been logged (never shown to the client).',
      zh: '服务器未能作答；错误已记入日志（不会返回给客户端）。',
    },
    action: {
      en: 'Send the request again later; if it persists, report the `x-request-id` of the response to the operator.',
      zh: '请稍后重试；如仍出错，请把响应头中的 `x-request-id` 告知运维人员。',
    },
  },
  'pool-busy': {
    status: 503,
    title: { en: 'Server busy', zh: '服务器繁忙' },
    about: {
      en: 'The server is already working on as many heavy requests (batch, impact, diff, timeline, verify) as it admits at once (POOL_QUEUE).',
      zh: '服务器正在处理的重型请求（批量、影响分析、版本比较、时间线、核验）已达同时受理的上限（POOL_QUEUE）。',
    },
    action: { en: 'Wait the seconds in `Retry-After`, then send the request again.', zh: '请等待 `Retry-After` 给出的秒数后重新发送。' },
  },
  'heavy-timeout': {
    status: 503,
    title: { en: 'Not answered in time', zh: '未能按时作答' },
    about: {
      en: 'A heavy request (or, in a batch, this item) was not answered within the time the server allows (HEAVY_TIMEOUT_MS, 30 s by default), queueing included.',
      zh: '重型请求（批量请求中则为该条）未在服务器允许的时间内完成（HEAVY_TIMEOUT_MS，默认 30 秒，含排队时间）。',
    },
    action: { en: 'Ask for less at once (fewer items or profiles), or send it again later.', zh: '请减少单次请求的数量（条目或企业），或稍后重试。' },
  },
  'worker-failed': {
    status: 503,
    title: { en: 'Worker failed', zh: '工作线程出错' },
    about: { en: 'The worker thread computing a heavy request stopped before it finished.', zh: '处理重型请求的工作线程在完成前停止。' },
    action: { en: 'Send the request again; if it persists, ask for less at once.', zh: '请重新发送；如仍出错，请减少单次请求的数量。' },
  },
} as const satisfies Record<string, ProblemType>;

export type ProblemSlug = keyof typeof PROBLEMS;

export const PROBLEM_SLUGS = Object.keys(PROBLEMS) as ProblemSlug[];

export const isProblemSlug = (s: string): s is ProblemSlug => Object.hasOwn(PROBLEMS, s);
