import { foldAligned, foldForSearch, foldMarksAndCase } from "@/lib/vi/fold";

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

const WORDS = /[\p{L}\p{N}]+/gu;

/** The words of the original text, folded, with their original [start, end) positions. */
function tokenize(text: string): Token[] {
  const aligned = foldAligned(text);
  if (aligned === null) return tokenizeByCharacter(text);
  // Each unit folded to one: the folded words sit where the original ones do.
  return Array.from(aligned.matchAll(WORDS), (m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Folding one character at a time, for text where positions do not line up (marks, wide letters). */
function tokenizeByCharacter(text: string): Token[] {
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

// Only these expressions know what a letter is, and they are compiled once: a `\\p{L}` class costs
// about 170 µs to compile, and an expression made per query with four of them was a millisecond
// and more of every search the server had not seen before.
const TOKEN = /[\p{L}\p{N}]+/uy;
const GAP = /[^\p{L}\p{N}]+/uy;
const ENDS_WITH_LETTER = /[\p{L}\p{N}]$/u;

/** The searched words and phrases, each as its words. */
export function queryWords(query: HighlightQuery): string[][] {
  return [...query.terms, ...query.phrases].filter((words) => words.length > 0).map((words) => words.split(" "));
}

/** Whether `words` follow one another from `at` as whole tokens, separated only by non-letters. */
function wordsFollow(folded: string, at: number, words: readonly string[]): boolean {
  let i = at;
  for (let k = 0; k < words.length; k++) {
    if (k > 0) {
      GAP.lastIndex = i;
      if (!GAP.exec(folded)) return false;
      i = GAP.lastIndex;
    }
    TOKEN.lastIndex = i;
    if (TOKEN.exec(folded)?.[0] !== words[k]) return false;
    i = TOKEN.lastIndex;
  }
  return true;
}

/**
 * Where a searched word or phrase (its folded words) first occurs in folded text as whole words,
 * a phrase's words separated only by non-letters, as the index tokenizes text; -1 when nowhere.
 */
export function indexOfWords(folded: string, words: readonly string[]): number {
  const first = words[0];
  if (!first) return -1;
  for (let at = folded.indexOf(first); at >= 0; at = folded.indexOf(first, at + 1)) {
    if (at > 0 && ENDS_WITH_LETTER.test(folded.slice(Math.max(0, at - 2), at))) continue;
    if (wordsFollow(folded, at, words)) return at;
  }
  return -1;
}

/** Where the first of any searched word or phrase occurs in folded text, -1 when none does. */
function firstOfAny(folded: string, alternatives: readonly (readonly string[])[]): number {
  let first = -1;
  for (const words of alternatives) {
    const at = indexOfWords(folded, words);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

// How much of a text is folded before looking for the first match, growing until found: on a
// results page the first match mostly sits in the first paragraphs of a long article.
const PREFIX_LENGTHS = [1_000, 8_000, Infinity];

/**
 * Where the first searched word or phrase starts, -1 when none does, and whether that position is
 * also the position in the original text (NFC Vietnamese folds one character to one; rare letters
 * fold to two and text stored decomposed loses its marks). Folding natively and searching the
 * folded text is far cheaper than tokenizing a long article in script, which a results page did ten
 * times over. Prefixes end at a space, so a word is never cut.
 */
function firstMatch(text: string, query: HighlightQuery): { at: number; aligned: boolean } {
  const alternatives = queryWords(query);
  if (alternatives.length === 0) return { at: -1, aligned: true };
  for (const length of PREFIX_LENGTHS) {
    const space = length >= text.length ? -1 : text.indexOf(" ", length);
    const prefix = space < 0 ? text : text.slice(0, space);
    const aligned = foldAligned(prefix);
    const at = firstOfAny(aligned ?? foldMarksAndCase(prefix), alternatives);
    if (at >= 0) return { at, aligned: aligned !== null };
    if (prefix.length === text.length) break;
  }
  return { at: -1, aligned: true };
}

/**
 * The match ranges a snippet of `maxLength` characters can show: those within reach of the first
 * match, tokenized from a region around it; where positions do not line up or the region finds
 * nothing, the whole text is tokenized.
 */
function rangesNearFirstMatch(clean: string, query: HighlightQuery, maxLength: number): Array<[number, number]> {
  const { at, aligned } = firstMatch(clean, query);
  if (at < 0) return [];
  if (!aligned) return matchRanges(clean, query);
  // Whole words only: the region starts after a space and ends before one.
  const from = at - maxLength <= 0 ? 0 : clean.lastIndexOf(" ", at - maxLength) + 1;
  const stop = clean.indexOf(" ", at + 2 * maxLength);
  const to = stop < 0 ? clean.length : stop;
  const ranges = matchRanges(clean.slice(from, to), query).map(([s, e]): [number, number] => [s + from, e + from]);
  return ranges.length > 0 ? ranges : matchRanges(clean, query);
}

/**
 * About `maxLength` characters of the text around its first match, cut at word boundaries with
 * `…` where text was left out, the searched words marked. Without a match: the beginning.
 */
export function snippet(text: string, query: HighlightQuery, maxLength = SNIPPET_LENGTH): Segment[] {
  return excerpt([text], query, maxLength);
}

/**
 * The snippet of the first of `texts` that holds a searched word or phrase (a post's lead before
 * its article text), else the beginning of the first that is not empty. Each text is searched
 * once: choosing the text first and then cutting its snippet folded the article twice.
 */
export function excerpt(texts: readonly string[], query: HighlightQuery, maxLength = SNIPPET_LENGTH): Segment[] {
  const cleaned = texts.map((text) => text.replace(/\s+/g, " ").trim());
  for (const clean of cleaned) {
    const ranges = clean.length <= maxLength ? matchRanges(clean, query) : rangesNearFirstMatch(clean, query, maxLength);
    if (ranges.length > 0) return cut(clean, ranges, maxLength);
  }
  return cut(cleaned.find((clean) => clean !== "") ?? "", [], maxLength);
}

/** About `maxLength` characters of clean text from a little before its first range, the ranges marked. */
function cut(clean: string, ranges: Array<[number, number]>, maxLength: number): Segment[] {
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
