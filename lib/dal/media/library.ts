import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { and, count, desc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { WRITE } from "@/lib/dal/connection";
import { media, postMedia, posts, users, type Role } from "@/db/schema";
import { logActivity } from "@/lib/dal/activity/log";
import { can } from "@/lib/auth/permissions";
import { resolveMediaPath } from "@/lib/media/store";
import { foldedContains } from "@/lib/dal/fold-sql";
import { toMediaDto, type MediaDto } from "@/lib/dal/media/store";
import { pageOf } from "@/lib/dal/paging";

/**
 * The database side of the media library (list, usage, alt text and caption, delete). Every
 * function takes the database and the acting user explicitly so the rules can be tested without a
 * request; lib/dal/media.ts supplies both from the session.
 */

export const MEDIA_PAGE_SIZE = 24;

export type MediaActor = { id: number; name: string; role: Role; ip: string };

/** A post that uses an image, in its body or as its featured image. */
export type MediaUsage = { id: number; title: string; trashed: boolean };

export type MediaLibraryItem = MediaDto & {
  createdAt: string;
  uploaderName: string;
  usedIn: MediaUsage[];
  /** The uploader, editors and admins may change alt text and caption. */
  canEdit: boolean;
  /** Editors and admins may delete an image no post uses. */
  canDelete: boolean;
};

export type MediaPage<T> = { items: T[]; page: number; pageCount: number; total: number };

export type MediaChangeResult = { ok: true; message: string } | { ok: false; message: string; usedIn?: MediaUsage[] };

export const MEDIA_MESSAGES = {
  notFound: "Không tìm thấy ảnh này. Có thể ảnh đã bị xoá.",
  updated: "Đã lưu mô tả và chú thích ảnh.",
  unchanged: "Không có thay đổi nào để lưu.",
  deleted: "Đã xoá ảnh khỏi thư viện.",
  stillReferenced: "Không thể xoá: ảnh vẫn đang được dùng. Hãy tải lại trang để xem bài viết nào dùng ảnh rồi thử lại.",
  inUse: (titles: string[]) =>
    `Không thể xoá: ảnh đang được dùng trong ${titles.length} bài viết: ${titles.map((t) => `“${t}”`).join(", ")}. Hãy gỡ ảnh khỏi các bài này trước.`,
} as const;

/** Raised when the actor may not do this; lib/dal/media.ts logs it and refuses. */
export class MediaDeniedError extends Error {
  constructor(readonly action: "media:upload" | "media:manage") {
    super(`${action} denied`);
    this.name = "MediaDeniedError";
  }
}

function assertCan(actor: MediaActor | null, action: "media:upload" | "media:manage"): asserts actor is MediaActor {
  if (!actor || !can(actor.role, action)) throw new MediaDeniedError(action);
}

const rowColumns = {
  id: media.id,
  originalName: media.originalName,
  width: media.width,
  height: media.height,
  alt: media.alt,
  caption: media.caption,
  fallbackFormat: media.fallbackFormat,
  renditions: media.renditions,
  uploadedBy: media.uploadedBy,
  createdAt: media.createdAt,
};

function searchCondition(q: string | undefined): SQL | undefined {
  return foldedContains(sql`${media.originalName} || ' ' || ${media.alt} || ' ' || ${media.caption}`, q) ?? undefined;
}

/** The posts using each image: body figures and featured images (post_media), and featured images set directly. */
export function mediaUsageFor(db: Pick<Db, "select">, ids: number[]): Map<number, MediaUsage[]> {
  const usage = new Map<number, MediaUsage[]>();
  if (ids.length === 0) return usage;
  const add = (row: { mediaId: number | null; id: number; title: string; deletedAt: Date | null }) => {
    if (row.mediaId === null) return;
    const list = usage.get(row.mediaId) ?? [];
    if (!list.some((u) => u.id === row.id)) list.push({ id: row.id, title: row.title, trashed: row.deletedAt !== null });
    usage.set(row.mediaId, list);
  };
  db.select({ mediaId: postMedia.mediaId, id: posts.id, title: posts.title, deletedAt: posts.deletedAt })
    .from(postMedia)
    .innerJoin(posts, eq(posts.id, postMedia.postId))
    .where(inArray(postMedia.mediaId, ids))
    .orderBy(desc(posts.id))
    .all()
    .forEach(add);
  db.select({ mediaId: posts.featuredMediaId, id: posts.id, title: posts.title, deletedAt: posts.deletedAt })
    .from(posts)
    .where(and(isNotNull(posts.featuredMediaId), inArray(posts.featuredMediaId, ids)))
    .orderBy(desc(posts.id))
    .all()
    .forEach(add);
  return usage;
}

/** The picker's view of the library: every image, newest first, searchable by name, alt text and caption (diacritics ignored). */
export function listMediaDtosFor(db: Db, actor: MediaActor | null, filter: { q?: string; page?: number }, size = MEDIA_PAGE_SIZE): MediaPage<MediaDto> {
  assertCan(actor, "media:upload");
  const where = searchCondition(filter.q);
  const total = db.select({ n: count() }).from(media).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, filter.page, size);
  const rows = db
    .select(rowColumns)
    .from(media)
    .where(where)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(size)
    .offset(offset)
    .all();
  return { items: rows.map(toMediaDto), page, pageCount, total };
}

