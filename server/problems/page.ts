import type { Lang } from '../../engine/index.ts';
import { PROBLEM_BASE, PROBLEM_SLUGS, PROBLEMS, type ProblemSlug } from './catalog.ts';

/** The words around the table's texts, per language. */
const WORDS = {
  zh: { meaning: '含义', todo: '怎么办', all: '全部问题类型', other: 'English', otherLang: 'en', htmlLang: 'zh-CN', intro: introText('zh') },
  en: { meaning: 'What it means', todo: 'What to do', all: 'All problem types', other: '中文', otherLang: 'zh', htmlLang: 'en', intro: introText('en') },
} as const;

function introText(lang: Lang): string {
  return lang === 'zh'
    ? '接口出错时返回 RFC 9457 的 application/problem+json 文档：`type` 指向下列页面之一，`title`、`detail` 和 `errors[].message` 使用请求的语言（请求体中的 `language`，或 Accept-Language，默认中文），`errors[].path` 指出出错的字段。'
    : 'On an error the API answers with an RFC 9457 application/problem+json document: `type` is one of the pages below, `title`, `detail` and `errors[].message` are in the language of the request (`language` in the body, else Accept-Language, else Chinese), and `errors[].path` names the field.';
}

const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
/** Text with `code` spans, as HTML. */
const inline = (s: string) => escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');

const page = (lang: Lang, title: string, body: string) =>
  `<!doctype html>\n<html lang="${WORDS[lang].htmlLang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)} — cleanprod</title>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;

/** GET /problems/<slug> as HTML: the problem's title, status, what it means and what to do, in one language. */
export function problemHtml(slug: ProblemSlug, lang: Lang): string {
  const p = PROBLEMS[slug];
  const w = WORDS[lang];
  return page(
    lang,
    p.title[lang],
    [
      `<p><a href="${PROBLEM_BASE.slice(0, -1)}?lang=${lang}">${w.all}</a> · <a href="${PROBLEM_BASE}${slug}?lang=${w.otherLang}" hreflang="${w.otherLang}">${w.other}</a></p>`,
      `<h1>${escapeHtml(p.title[lang])}</h1>`,
      `<p>HTTP ${p.status} · <code>${PROBLEM_BASE}${slug}</code></p>`,
      `<h2>${w.meaning}</h2>`,
      `<p>${inline(p.about[lang])}</p>`,
      `<h2>${w.todo}</h2>`,
      `<p>${inline(p.action[lang])}</p>`,
    ].join('\n'),
  );
}

/** GET /problems/<slug> as Markdown (Accept: text/markdown). */
export function problemMarkdown(slug: ProblemSlug, lang: Lang): string {
  const p = PROBLEMS[slug];
  const w = WORDS[lang];
  return `# ${p.title[lang]}\n\nHTTP ${p.status} · \`${PROBLEM_BASE}${slug}\`\n\n## ${w.meaning}\n\n${p.about[lang]}\n\n## ${w.todo}\n\n${p.action[lang]}\n`;
}

/** GET /problems: every problem type, with its status and title, linked to its page. */
export function problemIndexHtml(lang: Lang): string {
  const w = WORDS[lang];
  const items = PROBLEM_SLUGS.map(
    (s) => `<li><a href="${PROBLEM_BASE}${s}?lang=${lang}"><code>${s}</code></a> — HTTP ${PROBLEMS[s].status} · ${escapeHtml(PROBLEMS[s].title[lang])}</li>`,
  );
  return page(
    lang,
    w.all,
    `<p><a href="${PROBLEM_BASE.slice(0, -1)}?lang=${w.otherLang}" hreflang="${w.otherLang}">${w.other}</a></p>\n<h1>${w.all}</h1>\n<p>${inline(w.intro)}</p>\n<ul>\n${items.join('\n')}\n</ul>`,
  );
}

/**
 * docs/problems.md: every problem type in both languages, generated from the one table (catalog.ts); the test
 * tests/server/problems.test.ts fails when the file and the table differ (UPDATE_DOCS=1 rewrites it).
 */
export function problemsDoc(): string {
  const rows = PROBLEM_SLUGS.map((s) => `| [\`${s}\`](#${s}) | ${PROBLEMS[s].status} | ${PROBLEMS[s].title.en} | ${PROBLEMS[s].title.zh} |`);
  const sections = PROBLEM_SLUGS.map((s) => {
    const p = PROBLEMS[s];
    return [
      `## ${s}`,
      '',
      `HTTP ${p.status} · \`type: "${PROBLEM_BASE}${s}"\` · ${p.title.en} / ${p.title.zh}`,
      '',
      `**What it means.** ${p.about.en}`,
      '',
      `**What to do.** ${p.action.en}`,
      '',
      `**含义。** ${p.about.zh}`,
      '',
      `**怎么办。** ${p.action.zh}`,
      '',
    ].join('\n');
  });
  return [
    '# Problem types / 问题类型',
    '',
    '<!-- Generated from server/problems/catalog.ts: do not edit by hand; run `UPDATE_DOCS=1 npx vitest run tests/server/problems.test.ts`. -->',
    '',
    introText('en'),
    '',
    introText('zh'),
    '',
    "Each type is also served by the API itself: `GET /problems/<type>` (HTML, or Markdown with `Accept: text/markdown`) in the language of `?lang=` or Accept-Language, and `GET /problems` lists them all. A batch answers each failed item with a problem of its own (`errors[].path` starts with the item's index).",
    '',
    '| type | status | title | 标题 |',
    '|---|---|---|---|',
    ...rows,
    '',
    ...sections,
  ].join('\n');
}
