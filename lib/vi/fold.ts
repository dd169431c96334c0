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
 * foldForSearch without the cleaning, for text already stored clean (titles, article text): a
 * table lookup per character, several times faster than normalizing, which matters for the long
 * article texts a results page searches for its excerpts.
 */
export function foldMarksAndCase(text: string): string {
  return foldByTable(text, false) ?? foldByNormalizing(text);
}

/**
 * foldMarksAndCase when each UTF-16 unit folds to exactly one, so that a position in the folded
 * text is the same position in the original (what highlighting needs); null when a unit folds to
 * nothing (a combining mark) or to two (æ), or the text needs the whole-text path.
 */
export function foldAligned(text: string): string | null {
  return foldByTable(text, true);
}

/** The table's folding; null when the text has a unit outside the table (or, `aligned`, one that does not fold to one unit). */
function foldByTable(text: string, aligned: boolean): string | null {
  const codes = FOLD_TABLE.get();
  const out = new Uint16Array(aligned ? text.length : text.length * 2);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code < codes.length ? codes[code]! : SLOW;
    if (folded >= 0) out[length++] = folded;
    else if (aligned || folded === SLOW) return null;
    else if (folded === WIDE) {
      const wide = FOLD_TABLE.wide.get(code) ?? "";
      for (let k = 0; k < wide.length; k++) out[length++] = wide.charCodeAt(k);
    }
    // DROP: a combining mark (or an invisible one) folds to nothing.
  }
  return UTF16.decode(out.subarray(0, length));
}

/**
 * The definition of folding: decompose, drop the marks, lower the case, then the letters that do
 * not decompose. The table above is made from it one character at a time, and any text with a
 * character outside the table is folded here whole.
 */
export function foldByNormalizing(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE[ch] ?? ch);
}

const DROP = -1;
const SLOW = -2;
const WIDE = -3;
const UTF16 = new TextDecoder("utf-16le");

/**
 * The folded form of each UTF-16 unit up to the end of General Punctuation (ASCII, Latin with its
 * extensions and Vietnamese's precomposed letters, combining marks, Greek, Cyrillic, quotes and
 * dashes), made once on first use. Left to the whole-text path: Greek capital sigma, whose lower
 * case depends on where it stands in a word, Greek Extended and surrogates.
 */
const FOLD_TABLE = {
  codes: null as Int32Array | null,
  wide: new Map<number, string>(),
  get(): Int32Array {
    if (this.codes) return this.codes;
    const codes = new Int32Array(0x2070);
    for (let code = 0; code < codes.length; code++) {
      if (code === 0x3a3 || (code >= 0x1f00 && code < 0x2000)) {
        codes[code] = SLOW;
        continue;
      }
      const folded = foldByNormalizing(String.fromCharCode(code));
      if (folded.length === 1) codes[code] = folded.charCodeAt(0);
      else if (folded.length === 0) codes[code] = DROP;
      else if (folded.length > 2) codes[code] = SLOW; // the output has room for two units per input unit
      else {
        codes[code] = WIDE;
        this.wide.set(code, folded);
      }
    }
    return (this.codes = codes);
  },
};
