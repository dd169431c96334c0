/*
 * What "Đọc bài viết" says for an article, computed from what is stored rather than from the page.
 * The browser path (components/reader/read-aloud.ts) reads the innermost h1–h4, p, li, figcaption,
 * th, td and blockquote blocks of the article in page order, skipping the date line, the toolbar and
 * the share buttons; ArticleView puts them in this order: title, corrections, lead, featured-image
 * caption, body, source. Each block is split into sentences by lib/reader/sentences.ts and the legacy
 * end mark "./." is dropped. This module yields the same sentences, in the same order, from the title,
 * the lead and the stored editor JSON, then adds the spoken form of each (normalize-vi.ts /
 * normalize-en.ts) for a speech engine. Pure: no DOM, no database. A line break inside a
 * paragraph (hardBreak, <br>) separates words like a space, on both paths.
 */
import { splitSentences } from "@/lib/reader/sentences";
import { childNodes, inlineText, type JsonNode } from "@/lib/richtext/positions";
import { formatVietnamDate } from "@/lib/vi/date-line";
import type { SpeechLanguage } from "./engine";
import { normalizeEnglish } from "./normalize-en";
import { normalizeVietnamese } from "./normalize-vi";

export type { SpeechLanguage };

export type ArticleForSpeech = {
  title: string;
  lead?: string | null;
  /** The stored editor document (Tiptap JSON). */
  body: unknown;
  /** The featured image's caption; pass it only when the article shows a featured image. */
  imageCaption?: string | null;
  source?: string | null;
  /** Corrections shown under the title, oldest first, as "Đính chính ngày dd/mm/yyyy: …". */
  corrections?: readonly { text: string; createdAt: string | Date }[];
};

export type SpeechBlockKind = "title" | "correction" | "lead" | "caption" | "heading" | "paragraph" | "source";

export type SpeechSentence = {
  /** Index of the block (page element) the sentence belongs to, counting from the title at 0. */
  block: number;
  kind: SpeechBlockKind;
  /** The sentence as the browser voice speaks it (what the page shows, "./." dropped). */
  text: string;
  /** The same sentence as a speech engine should be given it: abbreviations, numbers and dates in words. */
  spoken: string;
};

/** Containers whose own text is never read: their paragraphs (or figures) are the blocks. */
const CONTAINERS = new Set(["doc", "bulletList", "orderedList", "listItem", "blockquote", "table", "tableRow", "tableCell", "tableHeader", "gallery"]);
const TEXT_BLOCKS: Record<string, SpeechBlockKind> = { paragraph: "paragraph", heading: "heading", captionParagraph: "caption", figure: "caption" };
const MAX_DEPTH = 200;

/** The readable blocks of a stored document, in document order. */
export function documentBlocks(body: unknown): { kind: SpeechBlockKind; text: string }[] {
  const blocks: { kind: SpeechBlockKind; text: string }[] = [];
  const walk = (node: JsonNode, depth: number) => {
    if (depth > MAX_DEPTH) return;
    const type = String(node.type ?? "");
    const kind = TEXT_BLOCKS[type];
    if (kind) blocks.push({ kind, text: inlineText(node) });
    else if (CONTAINERS.has(type)) for (const child of childNodes(node)) walk(child, depth + 1);
  };
  if (body && typeof body === "object") walk(body as JsonNode, 0);
  return blocks;
}

/** The page's whitespace collapsing: any run of white space is one space, none at the ends. */
const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
/** The legacy "./." end mark would be read out as "slash" (same rule as read-aloud.ts). */
const spokenText = (sentence: string) => sentence.replace(/\/\.$/, "");

/** Every sentence "Đọc bài viết" reads, in order, with its spoken form. */
export function articleSpeechSentences(article: ArticleForSpeech, language: SpeechLanguage = "vi"): SpeechSentence[] {
  const normalize = language === "en" ? normalizeEnglish : normalizeVietnamese;
  const blocks: { kind: SpeechBlockKind; text: string }[] = [
    { kind: "title", text: article.title },
    ...(article.corrections ?? []).map((c) => ({
      kind: "correction" as const,
      text: `Đính chính ngày ${formatVietnamDate(new Date(c.createdAt))}: ${c.text}`,
    })),
    { kind: "lead", text: article.lead ?? "" },
    { kind: "caption", text: article.imageCaption ?? "" },
    ...documentBlocks(article.body),
    { kind: "source", text: article.source ?? "" },
  ];
  const sentences: SpeechSentence[] = [];
  let index = 0;
  for (const block of blocks) {
    const text = collapse(block.text);
    if (!text) continue;
    for (const sentence of splitSentences(text)) {
      const said = spokenText(sentence);
      if (said) sentences.push({ block: index, kind: block.kind, text: said, spoken: normalize(said) });
    }
    index++;
  }
  return sentences;
}

/**
 * The whole article as one text for a speech engine: one sentence a line, and a full stop after
 * a title, heading or caption that has none, so the voice pauses between blocks.
 */
export function articleSpeechText(article: ArticleForSpeech, language: SpeechLanguage = "vi"): string {
  return articleSpeechSentences(article, language)
    .map((s) => (/[.!?…:;]["'”’»)\]]*$/u.test(s.spoken) ? s.spoken : `${s.spoken}.`))
    .join("\n");
}

/** Words (space-separated runs) in the text a reader hears, for sizing and cost estimates. */
export const countWords = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
