import { foldForSearch } from "@/lib/vi/fold";
import type { Random } from "./random";
import { sentence, type TextModel } from "./text";

/**
 * What readers type into the search box: one to three words taken from the archive's own prose
 * (so common and rare words both occur), sometimes a quoted phrase, sometimes without diacritics.
 */
export function searchQueries(model: TextModel, random: Random, count: number): string[] {
  return Array.from({ length: count }, () => {
    const words = sentence(model, random, 12)
      .replace(/[^\p{L}\p{N}\s]/gu, " ")
      .split(/\s+/)
      .filter((w) => w.length > 1);
    const length = random.int(1, Math.min(3, words.length));
    const start = random.int(0, words.length - length);
    let query = words.slice(start, start + length).join(" ").toLocaleLowerCase("vi");
    if (random.chance(0.3)) query = foldForSearch(query);
    if (length > 1 && random.chance(0.2)) query = `"${query}"`;
    return query;
  });
}
