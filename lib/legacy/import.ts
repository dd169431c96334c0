import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/dal/connection";
import type { Language } from "@/db/vocabulary";
import { findImportedPost, storeImportedPost } from "@/lib/dal/posts/import";
import { findOriginal, hasTranslationIn } from "@/lib/dal/posts/translation-link";
import { renderDocument } from "@/lib/richtext/render";
import { toVietnamIso } from "@/lib/vi/date-line";
import { importFindings, type ImportFinding } from "./accessibility";
import { parseLegacyExport, type LegacyPost } from "./parse";
import { legacyBlocksToDocument } from "./to-document";

export const DEFAULT_LEGACY_CATEGORY = "Tin tức";

export type ImportOutcome =
  /** `accessibility`: what the editor's accessibility checks find in the body (reported, never refused). */
  | { file: string; status: "imported"; postId: number; slug: string; title: string; accessibility: ImportFinding[] }
  | { file: string; status: "skipped"; postId: number; slug: string; title: string }
  | { file: string; status: "failed"; reason: string };

/** A post's identity across imports: the same title at the same minute is the same post. */
export function legacyKeyOf(post: Pick<LegacyPost, "title" | "publishedAt">): string {
  return createHash("sha256").update(`${post.title}\n${toVietnamIso(post.publishedAt)}`).digest("hex").slice(0, 32);
}

/**
 * Stores one export as a published post with its original publication time. Importing it again
 * finds the earlier post and leaves it alone, so edits made since then are never overwritten.
 */
export const LEGACY_TRANSLATION_FAILURE = {
  missing: (slug: string) => `không có bài tiếng Việt nào ở đường dẫn “${slug}” để làm bài gốc (--translation-of).`,
  taken: (slug: string) => `bài “${slug}” đã có bản tiếng Anh; mỗi bài chỉ có một bản cho mỗi ngôn ngữ.`,
  notEnglish: "--translation-of chỉ dùng cho bài tiếng Anh (--language en).",
} as const;

/**
 * `language`: an English export (`--language en`) becomes a post of the English site;
 * `translationOf`: the slug of the Vietnamese post it translates (`--translation-of`), whose
 * translation group it joins: a missing original, or one that already has an English version, is
 * a failed file, reported like a file that cannot be parsed.
 */
export function importLegacyText(
  db: Db,
  input: { file: string; text: string; categoryName?: string; language?: Language; translationOf?: string },
): ImportOutcome {
  const language = input.language ?? "vi";
  const parsed = parseLegacyExport(input.text, language);
  if (!parsed.ok) return { file: input.file, status: "failed", reason: parsed.reason };
  const original = input.translationOf === undefined ? undefined : findOriginal(db, input.translationOf);
  if (input.translationOf !== undefined) {
    if (language === "vi") return { file: input.file, status: "failed", reason: LEGACY_TRANSLATION_FAILURE.notEnglish };
    if (!original) return { file: input.file, status: "failed", reason: LEGACY_TRANSLATION_FAILURE.missing(input.translationOf) };
  }
  const post = parsed.post;
  const legacyKey = legacyKeyOf(post);
  // Found before rendering: a second run over a whole archive costs a lookup per file.
  const earlier = findImportedPost(db, legacyKey);
  if (earlier) return { file: input.file, status: "skipped", ...earlier };
  if (original && hasTranslationIn(db, original, language)) return { file: input.file, status: "failed", reason: LEGACY_TRANSLATION_FAILURE.taken(input.translationOf!) };

  let rendered;
  const body = legacyBlocksToDocument(post.blocks);
  try {
    rendered = renderDocument(body);
  } catch (error) {
    return { file: input.file, status: "failed", reason: (error as Error).message };
  }

  const firstFigure = post.blocks.find((b) => b.type === "figure");
  const stored = storeImportedPost(db, {
    legacyKey,
    title: post.title,
    lead: post.lead,
    source: post.source,
    rendered,
    featured: firstFigure ? { url: firstFigure.src, caption: firstFigure.caption ?? "" } : null,
    // A translation files under its original's category unless one is named.
    categoryName: input.categoryName?.trim() || (original?.categoryId ? null : DEFAULT_LEGACY_CATEGORY),
    publishedAt: post.publishedAt,
    language,
    translationOf: original,
  });
  return stored.status === "imported" ? { file: input.file, ...stored, status: "imported", accessibility: importFindings(body) } : { file: input.file, ...stored, status: "skipped" };
}
