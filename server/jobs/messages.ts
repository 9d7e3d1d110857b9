import type { Bilingual } from '../../engine/index.ts';

const MiB = 1024 * 1024;
/** A byte count as a person reads it, in both languages. */
const size = (bytes: number): Bilingual =>
  bytes >= MiB && bytes % MiB === 0
    ? { en: `${bytes / MiB} MiB`, zh: `${bytes / MiB} MiB` }
    : { en: `${bytes.toLocaleString('en')} bytes`, zh: `${bytes.toLocaleString('en')} 字节` };
const n = (x: number) => x.toLocaleString('en');

/** The file route's and the jobs' own sentences, in both languages (a problem's detail and messages pick one). */
export const JOB_TEXT = {
  notMultipart: {
    en: 'send the file as multipart/form-data, in a field named file (with asOf and language fields if wanted)',
    zh: '请以 multipart/form-data 发送文件，字段名为 file（可另带 asOf 和 language 字段）',
  },
  noFile: { en: 'no file: send the sheet in a field named file', zh: '没有文件：请在名为 file 的字段中发送表格' },
  required: { en: 'required', zh: '必填' },
  unknownField: (name: string): Bilingual => ({
    en: `unknown field '${name}': the form takes file, asOf and language`,
    zh: `未知字段「${name}」：表单只接受 file、asOf 和 language`,
  }),
  wrongFileField: (name: string): Bilingual => ({
    en: `a file in the field '${name}': send it in the field named file`,
    zh: `文件放在了字段「${name}」中：请放在名为 file 的字段中`,
  }),
  oneFile: { en: 'one file per request', zh: '每次只能上传一个文件' },
  notCsvOrXlsx: (name: string): Bilingual => ({
    en: `'${name}' is neither a .csv nor an .xlsx file`,
    zh: `「${name}」既不是 .csv 文件，也不是 .xlsx 文件`,
  }),
  csvOrXlsx: { en: 'expected a .csv or .xlsx file', zh: '应为 .csv 或 .xlsx 文件' },
  fileTooLarge: (limit: number): Bilingual => ({
    en: `the file is larger than ${size(limit).en}, the most the server accepts (FILE_LIMIT): split it`,
    zh: `文件超过服务器接受的上限 ${size(limit).zh}（FILE_LIMIT）：请拆分后上传`,
  }),
  fileTooLargeField: (limit: number): Bilingual => ({ en: `at most ${size(limit).en}`, zh: `至多 ${size(limit).zh}` }),
  badForm: (reason: string): Bilingual => ({
    en: `the multipart body cannot be read: ${reason}`,
    zh: `无法读取 multipart 请求体：${reason}`,
  }),
  badAsOf: (given: string): Bilingual => ({
    en: `must be a real calendar date YYYY-MM-DD, got '${given}'`,
    zh: `应为真实存在的日期 YYYY-MM-DD，实为「${given}」`,
  }),
  badLanguage: (given: string): Bilingual => ({ en: `must be zh or en, got '${given}'`, zh: `应为 zh 或 en，实为「${given}」` }),
  tooManyRows: (rows: number, limit: number): Bilingual => ({
    en: `the file has ${rows > limit ? n(rows) : `more than ${n(limit)}`} rows; at most ${n(limit)} are evaluated per file (JOB_ROWS): split it`,
    zh: `文件有${rows > limit ? ` ${n(rows)} ` : `超过 ${n(limit)} `}行；每个文件最多评估 ${n(limit)} 行（JOB_ROWS）：请拆分后上传`,
  }),
  rowsField: (limit: number): Bilingual => ({ en: `at most ${n(limit)} rows`, zh: `至多 ${n(limit)} 行` }),
  busy: (running: number, retryAfter: number): Bilingual => ({
    en: `the server is evaluating ${running} files already, the most it takes at once (JOBS_MAX); retry in ${retryAfter} s`,
    zh: `服务器正在评估 ${running} 个文件，已达同时处理的上限（JOBS_MAX）；请在 ${retryAfter} 秒后重试`,
  }),
  full: (kept: number, retryAfter: number): Bilingual => ({
    en: `the server holds ${kept} results waiting to be downloaded, the most it keeps (JOBS_KEPT); retry in ${retryAfter} s`,
    zh: `服务器已保存 ${kept} 份待下载的结果，已达上限（JOBS_KEPT）；请在 ${retryAfter} 秒后重试`,
  }),
  noJob: (id: string): Bilingual => ({
    en: `no job '${id}': it never existed, or its result was deleted when its time ran out (JOB_TTL)`,
    zh: `没有任务「${id}」：该任务不存在，或其结果已过保存期限被删除（JOB_TTL）`,
  }),
  noTemplate: (ext: string): Bilingual => ({ en: `no template '.${ext}': there are .csv and .xlsx`, zh: `没有「.${ext}」模板：只有 .csv 和 .xlsx` }),
  jobTimeout: (ms: number): Bilingual => ({
    en: `the file took more than ${Math.round(ms / 1000)} s (JOB_TIMEOUT) and was stopped: split it, or try again when the server is less busy`,
    zh: `评估该文件用时超过 ${Math.round(ms / 1000)} 秒（JOB_TIMEOUT），已中止：请拆分文件，或在服务器较空闲时重试`,
  }),
  stopped: { en: 'the server stopped before the file was evaluated: upload it again', zh: '服务器在文件评估完成前停止：请重新上传' },
  internal: { en: 'the file could not be evaluated because of an error of the server; it has been logged', zh: '服务器出错，未能评估该文件；错误已记入日志' },
} as const;
