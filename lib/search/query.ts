import { foldForSearch } from "@/lib/vi/fold";

/** Longest query read, in characters; the rest is ignored (a search box, not a document). */
export const MAX_QUERY_LENGTH = 200;
/** Most words (terms plus the words of phrases) that reach the index, to bound the query's cost. */
export const MAX_QUERY_WORDS = 12;

export type SearchQuery = {
  /** Folded single words, matched anywhere in the post. */
  terms: string[];
  /** Folded phrases of two or more words (typed in quotes), matched as consecutive words. */
  phrases: string[];
  /** A safe FTS5 MATCH expression, or null when there is nothing to search for. */
  match: string | null;
};

// Straight and typographic double quotes: phones and Word turn `"` into “ ” or „.
const QUOTE = /["“”„‟«»]/;
// Words are runs of letters and digits, as FTS5's unicode61 tokenizer sees them; everything else
// (operators, brackets, colons, stars, emoji) separates words and never reaches FTS5.
const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of a piece of user text, exactly as the index tokenizes folded text. */
export function searchWords(text: string): string[] {
  return foldForSearch(text).match(WORD) ?? [];
}

/** An FTS5 string: every token inside double quotes is a literal, never an operator. */
function quoted(words: string[]): string {
  return `"${words.join(" ").replace(/"/g, '""')}"`;
}

type Part = { kind: "term" | "phrase"; words: string[] };

/** Splits at double quotes: odd pieces were inside a pair; an unbalanced quote is just a separator. */
function splitQuoted(text: string): Part[] {
  const pieces = text.split(QUOTE);
  const closed = pieces.length % 2 === 1 ? pieces.length : pieces.length - 1;
  const parts: Part[] = [];
  pieces.forEach((piece, i) => {
    const words = searchWords(piece);
    if (words.length === 0) return;
    if (i % 2 === 1 && i < closed) parts.push({ kind: "phrase", words });
    else for (const word of words) parts.push({ kind: "term", words: [word] });
  });
  return parts;
}

/**
 * Turns what a reader typed into a search: diacritics and case do not matter (`hoi nghi` finds
 * `Hội nghị`, `dang bo` finds `Đảng bộ`), "quoted words" must appear together, every other word
 * must appear somewhere. Whatever was typed (`"`, `*`, `NEAR(`, `OR`, `title:x`), the MATCH
 * expression consists only of quoted literals joined by spaces, so FTS5 never sees user syntax.
 */
export function buildSearchQuery(input: string): SearchQuery {
  const text = Array.from(input).slice(0, MAX_QUERY_LENGTH).join("");
  const terms: string[] = [];
  const phrases: string[] = [];
  const clauses: string[] = [];
  const seen = new Set<string>();
  let budget = MAX_QUERY_WORDS;
  for (const part of splitQuoted(text)) {
    if (budget === 0) break;
    const words = part.words.slice(0, budget);
    const key = words.join(" ");
    if (seen.has(key)) continue;
    seen.add(key);
    budget -= words.length;
    // A quoted single word is just a word.
    if (words.length === 1) terms.push(key);
    else phrases.push(key);
    clauses.push(quoted(words));
  }
  return { terms, phrases, match: clauses.length > 0 ? clauses.join(" ") : null };
}
