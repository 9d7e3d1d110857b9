/**
 * Finding a rule's quote in its source text. Quotes are compared with all whitespace removed (the texts carry layout
 * spaces and line breaks); a match is mapped back to where it stands in the text as written.
 */

/** Removes all whitespace, for verbatim comparison. */
export const squash = (s: string): string => s.replace(/\s+/gu, '');

/** A source text with its whitespace removed, and for each remaining character its offset in the text as written. */
export class SourceText {
  readonly text: string;
  readonly squashed: string;
  readonly #offsets: number[];

  constructor(text: string) {
    this.text = text;
    const chars: string[] = [];
    const offsets: number[] = [];
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (!/\s/u.test(ch)) {
        chars.push(ch);
        for (let k = 0; k < ch.length; k++) offsets.push(i + k);
      }
      i += ch.length;
    }
    this.squashed = chars.join('');
    this.#offsets = offsets;
  }

  /** Whether the fragment stands in the text (whitespace aside). */
  has(fragment: string): boolean {
    return this.squashed.includes(squash(fragment));
  }

  /** Every place the fragment stands, as [start, end) offsets in the text as written. */
  find(fragment: string): [number, number][] {
    const needle = squash(fragment);
    if (needle === '') return [];
    const out: [number, number][] = [];
    for (let at = this.squashed.indexOf(needle); at >= 0; at = this.squashed.indexOf(needle, at + 1)) {
      out.push([this.#offsets[at]!, this.#offsets[at + needle.length - 1]! + 1]);
    }
    return out;
  }
}
