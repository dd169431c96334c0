import { cleanLine } from "@/lib/vi/text";

// Letters NFD cannot decompose into base letter + mark; `đ` is the one Vietnamese needs,
// the rest keep foreign names searchable and sluggable.
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  đ: "d",
  ð: "d",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  ł: "l",
  ı: "i",
  þ: "th",
};
const UNDECOMPOSABLE_RE = /[đðøæœßłıþ]/g;

/**
 * Key for diacritics- and case-insensitive matching: `hoi nghi` and `Hội nghị` fold to the
 * same string whatever normalization form the input came in.
 */
export function foldForSearch(text: string): string {
  return foldMarksAndCase(cleanLine(text));
}

/**
 * foldForSearch without the cleaning, for text already stored clean (titles): one native pass,
 * cheap enough to fold a thousand titles joined into one string.
 */
export function foldMarksAndCase(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE[ch] ?? ch);
}
