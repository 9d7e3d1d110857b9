import type { RuleSetFile } from '../schemas/index.ts';
import { SourceText } from './quotes.ts';

export type SourceLanguage = 'en' | 'zh';

/** Something in a version that quotes the text: a rule, or a warning with a citation. */
interface Quoter {
  label: string;
  fragments: string[];
}

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

const fragmentsOf = (quote: string | string[]) => (Array.isArray(quote) ? quote : [quote]);
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
  const source = new SourceText(text);
  const quoters: Quoter[] = [
    ...file.rules.map((r) => ({
      label: `\`${r.id}\` — ${r.kind} · ${r.outcome} — ${escapeMd(r.citation.section)} — ${escapeMd(r.title[lang])}`,
      fragments: fragmentsOf(r.citation.quote),
    })),
    ...(file.warnings ?? []).flatMap((x) =>
      x.citation ? [{ label: `${w.warning} \`${x.code}\` — ${escapeMd(x.citation.section)}`, fragments: fragmentsOf(x.citation.quote) }] : [],
    ),
  ];

  // Each line's span in the text, the quoted ranges inside it, and who quotes it.
  const lines: { start: number; end: number; marks: [number, number][]; by: Map<Quoter, number> }[] = [];
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start, end, marks: [], by: new Map() });
    start = end + 1;
  }
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const q of quoters) {
    for (const fragment of q.fragments) {
      const places = source.find(fragment);
      for (const [s, e] of places) {
        for (let i = lineAt(s); i <= lineAt(e - 1); i++) {
          const line = lines[i]!;
          line.marks.push([Math.max(s, line.start), Math.min(e, line.end)]);
          line.by.set(q, Math.max(line.by.get(q) ?? 0, places.length));
        }
      }
    }
  }

  const out: string[] = [w.title(file.source.document, key), '', w.intro(`rules/${file.id}/${file.source.file}`, key), ''];
  const summaryAt = out.length;
  let passages = 0;
  let quoted = 0;
  for (const line of lines) {
    const raw = text.slice(line.start, line.end).replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const heading = /^(#{1,5})\s+(.*)$/.exec(raw.trim());
    if (heading && line.by.size === 0) {
      out.push(`#${heading[1]} ${heading[2]}`, '');
      continue;
    }
    passages++;
    if (line.by.size > 0) quoted++;
    out.push(`> ${line.by.size === 0 ? `${w.notQuoted} ` : ''}${highlighted(line.start, raw, line.marks)}`, '');
    for (const [q, times] of line.by) out.push(`- ${q.label}${times > 1 ? w.repeated(times) : ''}`);
    if (line.by.size > 0) out.push('');
  }
  out.splice(summaryAt, 0, w.stats(quoters.length, quoted, passages), '');
  return { markdown: `${out.join('\n').trimEnd()}\n`, passages, quoted, quoters: quoters.length };
}

/** The line with its quoted ranges (offsets in the whole text) in bold, overlapping ranges merged. */
function highlighted(lineStart: number, raw: string, marks: [number, number][]): string {
  const merged: [number, number][] = [];
  for (const [s, e] of [...marks].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  let out = '';
  let at = 0;
  for (const [s, e] of merged) {
    const from = s - lineStart;
    const to = Math.min(e - lineStart, raw.length);
    if (from >= to) continue;
    out += `${escapeMd(raw.slice(at, from))}**${escapeMd(raw.slice(from, to))}**`;
    at = to;
  }
  return (out + escapeMd(raw.slice(at))).trim();
}
