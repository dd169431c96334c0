import "server-only";
import { and, eq, inArray, isNotNull, lt } from "drizzle-orm";
import type { Db, Tx } from "@/lib/dal/connection";
import { WRITE } from "@/lib/dal/connection";
import { postRevisions, posts } from "@/db/schema";
import { logActivity, quoted, type Actor } from "@/lib/dal/activity/log";

/** How long a post stays in the trash before it is deleted for good. */
export const TRASH_KEEP_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes trashed posts for good, with their working history. The published revisions stay: they
 * are the record of what was public and when, which nobody may delete (a trigger refuses it), and
 * they are not tied to the post by a foreign key for exactly this reason. Pages already answer 404
 * for a trashed post, so no cache changes.
 */
export function purgeTrashed(tx: Tx, ids: number[], actor: Actor, ip = ""): number {
  if (ids.length === 0) return 0;
  const doomed = tx
    .select({ id: posts.id, title: posts.title })
    .from(posts)
    .where(and(inArray(posts.id, ids), isNotNull(posts.deletedAt)))
    .all();
  if (doomed.length === 0) return 0;
  const doomedIds = doomed.map((p) => p.id);
  tx.delete(postRevisions)
    .where(and(inArray(postRevisions.postId, doomedIds), eq(postRevisions.published, false)))
    .run();
  tx.delete(posts).where(inArray(posts.id, doomedIds)).run();
  for (const post of doomed) logActivity(tx, { actor, action: "post.purge", objectType: "post", objectId: post.id, summary: quoted(post.title), ip });
  return doomed.length;
}

/** The background job: posts trashed more than TRASH_KEEP_DAYS ago go for good. */
export function purgeExpiredTrash(db: Db, now: Date): number {
  return db.transaction((tx) => {
    const cutoff = new Date(now.getTime() - TRASH_KEEP_DAYS * DAY_MS);
    const expired = tx.select({ id: posts.id }).from(posts).where(lt(posts.deletedAt, cutoff)).all();
    return purgeTrashed(
      tx,
      expired.map((p) => p.id),
      { id: null, name: "Hệ thống (dọn thùng rác)" },
    );
  }, WRITE);
}
