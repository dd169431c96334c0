// Correction notices (Đính chính) of published posts: dated, shown under the title on the public
// page, and never changed or removed once written (the table's triggers refuse it).
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { postCorrections, type PostStatus } from "@/db/schema";
import { logActivity } from "@/lib/dal/activity/log";
import { can } from "@/lib/auth/permissions";
import { queueInvalidation } from "@/lib/dal/outbox";
import { queueAudio } from "@/lib/dal/audio/queue";
import { cacheTags } from "@/lib/cache/tags";
import { correctionTextSchema } from "@/lib/validations/correction";
import { assertStaff, POST_ADMIN_MESSAGES } from "./access";
import { postExists, readVisible } from "./read";
import { WRITE } from "@/lib/dal/connection";
import { quoted } from "@/lib/dal/activity/log";
import { requireRole, type Actor } from "@/lib/dal/actor";
import { type ChangeResult } from "@/lib/dal/result";

export const CORRECTION_ADMIN_MESSAGES = {
  notPublic: "Chỉ đính chính được bài đang hiển thị trên trang tin. Bài này chưa xuất bản, đã gỡ hoặc đang hẹn giờ.",
  added: "Đã thêm đính chính. Trang tin sẽ hiển thị trong vài giây.",
} as const;

export type CorrectionItem = { id: number; text: string; actorName: string; createdAt: string };
export type PostCorrections = {
  post: { id: number; title: string; slug: string; isPublic: boolean; canCorrect: boolean };
  items: CorrectionItem[];
};

/** Public now: published, its time reached, not in the trash (what the reader's constraint lets through). */
function isPublic(row: { status: PostStatus; publishedAt: Date | null; deletedAt: Date | null }, now: Date): boolean {
  return !row.deletedAt && row.status === "published" && row.publishedAt !== null && row.publishedAt.getTime() <= now.getTime();
}

/** A visible post's corrections, oldest first, and whether this person may add one. */
export function listCorrectionsFor(db: Db, actor: Actor | null, postId: number, now: Date = new Date()): PostCorrections | null {
  assertStaff(actor);
  const row = readVisible(db, actor, postId);
  if (!row) return null;
  const items = db
    .select({ id: postCorrections.id, text: postCorrections.text, actorName: postCorrections.actorName, createdAt: postCorrections.createdAt })
    .from(postCorrections)
    .where(eq(postCorrections.postId, postId))
    .orderBy(asc(postCorrections.createdAt), asc(postCorrections.id))
    .all();
  const open = isPublic(row, now);
  return {
    post: { id: row.id, title: row.title, slug: row.slug, isPublic: open, canCorrect: open && can(actor.role, "post:correct") },
    items: items.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
  };
}

/**
 * Adds a correction to a public post and queues its article page for refresh in the same
 * transaction, so readers see it within seconds. Only roles with `post:correct` (editors, admins).
 */
export function addCorrectionFor(db: Db, actor: Actor | null, postId: number, text: string, now: Date = new Date()): ChangeResult<{ id: number }> {
  assertStaff(actor);
  requireRole(actor, "post:correct", postId);
  // Checked here as well as in the action: the rule belongs to the data, whoever calls.
  const parsed = correctionTextSchema.safeParse(text);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  return db.transaction((tx): ChangeResult<{ id: number }> => {
    const row = readVisible(tx, actor, postId);
    if (!row) return postExists(tx, postId) ? { ok: false, denied: true, message: POST_ADMIN_MESSAGES.notFound } : { ok: false, message: POST_ADMIN_MESSAGES.notFound };
    if (row.deletedAt) return { ok: false, message: POST_ADMIN_MESSAGES.inTrash };
    if (!isPublic(row, now)) return { ok: false, message: CORRECTION_ADMIN_MESSAGES.notPublic };
    const created = tx
      .insert(postCorrections)
      .values({ postId, text: parsed.data, actorId: actor.id, actorName: actor.name, createdAt: now })
      .returning({ id: postCorrections.id })
      .get();
    queueInvalidation(tx, [cacheTags.article(row.slug)]);
    // The recording reads the corrections too: it is made again.
    queueAudio(tx, postId, "publish", now, row.language);
    logActivity(tx, { actor, action: "post.correction", objectType: "post", objectId: postId, summary: `${quoted(row.title)}: ${parsed.data}`, ip: actor.ip });
    return { ok: true, message: CORRECTION_ADMIN_MESSAGES.added, id: created.id };
  }, WRITE);
}
