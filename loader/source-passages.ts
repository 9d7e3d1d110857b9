import type { RuleSetFile } from '../schemas/index.ts';
import { SourceText } from './quotes.ts';

/** Who quotes a passage: a rule, or one of the version's warnings that carries a citation. */
export interface PassageQuoter {
  kind: 'rule' | 'warning';
  /** The rule's id, or the warning's code. */
  id: string;
  /** How many places of the text the quote stands at (more than one: it is shown at each). */
  places: number;
}

/** One passage of a source text (a non-empty line of the file), or a heading of the text no rule quotes. */
export interface SourcePassage {
  /** 1-based line of the file. */
  line: number;
  /** The line as written (trailing carriage return removed). */
  text: string;
  /** A Markdown heading of the text (`# …`) that no rule quotes: shown as a heading, not counted as a passage. */
  heading?: number;
  /** The quoted ranges, as [start, end) offsets into `text`, merged and in order. */
  marks: [number, number][];
  /** The rules and warnings whose quotes stand in it, in the version's order. */
  quotedBy: PassageQuoter[];
}

export interface SourcePassages {
  passages: SourcePassage[];
  /** Passages (headings aside) and how many some rule or warning quotes. */
  counts: { passages: number; quoted: number; quoters: number };
  /** Rules (and warnings) none of whose fragments stand in the text: their quote is not found (lint forbids it; a text changed since). */
  unlocated: PassageQuoter[];
}

const fragmentsOf = (quote: string | string[]) => (Array.isArray(quote) ? quote : [quote]);

/**
 * A version's source text passage by passage (one non-empty line of the file each), with the ranges each rule's quote
 * covers and the rules (and warnings with a citation) that quote it. Quotes are found as lint finds them (whitespace
 * aside); a quote that stands more than once is marked at every place, with its number of places. A Markdown heading
 * of the text that no rule quotes is a heading, not a passage.
 */
export function sourcePassages(file: RuleSetFile, text: string): SourcePassages {
  const source = new SourceText(text);
  const quoters: (PassageQuoter & { fragments: string[] })[] = [
    ...file.rules.map((r) => ({ kind: 'rule' as const, id: r.id, places: 0, fragments: fragmentsOf(r.citation.quote) })),
    ...(file.warnings ?? []).flatMap((x) =>
      x.citation ? [{ kind: 'warning' as const, id: x.code, places: 0, fragments: fragmentsOf(x.citation.quote) }] : [],
    ),
  ];
  const lines: { start: number; end: number; marks: [number, number][]; by: Map<(typeof quoters)[number], number> }[] = [];
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
  const unlocated: PassageQuoter[] = [];
  for (const q of quoters) {
    let found = false;
    for (const fragment of q.fragments) {
      const places = source.find(fragment);
      if (places.length > 0) found = true;
      for (const [s, e] of places) {
        for (let i = lineAt(s); i <= lineAt(e - 1); i++) {
          const line = lines[i]!;
          line.marks.push([Math.max(s, line.start) - line.start, Math.min(e, line.end) - line.start]);
          line.by.set(q, Math.max(line.by.get(q) ?? 0, places.length));
        }
      }
    }
    if (!found) unlocated.push({ kind: q.kind, id: q.id, places: 0 });
  }
  const passages: SourcePassage[] = [];
  let count = 0;
  let quoted = 0;
  lines.forEach((line, i) => {
    const raw = text.slice(line.start, line.end).replace(/\r$/, '');
    if (raw.trim() === '') return;
    const marks = merged(line.marks, raw.length);
    const quotedBy = [...line.by].map(([q, places]) => ({ kind: q.kind, id: q.id, places }));
    const heading = /^(#{1,5})\s+/.exec(raw.trim());
    if (heading && quotedBy.length === 0) {
      passages.push({ line: i + 1, text: raw, heading: heading[1]!.length, marks, quotedBy });
      return;
    }
    count++;
    if (quotedBy.length > 0) quoted++;
    passages.push({ line: i + 1, text: raw, marks, quotedBy });
  });
  return { passages, counts: { passages: count, quoted, quoters: quoters.length }, unlocated };
}

/** Ranges sorted, overlapping ones merged, clipped to the line. */
function merged(marks: [number, number][], length: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of [...marks].sort((a, b) => a[0] - b[0])) {
    const to = Math.min(e, length);
    if (s >= to) continue;
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([s, to]);
  }
  return out;
}
