import { foldForSearch } from "@/lib/vi/fold";

/** A run of the original text; `match` runs are shown highlighted (`<mark>`). */
export type Segment = { text: string; match: boolean };

/** What to highlight: folded words and folded phrases, as `buildSearchQuery` returns them. */
export type HighlightQuery = { terms: readonly string[]; phrases: readonly string[] };

export const SNIPPET_LENGTH = 240;
const ELLIPSIS = "…";
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /[\s\u0085]/u;

// Folding one character at a time keeps a map from folded positions back to the original text.
// NFC Vietnamese letters fold to one letter each (ệ → e, Đ → d); a combining mark or an invisible
// character folds to nothing and stays with the letter before it. Results are memoised: a page of
// results folds thousands of characters drawn from a small alphabet.
const foldedChars = new Map<string, string>();
function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    // foldForSearch trims a lone space to nothing; here it must still separate words.
    folded = SPACE.test(ch) ? " " : foldForSearch(ch);
    foldedChars.set(ch, folded);
  }
  return folded;
}

type Token = { word: string; start: number; end: number };

/** The words of the original text, folded, with their original [start, end) positions. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = "";
  let start = -1;
  let end = -1;
  let i = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    const next = i + ch.length;
    if (folded === "") {
      // Marks and invisible characters belong to the word they sit in.
      if (start >= 0) end = next;
    } else {
      for (const f of folded) {
        if (LETTER_OR_DIGIT.test(f)) {
          if (start < 0) start = i;
          word += f;
          end = next;
        } else if (start >= 0) {
          tokens.push({ word, start, end });
          word = "";
          start = -1;
        }
      }
    }
    i = next;
  }
  if (start >= 0) tokens.push({ word, start, end });
  return tokens;
}

/** Original [start, end) ranges of whole words and whole phrases that the search matched, in order. */
export function matchRanges(text: string, query: HighlightQuery): Array<[number, number]> {
  const tokens = tokenize(text);
  const terms = new Set(query.terms);
  const phrases = query.phrases.map((p) => p.split(" ")).filter((words) => words.length > 0);
  const ranges: Array<[number, number]> = [];
  for (let t = 0; t < tokens.length; t++) {
    let length = terms.has(tokens[t]!.word) ? 1 : 0;
    for (const words of phrases) {
      if (words.length > length && words.every((w, k) => tokens[t + k]?.word === w)) length = words.length;
    }
    if (length > 0) ranges.push([tokens[t]!.start, tokens[t + length - 1]!.end]);
  }
  // Phrases may overlap each other or a term; merge so every character is marked once.
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function toSegments(text: string, ranges: Array<[number, number]>, offset = 0): Segment[] {
  const segments: Segment[] = [];
  let at = offset;
  const end = offset + text.length;
  for (const [s, e] of ranges) {
    const start = Math.max(s, offset);
    const stop = Math.min(e, end);
    if (stop <= start) continue;
    if (start > at) segments.push({ text: text.slice(at - offset, start - offset), match: false });
    segments.push({ text: text.slice(start - offset, stop - offset), match: true });
    at = stop;
  }
  if (at < end) segments.push({ text: text.slice(at - offset), match: false });
  return segments;
}

/** The whole text, with the searched words marked in their original spelling (`hoi nghi` marks `Hội nghị`). */
export function highlight(text: string, query: HighlightQuery): Segment[] {
  return toSegments(text, matchRanges(text, query));
}

/** Whether any searched word occurs in the text. */
export function hasMatch(text: string, query: HighlightQuery): boolean {
  return matchRanges(text, query).length > 0;
}

/**
 * About `maxLength` characters of the text around its first match, cut at word boundaries with
 * `…` where text was left out, the searched words marked. Without a match: the beginning.
 */
export function snippet(text: string, query: HighlightQuery, maxLength = SNIPPET_LENGTH): Segment[] {
  const clean = text.replace(/\s+/g, " ").trim();
  const ranges = matchRanges(clean, query);
  if (clean.length <= maxLength) return toSegments(clean, ranges);

  const first = ranges[0] ?? [0, 0];
  // Some words before the match give it context; the rest of the window follows it.
  let start = Math.max(0, Math.min(first[0] - Math.floor(maxLength / 4), clean.length - maxLength));
  if (start > 0) {
    const space = clean.indexOf(" ", start - 1);
    start = space >= 0 && space < first[0] ? space + 1 : Math.min(start, first[0]);
  }
  let end = Math.min(clean.length, start + maxLength);
  if (end < clean.length) {
    const space = clean.lastIndexOf(" ", end);
    if (space > Math.max(start, first[1])) end = space;
    else end = Math.max(end, first[1]);
  }

  const window = clean.slice(start, end);
  const segments = toSegments(window, ranges, start);
  if (start > 0) segments.unshift({ text: ELLIPSIS, match: false });
  if (end < clean.length) segments.push({ text: ELLIPSIS, match: false });
  return joinPlain(segments);
}

/** Adjacent unmarked segments read as one (e.g. the ellipsis and the text after it). */
function joinPlain(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out[out.length - 1];
    if (last && !last.match && !segment.match) last.text += segment.text;
    else out.push({ ...segment });
  }
  return out;
}
