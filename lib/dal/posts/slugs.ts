import "server-only";
import { and, eq } from "drizzle-orm";
import { postSlugHistory, posts, type ContentKind, type Language } from "@/db/schema";
import type { Db } from "@/lib/dal/connection";
import { slugify, uniqueSlug } from "@/lib/vi/slug";

type Tx = Pick<Db, "select">;

/** Where a slug must be unique: each kind in each language has its own addresses. */
export type SlugSpace = { kind: ContentKind; language: Language };
export const NEWS_SPACE: SlugSpace = { kind: "post", language: "vi" };

/** True when a slug is current or earlier content's in this space (old links keep redirecting). */
export function isSlugTaken(tx: Tx, space: SlugSpace, slug: string, exceptPostId?: number): boolean {
  const current = tx
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.kind, space.kind), eq(posts.language, space.language), eq(posts.slug, slug)))
    .get();
  if (current && current.id !== exceptPostId) return true;
  const old = tx
    .select({ postId: postSlugHistory.postId })
    .from(postSlugHistory)
    .where(and(eq(postSlugHistory.kind, space.kind), eq(postSlugHistory.language, space.language), eq(postSlugHistory.slug, slug)))
    .get();
  return Boolean(old && old.postId !== exceptPostId);
}

/** A free slug made from `title`, under `prefix` (a page's parent path) when there is one. */
export function uniqueSlugFor(tx: Tx, space: SlugSpace, title: string, exceptPostId?: number, prefix = ""): string {
  const segment = uniqueSlug(slugify(title), (candidate) => isSlugTaken(tx, space, `${prefix}${candidate}`, exceptPostId));
  return `${prefix}${segment}`;
}

/** The old address of content keeps answering (a redirect); going back to an earlier slug makes it current again. */
export function keepOldSlug(tx: Pick<Db, "insert" | "delete">, space: SlugSpace, postId: number, oldSlug: string, newSlug: string): void {
  tx.delete(postSlugHistory)
    .where(and(eq(postSlugHistory.kind, space.kind), eq(postSlugHistory.language, space.language), eq(postSlugHistory.slug, newSlug), eq(postSlugHistory.postId, postId)))
    .run();
  tx.insert(postSlugHistory).values({ ...space, slug: oldSlug, postId }).onConflictDoNothing().run();
}
