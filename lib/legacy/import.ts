import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { WRITE } from "@/lib/dal/connection";
import { posts } from "@/db/schema";
import { queueInvalidation } from "@/lib/dal/outbox";
import { tagsForPostChange } from "@/lib/cache/tags";
import { ensureCategory } from "@/lib/dal/categories/names";
import { uniquePostSlug } from "@/lib/dal/posts/slugs";
import { recordRevision } from "@/lib/dal/posts/record-revision";
import { renderDocument } from "@/lib/richtext/render";
import { toVietnamIso } from "@/lib/vi/date-line";
import { parseLegacyExport, type LegacyPost } from "./parse";
import { legacyBlocksToDocument } from "./to-document";

export const DEFAULT_LEGACY_CATEGORY = "Tin tức";

export type ImportOutcome =
  | { file: string; status: "imported"; postId: number; slug: string; title: string }
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
export function importLegacyText(
  db: Db,
  input: { file: string; text: string; categoryName?: string },
): ImportOutcome {
  const parsed = parseLegacyExport(input.text);
  if (!parsed.ok) return { file: input.file, status: "failed", reason: parsed.reason };
  const post = parsed.post;
  const legacyKey = legacyKeyOf(post);

  let rendered;
  try {
    rendered = renderDocument(legacyBlocksToDocument(post.blocks));
  } catch (error) {
    return { file: input.file, status: "failed", reason: (error as Error).message };
  }

  // better-sqlite3 transactions are synchronous; an exception anywhere rolls the whole post back.
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: posts.id, slug: posts.slug, title: posts.title })
      .from(posts)
      .where(eq(posts.legacyKey, legacyKey))
      .get();
    if (existing) return { file: input.file, status: "skipped" as const, postId: existing.id, slug: existing.slug, title: existing.title };

    const category = ensureCategory(tx, input.categoryName?.trim() || DEFAULT_LEGACY_CATEGORY);
    const slug = uniquePostSlug(tx, post.title);
    const firstFigure = post.blocks.find((b) => b.type === "figure");
    const inserted = tx
      .insert(posts)
      .values({
        title: post.title,
        slug,
        lead: post.lead,
        body: rendered.json,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        source: post.source,
        featuredImageUrl: firstFigure?.src ?? null,
        featuredImageAlt: firstFigure?.caption ?? "",
        featuredImageCaption: firstFigure?.caption ?? "",
        categoryId: category.id,
        status: "published",
        publishedAt: post.publishedAt,
        legacyKey,
      })
      .returning({ id: posts.id })
      .get();
    recordRevision(tx, inserted.id, "import", null);
    queueInvalidation(tx, tagsForPostChange({ slugs: [slug], categoryIds: [category.id] }));
    return { file: input.file, status: "imported" as const, postId: inserted.id, slug, title: post.title };
  }, WRITE);
}
