/* Classifying the body lines of a legacy export: paragraph, heading, caption, image, source. */

const CAPTION_MAX_LENGTH = 300;
const HEADING_MAX_LENGTH = 200;
const NUMBERED_HEADING_MAX_LENGTH = 150;
const SOURCE_MAX_LENGTH = 150;

const IMAGE_URL = /^https?:\/\/\S+\.(?:jpe?g|png|gif|webp)(?:[?#]\S*)?$/iu;
// Closing quotes/brackets after the punctuation (`.”`, `.)`) do not hide the full stop.
const TRAILING_CLOSERS = /["'”’»›)\]}]+$/u;
const TERMINAL_PUNCTUATION = /[.!?…:;,]$/u;
const DASH_LED = /^[-–—−•·+*]/u;
const QUOTATION = /^[“"«‘'].*[”"»’']$/u;
const ROMAN_NUMBERED = /^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})\s*[.)\-–]\s*\p{Lu}/u;
const ARABIC_NUMBERED = /^\d{1,2}(?:\.\d{1,2})*[.)]\s+\p{Lu}/u;
// `Toàn cảnh Hội nghị. Ảnh: Minh Anh` is still one caption, not two sentences.
const PHOTO_CREDIT = /\s*[.\-–—|]?\s*\(?\s*(?:ảnh|nguồn|photo)\s*:[^()]*\)?\s*$/iu;
const SENTENCE_BREAK = /([\p{L}\p{N}]+)[.!?…]+["”’)\]]*\s+(?=[“"‘(]?[\p{Lu}\p{N}])/gu;

function lastSignificantChar(s: string): string {
  return s.replace(TRAILING_CLOSERS, "").trimEnd().slice(-1);
}

export function endsSentence(s: string): boolean {
  return TERMINAL_PUNCTUATION.test(lastSignificantChar(s));
}

export function isImageUrl(s: string): boolean {
  return IMAGE_URL.test(s);
}

// A full stop after `TS`, `ThS`, `Tp`, `PGS` does not end a sentence.
function isAbbreviation(token: string): boolean {
  return token.length <= 2 || (/^\p{Lu}+$/u.test(token) && token.length <= 5) || /^\p{L}\p{Ll}*\p{Lu}/u.test(token);
}

function countSentenceBreaks(s: string): number {
  let count = 0;
  for (const match of s.matchAll(SENTENCE_BREAK)) {
    if (!isAbbreviation(match[1] ?? "")) count++;
  }
  return count;
}

function isAllCaps(s: string): boolean {
  const cased = [...s].filter((c) => c.toLowerCase() !== c.toUpperCase());
  return cased.length >= 4 && cased.every((c) => c === c.toUpperCase());
}

export function isHeading(s: string): boolean {
  const last = lastSignificantChar(s);
  const endsWithColon = last === ":";
  const endsOtherwise = TERMINAL_PUNCTUATION.test(last) && !endsWithColon;
  if (endsOtherwise || s.length > HEADING_MAX_LENGTH) return false;
  if (isAllCaps(s) || ROMAN_NUMBERED.test(s)) return true;
  // An arabic-numbered line ending in `:` introduces a list rather than a section.
  return ARABIC_NUMBERED.test(s) && !endsWithColon && s.length <= NUMBERED_HEADING_MAX_LENGTH;
}

function startsCapitalized(s: string): boolean {
  const first = /[\p{L}\p{N}]/u.exec(s)?.[0];
  return first !== undefined && (/\p{N}/u.test(first) || first !== first.toLowerCase());
}

/** A short, single-sentence, capitalized line without final punctuation: what is left of a photo. */
export function isCaptionLike(s: string): boolean {
  return (
    s.length <= CAPTION_MAX_LENGTH &&
    !endsSentence(s) &&
    !DASH_LED.test(s) &&
    !QUOTATION.test(s) &&
    !isImageUrl(s) &&
    startsCapitalized(s) &&
    countSentenceBreaks(s.replace(PHOTO_CREDIT, "")) === 0
  );
}

/** A line wrapped in the middle of a sentence: no final punctuation and a lower-case start. */
export function continuesPrevious(previous: string, next: string): boolean {
  if (isImageUrl(previous) || isImageUrl(next)) return false;
  if (/[.!?…:;]$/u.test(previous.replace(TRAILING_CLOSERS, "").trimEnd())) return false;
  // `a) …`, `b. …` start list items even after an unpunctuated line.
  return /^\p{Ll}/u.test(next) && !/^\p{Ll}[.)]\s/u.test(next);
}

export const SOURCE_PREFIX = /^nguồn\s*:\s*/iu;

/** Could this last line be a unit name rather than a lost paragraph or image? */
export function canBeSource(s: string): boolean {
  return !isImageUrl(s) && s.length <= SOURCE_MAX_LENGTH && !s.endsWith("/.") && countSentenceBreaks(s) === 0;
}
