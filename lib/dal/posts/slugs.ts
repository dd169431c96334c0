import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { postSlugHistory, posts } from "@/db/schema";
import { slugify, uniqueSlug } from "@/lib/vi/slug";

type Tx = Pick<Db, "select">;

/** True when a slug is a post's current slug or one it answered at before (old links keep redirecting). */
export function isPostSlugTaken(tx: Tx, slug: string, exceptPostId?: number): boolean {
  const current = tx.select({ id: posts.id }).from(posts).where(eq(posts.slug, slug)).get();
  if (current && current.id !== exceptPostId) return true;
  const old = tx.select({ postId: postSlugHistory.postId }).from(postSlugHistory).where(eq(postSlugHistory.slug, slug)).get();
  return Boolean(old && old.postId !== exceptPostId);
}

export function uniquePostSlug(tx: Tx, title: string, exceptPostId?: number): string {
  return uniqueSlug(slugify(title), (candidate) => isPostSlugTaken(tx, candidate, exceptPostId));
}
