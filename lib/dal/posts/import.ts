import "server-only";
import { eq } from "drizzle-orm";
import { posts } from "@/db/schema";
import { tagsForContentChange } from "@/lib/cache/tags";
import { ensureCategory } from "@/lib/dal/categories/names";
import { WRITE, type Db } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { RenderedDocument } from "@/lib/richtext/render";
import { blankPostText } from "@/lib/validations/post";
import { postContent } from "./content";
import { recordRevision } from "./record-revision";
import { NEWS_SPACE, uniqueSlugFor } from "./slugs";

/** A post read from the old site's export, ready to store (lib/legacy/import.ts parses and renders it). */
export type ImportedPost = {
  legacyKey: string;
  title: string;
  lead: string;
  source: string;
  rendered: RenderedDocument;
  featured: { url: string; caption: string } | null;
  categoryName: string;
  publishedAt: Date;
};

export type StoredImport = { status: "imported" | "skipped"; postId: number; slug: string; title: string };

/** The post an earlier import made from the same export, if any. */
export function findImportedPost(db: Pick<Db, "select">, legacyKey: string): { postId: number; slug: string; title: string } | undefined {
  return db.select({ postId: posts.id, slug: posts.slug, title: posts.title }).from(posts).where(eq(posts.legacyKey, legacyKey)).get();
}

/**
 * Stores an imported post as published with its original time, in its category (made when
 * missing), with an "import" revision and its pages queued for refresh. A post with the same
 * legacy key is found and left alone, so edits made since an earlier import are never overwritten.
 */
export function storeImportedPost(db: Db, post: ImportedPost): StoredImport {
  // better-sqlite3 transactions are synchronous; an exception anywhere rolls the whole post back.
  return db.transaction((tx): StoredImport => {
    const existing = findImportedPost(tx, post.legacyKey);
    if (existing) return { status: "skipped", ...existing };
    const category = ensureCategory(tx, post.categoryName);
    const slug = uniqueSlugFor(tx, NEWS_SPACE, post.title);
    const content = postContent(
      { ...blankPostText(), title: post.title, lead: post.lead, source: post.source, categoryId: category.id },
      {
        slug,
        rendered: post.rendered,
        featured: { featuredMediaId: null, featuredImageUrl: post.featured?.url ?? null, featuredImageAlt: post.featured?.caption ?? "", featuredImageCaption: post.featured?.caption ?? "" },
        status: "published",
        publishedAt: post.publishedAt,
      },
    );
    const inserted = tx
      .insert(posts)
      .values({ ...content, legacyKey: post.legacyKey })
      .returning({ id: posts.id })
      .get();
    recordRevision(tx, inserted.id, "import", null);
    queueInvalidation(tx, tagsForContentChange([{ kind: "post", slug, categoryId: category.id }]));
    return { status: "imported", postId: inserted.id, slug, title: post.title };
  }, WRITE);
}
