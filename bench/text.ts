import type { Random } from "./random";

/**
 * Vietnamese prose for the benchmark archive: a word-pair (Markov) chain learned from the agency's
 * real posts, so syllables, word frequencies and sentence lengths look like theirs and search terms
 * hit the archive the way they would hit the real one.
 */
export type TextModel = { starts: string[]; following: Map<string, string[]> };

const SENTENCE_END = /[.!?…]$/u;

/** Learns which word follows which from plain text (one paragraph per line). */
export function learnText(corpus: string): TextModel {
  const starts: string[] = [];
  const following = new Map<string, string[]>();
  for (const line of corpus.split(/\n+/)) {
    const words = line.normalize("NFC").split(/\s+/).filter(Boolean);
    if (words.length < 6) continue;
    starts.push(words[0]!);
    words.forEach((word, i) => {
      const after = words[i + 1];
      if (SENTENCE_END.test(word) && after) starts.push(after);
      if (!after) return;
      const list = following.get(word);
      if (list) list.push(after);
      else following.set(word, [after]);
    });
  }
  if (starts.length === 0) throw new Error("the corpus has no paragraph of six words or more");
  return { starts, following };
}

/** One sentence of about `target` words, ending with a full stop. */
export function sentence(model: TextModel, random: Random, target: number): string {
  const words = [random.pick(model.starts)];
  while (words.length < target * 2) {
    const last = words.at(-1)!;
    if (words.length >= target && SENTENCE_END.test(last)) break;
    const options = model.following.get(last);
    words.push(options ? random.pick(options) : random.pick(model.starts));
  }
  const text = words.join(" ").replace(/[,;:–-]+$/u, "");
  const capitalized = text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
  return SENTENCE_END.test(capitalized) ? capitalized : `${capitalized}.`;
}

/** A paragraph of `sentences` sentences. */
export function paragraph(model: TextModel, random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(model, random, random.int(12, 32))).join(" ");
}

/** A headline: a sentence of 10 to 22 words, without its full stop. */
export function headline(model: TextModel, random: Random): string {
  return sentence(model, random, random.int(10, 22)).replace(/[.!?…]+$/u, "");
}
