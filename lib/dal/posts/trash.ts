import "server-only";
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { posts, type ContentKind, type PostStatus } from "@/db/schema";
import { logActivity } from "@/lib/dal/activity/log";
import { queueInvalidation } from "@/lib/dal/outbox";
import { tagsForContentChange } from "@/lib/cache/tags";
import { purgeTrashed } from "@/lib/dal/posts/purge";
import { canTrashPost, POST_ADMIN_MESSAGES, visiblePostsWhere } from "./access";
import { WRITE, type Tx } from "@/lib/dal/connection";
import { quoted } from "@/lib/dal/activity/log";
import { requireRole, type Actor } from "@/lib/dal/actor";
import { type ChangeResult } from "@/lib/dal/result";

type TrashRow = { id: number; kind: ContentKind; title: string; slug: string; status: PostStatus; categoryId: number | null; translationGroupId: number | null; parentId: number | null; authorId: number | null; deletedAt: Date | null };

function readForBulk(tx: Tx, actor: Actor, ids: number[]): TrashRow[] {
  return tx
    .select({ id: posts.id, kind: posts.kind, title: posts.title, slug: posts.slug, status: posts.status, categoryId: posts.categoryId, translationGroupId: posts.translationGroupId, parentId: posts.parentId, authorId: posts.authorId, deletedAt: posts.deletedAt })
    .from(posts)
    .where(and(inArray(posts.id, ids), visiblePostsWhere(actor)))
    .all();
}

type Direction = { to: "trash"; at: Date } | { to: "restore" };

/** Why these pages cannot move: a page with pages under it still out of the trash, or one whose parent is still in it. */
function pageTreeProblem(tx: Tx, rows: TrashRow[], to: Direction["to"]): string | null {
  const moving = new Set(rows.map((r) => r.id));
  for (const row of rows.filter((r) => r.kind === "page")) {
    if (to === "trash") {
      const child = tx.select({ id: posts.id, title: posts.title }).from(posts).where(and(eq(posts.parentId, row.id), isNull(posts.deletedAt))).all().find((c) => !moving.has(c.id));
      if (child) return `Trang “${row.title}” còn trang con “${child.title}”. Hãy chuyển các trang con sang trang khác hoặc đưa chúng vào thùng rác cùng lúc.`;
    } else if (row.parentId !== null && !moving.has(row.parentId)) {
      const parent = tx.select({ title: posts.title, deletedAt: posts.deletedAt }).from(posts).where(eq(posts.id, row.parentId)).get();
      if (parent?.deletedAt) return `Trang cha “${parent.title}” của “${row.title}” đang ở thùng rác. Hãy khôi phục trang cha trước (hoặc cùng lúc).`;
    }
  }
  return null;
}

/**
 * Moves the chosen posts into or out of the trash, all or none; the caller has checked the role.
 * Posts already on that side are counted in the message but not touched again.
 */
function moveTrash(db: Db, actor: Actor, ids: number[], direction: Direction): ChangeResult<{ count: number }> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return { ok: false, field: "ids", message: "Vui lòng chọn ít nhất một bài viết." };
  const toTrash = direction.to === "trash";
  const deletedAt = direction.to === "trash" ? direction.at : null;
  return db.transaction((tx): ChangeResult<{ count: number }> => {
    const rows = readForBulk(tx, actor, wanted);
    if (rows.length !== wanted.length) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.someMissing };
    const todo = rows.filter((r) => Boolean(r.deletedAt) !== toTrash);
    // Restoring is the role's permission alone; trashing also depends on each post (authors: own drafts).
    if (toTrash && todo.some((r) => !canTrashPost(actor, r))) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenTrash };
    // A page goes with its subtree or not at all, so no address is left under one that is gone.
    const treeProblem = pageTreeProblem(tx, todo, direction.to);
    if (treeProblem) return { ok: false, message: treeProblem };
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
    if (published.length > 0) queueInvalidation(tx, tagsForContentChange(published));
    const message = toTrash ? `Đã chuyển ${rows.length} bài viết vào thùng rác.` : `Đã khôi phục ${rows.length} bài viết.`;
    return { ok: true, message, count: todo.length };
  }, WRITE);
}

/**
 * Moves posts to the trash (all or none): editors any post, authors their own drafts. A published
 * post leaves the public site at once (its pages are queued for revalidation in this transaction).
 */
export function trashPostsFor(db: Db, actor: Actor | null, ids: number[], now: Date = new Date()): ChangeResult<{ count: number }> {
  // Every role that may trash anything may trash its own drafts; which posts it may trash is checked per row.
  requireRole(actor, "post:delete-own-draft");
  return moveTrash(db, actor, ids, { to: "trash", at: now });
}

/** Brings posts back from the trash with the status they had (editors and admins). */
export function restorePostsFor(db: Db, actor: Actor | null, ids: number[]): ChangeResult<{ count: number }> {
  requireRole(actor, "post:restore");
  return moveTrash(db, actor, ids, { to: "restore" });
}

/** `Dọn sạch thùng rác` (admins): every post in the trash is deleted for good now, all or none. */
export function emptyTrashFor(db: Db, actor: Actor | null): ChangeResult<{ count: number }> {
  requireRole(actor, "trash:empty");
  return db.transaction((tx): ChangeResult<{ count: number }> => {
    const ids = tx.select({ id: posts.id }).from(posts).where(isNotNull(posts.deletedAt)).all().map((r) => r.id);
    const count = purgeTrashed(tx, ids, actor, actor.ip);
    logActivity(tx, { actor, action: "trash.empty", objectType: "post", summary: `${count} bài viết`, ip: actor.ip });
    return { ok: true, message: count === 0 ? "Thùng rác đã trống." : `Đã xoá hẳn ${count} bài viết trong thùng rác.`, count };
  }, WRITE);
}
