import { foldForSearch } from "@/lib/vi/fold";

// The reader toolbar's text that exports carry (`Xem với cỡ chữ Đọc bài viết Tương phản`)

// Folded words of the toolbar; `a` stands for the A− / A / A+ font-size buttons.
const TOOLBAR_WORDS = ["xem", "voi", "co", "chu", "doc", "bai", "viet", "tuong", "phan", "a"];
const TOOLBAR_PHRASES: readonly (readonly string[])[] = [
  ["xem", "voi", "co", "chu"],
  ["doc", "bai", "viet"],
  ["tuong", "phan"],
];

function foldedLetters(s: string): string {
  return foldForSearch(s).replace(/[^\p{L}]/gu, "");
}

/**
 * True for a line made only of toolbar words, however it was spaced or split; the letters
 * are segmented without spaces because exports glue words (`cỡ chữĐọc bài viết`).
 */
export function isToolbarLine(line: string): boolean {
  if (/\p{N}/u.test(line)) return false;
  const letters = foldedLetters(line);
  if (letters === "" || /^a+$/.test(letters)) return false;
  const reachable = new Array<boolean>(letters.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < letters.length; i++) {
    if (!reachable[i]) continue;
    for (const word of TOOLBAR_WORDS) {
      if (letters.startsWith(word, i)) reachable[i + word.length] = true;
    }
  }
  return reachable[letters.length] === true;
}

/**
 * Removes toolbar text glued in front of the title. Whole phrases only, and at least two,
 * so that a title that merely starts with `Đọc bài viết …` is left alone.
 */
export function stripLeadingToolbar(line: string): string {
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
    const phrase = TOOLBAR_PHRASES.find((p) => p.every((w, k) => foldedLetters(words[i + k] ?? "") === w));
    if (!phrase) break;
    i += phrase.length;
    phrases++;
    end = i;
  }
  return phrases >= 2 ? words.slice(end).join(" ") : line;
}
