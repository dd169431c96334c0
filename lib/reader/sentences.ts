// Sentence splitting for read-aloud. Chrome stalls on long utterances, so each
// sentence becomes its own utterance; a wrong split (after "TP." or an initial)
// makes the voice pause mid-name, so the rules below err towards not splitting.

// Abbreviations that end in "." but rarely end a sentence (compared case-sensitively:
// "P." is "Phường", "p." is not used that way).
const ABBREVIATIONS = new Set([
  "TP", "Tp", "TS", "ThS", "Th.S", "PGS", "GS", "BS", "KS", "NCS", "Q", "P", "St", "TT",
  "Mr", "Mrs", "Ms", "Dr", "v.v", "tr", "Tr", "ĐT", "Đ/c", "đ/c", "Nxb", "NXB",
]);

// A terminator: ".", "!", "?", "…", runs like "..." or "?!", optionally the legacy
// "./." end-of-article mark; then any closing quotes/brackets, which belong to the
// sentence they close; then whitespace + a sentence opener, or the end of the text.
const BOUNDARY =
  /([.!?…]+(?:\/\.)?)(["'”’»)\]]*)(?=\s+["'“‘«(\[]?[\p{Lu}\p{N}]|\s*$)/gu;

// The word right before the period: letters, dots and a slash ("Th.S", "v.v", "Đ/c").
const WORD_BEFORE = /[\p{L}][\p{L}./]*$/u;

// A list marker such as "1." or "IV." at the start of a sentence is not a sentence.
const LIST_MARKER = /^(?:\d+|[IVXLC]+)$/;

function isAbbreviation(before: string): boolean {
  const word = WORD_BEFORE.exec(before)?.[0];
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // "PGS.TS." is two titles; the last part decides.
  const last = word.slice(word.lastIndexOf(".") + 1);
  if (ABBREVIATIONS.has(last)) return true;
  // A single capital is an initial in a name ("Nguyễn H. Anh").
  return /^\p{Lu}$/u.test(last);
}

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const terminator = match[1] ?? "";
    const end = match.index + match[0].length;
    if (terminator === ".") {
      const before = text.slice(start, match.index);
      if (isAbbreviation(before) || LIST_MARKER.test(before.trim())) continue;
    }
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
