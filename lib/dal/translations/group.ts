// A translation group: the posts that are one another's translations share `translation_group_id`
// (the id of the first of them); a post never translated has none and is a group of one.
import "server-only";
import { and, eq, or } from "drizzle-orm";
import { posts, type Language } from "@/db/schema";
import type { Db } from "@/lib/dal/connection";

type Reader = Pick<Db, "select">;

/** The group a post belongs to (its own id while it has no translation). */
export function groupOf(db: Reader, postId: number): number {
  return db.select({ group: posts.translationGroupId }).from(posts).where(eq(posts.id, postId)).get()?.group ?? postId;
}

export type GroupMember = { id: number; authorId: number | null; status: "draft" | "pending" | "published" | "unpublished"; publishedAt: Date | null; deletedAt: Date | null };

function memberIn(db: Reader, groupId: number, language: Language): GroupMember | null {
  return (
    db
      .select({ id: posts.id, authorId: posts.authorId, status: posts.status, publishedAt: posts.publishedAt, deletedAt: posts.deletedAt })
      .from(posts)
      .where(and(or(eq(posts.translationGroupId, groupId), eq(posts.id, groupId)), eq(posts.language, language)))
      .orderBy(posts.id)
      .get() ?? null
  );
}

/** The group's English version, in the trash or not (one per group: the trash still holds its place). */
export const englishOf = (db: Reader, groupId: number) => memberIn(db, groupId, "en");
/** The group's Vietnamese original. */
export const vietnameseOf = (db: Reader, groupId: number) => memberIn(db, groupId, "vi");
