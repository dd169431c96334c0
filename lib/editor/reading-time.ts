/**
 * Reading time shown under the editor. A Vietnamese "từ" as the counter counts it is one
 * syllable (the text is split at spaces), and adults read Vietnamese news silently at about
 * 200–250 syllables a minute; 220 is used, rounded up to whole minutes, as news sites show it.
 */
export const SYLLABLES_PER_MINUTE = 220;

export function readingMinutes(words: number): number {
  return words <= 0 ? 0 : Math.max(1, Math.ceil(words / SYLLABLES_PER_MINUTE));
}

/** `khoảng 3 phút đọc`, or nothing for an empty body. */
export function readingTimeText(words: number): string {
  const minutes = readingMinutes(words);
  return minutes === 0 ? "" : `khoảng ${minutes} phút đọc`;
}
