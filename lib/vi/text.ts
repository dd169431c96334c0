/**
 * Text hygiene shared by everything that stores or compares Vietnamese text.
 */

// Invisible characters that Word and old CMSs leave behind: they survive copy-paste,
// render as nothing, yet break equality, search and slugs. The soft hyphen is included
// because it is just as invisible in running text.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u180E]/g;

// Bidirectional controls (LRM/RLM, ALM, the embeddings and overrides U+202A–E, the isolates
// U+2066–9): Vietnamese never needs them, and an override can make a title or a file name read
// as something else in lists and logs ("báo cáo\u202Efdp.exe" shows as "báo cáoexe.pdf").
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

// C0/C1 control characters other than the whitespace ones (tab, LF, VT, FF, CR, NEL),
// which are handled as spaces below instead of being deleted.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

// JS `\s` already covers NBSP, the U+2000 block, U+202F, U+3000 and friends; NEL is not in it.
const SPACE_RUN = /[\s\u0085]+/g;

/** Canonical composed form, the only form we store. */
export function toNFC(s: string): string {
  return s.normalize("NFC");
}

/**
 * One line of text as it should be stored: NFC, invisible and bidi control characters removed, every kind
 * of Unicode space turned into a plain space, runs collapsed, trimmed.
 */
export function cleanLine(s: string): string {
  // Removing invisibles before NFC lets a mark separated from its base letter by a
  // zero-width character compose again.
  return s.replace(INVISIBLE, "").replace(BIDI_CONTROLS, "").replace(CONTROL, "").replace(SPACE_RUN, " ").trim().normalize("NFC");
}
