// Cutting an article's speech text into pieces an engine takes in one go: a hosted service limits
// the request (and the audio of one answer), and the embedded engine's memory grows with the piece.

/**
 * Pieces of at most `maxChars` characters, cut between lines (articleSpeechText puts one sentence on
 * each line), else after a comma or semicolon, else between words; nothing is lost but the spaces
 * at the cuts.
 */
export function splitForSynthesis(text: string, maxChars: number): string[] {
  if (!Number.isInteger(maxChars) || maxChars < 20) throw new RangeError("maxChars must be a whole number of at least 20");
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim()) pieces.push(current.trim());
    current = "";
  };
  for (const line of text.split(/\n+/).map((l) => l.trim()).filter(Boolean)) {
    for (const part of cutLongLine(line, maxChars)) {
      if (current && current.length + 1 + part.length > maxChars) flush();
      current = current ? `${current}\n${part}` : part;
    }
  }
  flush();
  return pieces;
}

function cutLongLine(line: string, maxChars: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    const atClause = Math.max(window.lastIndexOf(", "), window.lastIndexOf("; "));
    const atSpace = window.lastIndexOf(" ");
    const cut = atClause > maxChars / 2 ? atClause + 1 : atSpace > 0 ? atSpace : maxChars;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}
