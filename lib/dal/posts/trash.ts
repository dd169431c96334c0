import "server-only";
import { and, inArray, isNotNull, isNull } from "drizzle-orm";
import type { AppDatabase } from "@/db";
import { posts, type PostStatus } from "@/db/schema";
import { logActivity } from "@/lib/activity/log";
import { can } from "@/lib/auth/permissions";
import { queueInvalidation } from "@/lib/cache/outbox";
import { tagsForPostChange } from "@/lib/cache/tags";
import { purgeTrashed } from "@/lib/content/purge";
import { canTrashPost, POST_ADMIN_MESSAGES, PostDeniedError, visiblePostsWhere, type PostActor, type PostChangeResult } from "./access";
import { quoted, WRITE, type Tx } from "./write";

type TrashRow = { id: number; title: string; slug: string; status: PostStatus; categoryId: number; authorId: number | null; deletedAt: Date | null };

function readForBulk(tx: Tx, actor: PostActor, ids: number[]): TrashRow[] {
  return tx
    .select({ id: posts.id, title: posts.title, slug: posts.slug, status: posts.status, categoryId: posts.categoryId, authorId: posts.authorId, deletedAt: posts.deletedAt })
    .from(posts)
    .where(and(inArray(posts.id, ids), visiblePostsWhere(actor)))
    .all();
}

type Direction = { to: "trash"; at: Date } | { to: "restore" };

/**
 * Moves the chosen posts into or out of the trash, all or none; the caller has checked the role.
 * Posts already on that side are counted in the message but not touched again.
 */
function moveTrash(db: AppDatabase, actor: PostActor, ids: number[], direction: Direction): PostChangeResult<{ count: number }> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return { ok: false, field: "ids", message: "Vui lòng chọn ít nhất một bài viết." };
  const toTrash = direction.to === "trash";
  const deletedAt = direction.to === "trash" ? direction.at : null;
  return db.transaction((tx): PostChangeResult<{ count: number }> => {
    const rows = readForBulk(tx, actor, wanted);
    if (rows.length !== wanted.length) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.someMissing };
    const todo = rows.filter((r) => Boolean(r.deletedAt) !== toTrash);
    // Restoring is the role's permission alone; trashing also depends on each post (authors: own drafts).
    if (toTrash && todo.some((r) => !canTrashPost(actor, r))) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenTrash };
    if (todo.length > 0) {
      tx.update(posts)
        .set({ deletedAt })
        .where(and(inArray(posts.id, todo.map((r) => r.id)), toTrash ? isNull(posts.deletedAt) : isNotNull(posts.deletedAt)))
        .run();
    }
    for (const row of todo) {
      logActivity(tx, { actor, action: toTrash ? "post.trash" : "post.restore", objectType: "post", objectId: row.id, summary: quoted(row.title), ip: actor.ip });
    }
    // A published post leaves (or comes back to) the public site at once.
    const published = todo.filter((r) => r.status === "published");
    if (published.length > 0) queueInvalidation(tx, tagsForPostChange({ slugs: published.map((r) => r.slug), categoryIds: published.map((r) => r.categoryId) }));
    const message = toTrash ? `Đã chuyển ${rows.length} bài viết vào thùng rác.` : `Đã khôi phục ${rows.length} bài viết.`;
    return { ok: true, message, count: todo.length };
  }, WRITE);
}

/**
 * Moves posts to the trash (all or none): editors any post, authors their own drafts. A published
 * post leaves the public site at once (its pages are queued for revalidation in this transaction).
 */
export function trashPostsFor(db: AppDatabase, actor: PostActor | null, ids: number[], now: Date = new Date()): PostChangeResult<{ count: number }> {
  if (!actor || !(can(actor.role, "post:delete-any") || can(actor.role, "post:delete-own-draft"))) throw new PostDeniedError("post:delete");
  return moveTrash(db, actor, ids, { to: "trash", at: now });
}

/** Brings posts back from the trash with the status they had (editors and admins). */
export function restorePostsFor(db: AppDatabase, actor: PostActor | null, ids: number[]): PostChangeResult<{ count: number }> {
  if (!actor || !can(actor.role, "post:restore")) throw new PostDeniedError("post:restore");
  return moveTrash(db, actor, ids, { to: "restore" });
}

/** `Dọn sạch thùng rác` (admins): every post in the trash is deleted for good now, all or none. */
export function emptyTrashFor(db: AppDatabase, actor: PostActor | null): PostChangeResult<{ count: number }> {
  if (!actor || !can(actor.role, "trash:empty")) throw new PostDeniedError("trash:empty");
  return db.transaction((tx): PostChangeResult<{ count: number }> => {
    const ids = tx.select({ id: posts.id }).from(posts).where(isNotNull(posts.deletedAt)).all().map((r) => r.id);
    const count = purgeTrashed(tx, ids, actor, actor.ip);
    logActivity(tx, { actor, action: "trash.empty", objectType: "post", summary: `${count} bài viết`, ip: actor.ip });
    return { ok: true, message: count === 0 ? "Thùng rác đã trống." : `Đã xoá hẳn ${count} bài viết trong thùng rác.`, count };
  }, WRITE);
}