/** The library page: the picker's list plus uploader, usage and what this user may do with each image. */
export function listMediaFor(db: Db, actor: MediaActor | null, filter: { q?: string; page?: number }): MediaPage<MediaLibraryItem> {
  assertCan(actor, "media:upload");
  const where = searchCondition(filter.q);
  const total = db.select({ n: count() }).from(media).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, filter.page, MEDIA_PAGE_SIZE);
  const rows = db
    .select({ ...rowColumns, uploaderName: users.name })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(where)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(MEDIA_PAGE_SIZE)
    .offset(offset)
    .all();
  const usage = mediaUsageFor(
    db,
    rows.map((r) => r.id),
  );
  const manager = can(actor.role, "media:manage");
  const items = rows.map((row) => ({
    ...toMediaDto(row),
    createdAt: row.createdAt.toISOString(),
    uploaderName: row.uploaderName ?? "",
    usedIn: usage.get(row.id) ?? [],
    canEdit: manager || row.uploadedBy === actor.id,
    canDelete: manager,
  }));
  return { items, page, pageCount, total };
}

/** Alt text and default caption: by the uploader, or by anyone who manages media. */
export function updateMediaFor(db: Db, actor: MediaActor | null, id: number, data: { alt: string; caption: string }): MediaChangeResult {
  assertCan(actor, "media:upload");
  return db.transaction((tx): MediaChangeResult => {
    const row = tx.select({ alt: media.alt, caption: media.caption, uploadedBy: media.uploadedBy, name: media.originalName }).from(media).where(eq(media.id, id)).get();
    if (!row) return { ok: false, message: MEDIA_MESSAGES.notFound };
    if (!can(actor.role, "media:manage") && row.uploadedBy !== actor.id) throw new MediaDeniedError("media:manage");
    if (row.alt === data.alt && row.caption === data.caption) return { ok: true, message: MEDIA_MESSAGES.unchanged };
    tx.update(media).set({ alt: data.alt, caption: data.caption }).where(eq(media.id, id)).run();
    logActivity(tx, {
      actor: { id: actor.id, name: actor.name },
      action: "media.update",
      objectType: "media",
      objectId: id,
      summary: `${row.name}: mô tả “${data.alt}”, chú thích “${data.caption}”`,
      ip: actor.ip,
    });
    return { ok: true, message: MEDIA_MESSAGES.updated };
  }, WRITE);
}

function isConstraintError(error: unknown): boolean {
  // Drizzle may wrap the driver's error; the SQLite code is on it or on its cause. A RESTRICT
  // foreign key reports SQLITE_CONSTRAINT_TRIGGER rather than _FOREIGNKEY.
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if (String((e as { code?: unknown }).code).startsWith("SQLITE_CONSTRAINT")) return true;
  }
  return false;
}

/**
 * Deletes an image no post uses; otherwise refuses with the posts that use it. The check and the
 * delete share one immediate (write-locked) transaction, and the foreign key from post_media
 * (ON DELETE RESTRICT) still has the final word. Files go after the row is gone, so a failure
 * there leaves an orphan file, never a row pointing at nothing.
 */
export async function deleteMediaFor(db: Db, actor: MediaActor | null, id: number): Promise<MediaChangeResult> {
  assertCan(actor, "media:manage");
  let files: string[] = [];
  const usage = (reader: Pick<Db, "select">) => mediaUsageFor(reader, [id]).get(id) ?? [];
  const inUse = (usedIn: MediaUsage[]): MediaChangeResult => ({ ok: false, message: MEDIA_MESSAGES.inUse(usedIn.map((u) => u.title)), usedIn });
  let result: MediaChangeResult;
  try {
    result = db.transaction((tx): MediaChangeResult => {
      const row = tx.select({ name: media.originalName, renditions: media.renditions }).from(media).where(eq(media.id, id)).get();
      if (!row) return { ok: false, message: MEDIA_MESSAGES.notFound };
      const usedIn = usage(tx);
      if (usedIn.length > 0) return inUse(usedIn);
      tx.delete(media).where(eq(media.id, id)).run();
      logActivity(tx, { actor: { id: actor.id, name: actor.name }, action: "media.delete", objectType: "media", objectId: id, summary: row.name, ip: actor.ip });
      files = row.renditions.map((r) => r.file);
      return { ok: true, message: MEDIA_MESSAGES.deleted };
    }, WRITE);
  } catch (error) {
    // Something still points at the image (the foreign key refused): refuse like any image in use.
    if (!isConstraintError(error)) throw error;
    const usedIn = usage(db);
    return usedIn.length > 0 ? inUse(usedIn) : { ok: false, message: MEDIA_MESSAGES.stillReferenced };
  }
  if (result.ok) await removeFiles(files);
  return result;
}

async function removeFiles(files: string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of files) {
    const resolved = resolveMediaPath(file); // only names we generate; never outside the media folder
    if (!resolved) continue;
    folders.add(path.dirname(resolved.file));
    await fs.rm(resolved.file, { force: true }).catch((error) => console.error("[media] could not remove", file, error));
  }
  // The folder is the content hash and holds only this image's renditions.
  for (const folder of folders) await fs.rmdir(folder).catch(() => undefined);
}
