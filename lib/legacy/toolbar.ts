import { foldForSearch } from "@/lib/vi/fold";

// The reader toolbar's text that exports carry (`Xem với cỡ chữ Đọc bài viết Tương phản`)

// Folded words of the toolbar; `a` stands for the A− / A / A+ font-size buttons.
const TOOLBAR_WORDS = ["xem", "voi", "co", "chu", "doc", "bai", "viet", "tuong", "phan", "a"];
const TOOLBAR_PHRASES: readonly (readonly string[])[] = [
  ["xem", "voi", "co", "chu"],
  ["doc", "bai", "viet"],
  ["tuong", "phan"],
];
// An English export's toolbar (`Text size Listen Contrast`), recognised in English exports only
// (`--language en`), besides the Vietnamese one an English page of the old site may still carry.
const ENGLISH_WORDS = [...TOOLBAR_WORDS, "text", "size", "listen", "contrast"];
const ENGLISH_PHRASES: readonly (readonly string[])[] = [...TOOLBAR_PHRASES, ["text", "size"], ["listen"], ["contrast"]];

export type Toolbar = { isLine: (line: string) => boolean; stripLeading: (line: string) => string };

/** The toolbar of a language's exports. */
export function toolbarOf(language: "vi" | "en"): Toolbar {
  return language === "en"
    ? { isLine: (line) => isToolbarLine(line, ENGLISH_WORDS), stripLeading: (line) => stripLeadingToolbar(line, ENGLISH_PHRASES) }
    : { isLine: (line) => isToolbarLine(line), stripLeading: (line) => stripLeadingToolbar(line) };
}

function foldedLetters(s: string): string {
  return foldForSearch(s).replace(/[^\p{L}]/gu, "");
}

/**
 * True for a line made only of toolbar words, however it was spaced or split; the letters
 * are segmented without spaces because exports glue words (`cỡ chữĐọc bài viết`).
 */
export function isToolbarLine(line: string, words: readonly string[] = TOOLBAR_WORDS): boolean {
  if (/\p{N}/u.test(line)) return false;
  const letters = foldedLetters(line);
  if (letters === "" || /^a+$/.test(letters)) return false;
  const reachable = new Array<boolean>(letters.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < letters.length; i++) {
    if (!reachable[i]) continue;
    for (const word of words) {
      if (letters.startsWith(word, i)) reachable[i + word.length] = true;
    }
  }
  return reachable[letters.length] === true;
}

/**
 * Removes toolbar text glued in front of the title. Whole phrases only, and at least two,
 * so that a title that merely starts with `Đọc bài viết …` is left alone.
 */
export function stripLeadingToolbar(line: string, known: readonly (readonly string[])[] = TOOLBAR_PHRASES): string {
  const words = line.split(" ");
  let i = 0;
  let phrases = 0;
  let end = 0;
  while (i < words.length) {
    const word = foldedLetters(words[i] ?? "");
    if (word === "" || word === "a") {
      i++;
      continue;
    }
    const phrase = known.find((p) => p.every((w, k) => foldedLetters(words[i + k] ?? "") === w));
    if (!phrase) break;
    i += phrase.length;
    phrases++;
    end = i;
  }
  return phrases >= 2 ? words.slice(end).join(" ") : line;
}
