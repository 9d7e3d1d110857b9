import type { RuleSetFile } from '../schemas/index.ts';
import { type PassageQuoter, sourcePassages } from './source-passages.ts';

export type SourceLanguage = 'en' | 'zh';

const WORDS = {
  en: {
    title: (doc: string, key: string) => `# ${doc} — source text with the rules of ${key}`,
    intro: (file: string, key: string) =>
      `The text of \`${file}\`, passage by passage (one line of the file each). After each passage, the rules of ${key} that quote it; the words they quote are in bold. A passage no rule quotes is marked **[not quoted]**.`,
    stats: (quoters: number, quoted: number, passages: number) =>
      `${quoters} rules and warnings quote ${quoted} of ${passages} passages; ${passages - quoted} passages are not quoted.`,
    notQuoted: '**[not quoted]**',
    warning: 'warning',
    repeated: (n: number) => ` (the quote stands ${n} times in the text)`,
  },
  zh: {
    title: (doc: string, key: string) => `# ${doc}——原文及 ${key} 的规则`,
    intro: (file: string, key: string) =>
      `\`${file}\` 的原文，逐段列出（每段为文件中的一行）。每段之后列出 ${key} 中引用该段的规则，被引用的文字以粗体标出。没有任何规则引用的段落标为 **[未引用]**。`,
    stats: (quoters: number, quoted: number, passages: number) =>
      `共 ${quoters} 条规则和警示引用了 ${passages} 段中的 ${quoted} 段；${passages - quoted} 段未被引用。`,
    notQuoted: '**[未引用]**',
    warning: '警示',
    repeated: (n: number) => `（该引文在原文中出现 ${n} 次）`,
  },
} as const;

const escapeMd = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);

/**
 * The source text of a version as Markdown: every passage (non-empty line) followed by the rules (and warnings) whose
 * quotes stand in it, the quoted words in bold, and the passages no rule quotes visibly marked. Quotes are found as
 * lint finds them (whitespace aside); a quote that stands more than once in the text is shown at every place, and
 * says so. Markdown headings of the text (`# …`) stay headings.
 */
export function sourceMarkdown(
  file: RuleSetFile,
  text: string,
  lang: SourceLanguage = 'en',
): { markdown: string; passages: number; quoted: number; quoters: number } {
  const w = WORDS[lang];
  const key = `${file.id} ${file.version}`;
  const rules = new Map(file.rules.map((r) => [r.id, r]));
  const warnings = new Map((file.warnings ?? []).map((x) => [x.code, x]));
  const label = (q: PassageQuoter) => {
    if (q.kind === 'warning') return `${w.warning} \`${q.id}\` — ${escapeMd(warnings.get(q.id)?.citation?.section ?? '')}`;
    const r = rules.get(q.id)!;
    return `\`${r.id}\` — ${r.kind} · ${r.outcome} — ${escapeMd(r.citation.section)} — ${escapeMd(r.title[lang])}`;
  };
  const { passages, counts } = sourcePassages(file, text);
  const out: string[] = [w.title(file.source.document, key), '', w.intro(`rules/${file.id}/${file.source.file}`, key), ''];
  out.push(w.stats(counts.quoters, counts.quoted, counts.passages), '');
  for (const p of passages) {
    if (p.heading !== undefined) {
      out.push(`#${p.text.trim().replace(/^(#{1,5})\s+/, '$1 ')}`, '');
      continue;
    }
    out.push(`> ${p.quotedBy.length === 0 ? `${w.notQuoted} ` : ''}${highlighted(p.text, p.marks)}`, '');
    for (const q of p.quotedBy) out.push(`- ${label(q)}${q.places > 1 ? w.repeated(q.places) : ''}`);
    if (p.quotedBy.length > 0) out.push('');
  }
  return { markdown: `${out.join('\n').trimEnd()}\n`, passages: counts.passages, quoted: counts.quoted, quoters: counts.quoters };
}

/** The line with its quoted ranges (merged offsets into the line) in bold. */
function highlighted(raw: string, marks: readonly [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [from, to] of marks) {
    out += `${escapeMd(raw.slice(at, from))}**${escapeMd(raw.slice(from, to))}**`;
    at = to;
  }
  return (out + escapeMd(raw.slice(at))).trim();
}
