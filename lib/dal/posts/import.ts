import "server-only";
import { eq } from "drizzle-orm";
import { categories, posts, type Language } from "@/db/schema";
import { tagsForContentChange } from "@/lib/cache/tags";
import { ensureCategory } from "@/lib/dal/categories/names";
import { WRITE, type Db } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { RenderedDocument } from "@/lib/richtext/render";
import { blankPostText } from "@/lib/validations/post";
import { postContent } from "./content";
import { recordRevision } from "./record-revision";
import { uniqueSlugFor } from "./slugs";
import { joinTranslationGroup, type TranslationOriginal } from "./translation-link";

/** A post read from the old site's export, ready to store (lib/legacy/import.ts parses and renders it). */
export type ImportedPost = {
  legacyKey: string;
  title: string;
  lead: string;
  source: string;
  rendered: RenderedDocument;
  featured: { url: string; caption: string } | null;
  /** The category by name (made when missing); null: the original's (a translation). */
  categoryName: string | null;
  publishedAt: Date;
  /** The site it is for (Vietnamese when not given), and the Vietnamese post it translates. */
  language?: Language;
  translationOf?: TranslationOriginal;
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
    const language = post.language ?? "vi";
    const category =
      post.categoryName === null && post.translationOf?.categoryId
        ? tx.select({ id: categories.id, slug: categories.slug }).from(categories).where(eq(categories.id, post.translationOf.categoryId)).get()!
        : ensureCategory(tx, post.categoryName ?? "");
    const slug = uniqueSlugFor(tx, { kind: "post", language }, post.title);
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
      .values({ ...content, language, legacyKey: post.legacyKey })
      .returning({ id: posts.id })
      .get();
    const group = post.translationOf ? joinTranslationGroup(tx, post.translationOf, inserted.id) : null;
    recordRevision(tx, inserted.id, "import", null);
    queueInvalidation(tx, tagsForContentChange([{ kind: "post", slug, categoryId: category.id, id: inserted.id, translationGroupId: group }]));
    return { status: "imported", postId: inserted.id, slug, title: post.title };
  }, WRITE);
}
