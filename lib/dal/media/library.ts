import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { and, desc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { WRITE } from "@/lib/dal/connection";
import { media, postMedia, posts, users } from "@/db/schema";
import { logActivity } from "@/lib/dal/activity/log";
import { can } from "@/lib/auth/permissions";
import { resolveMediaPath } from "@/lib/media/store";
import { logActor, RefusedError, requireRole, type Actor } from "@/lib/dal/actor";
import { foldedContains } from "@/lib/dal/fold-sql";
import type { ChangeFailure, ChangeResult } from "@/lib/dal/result";
import { toMediaDto, type MediaDto } from "@/lib/dal/media/store";
import { countRows, readPage, type Page } from "@/lib/dal/paging";

/**
 * The database side of the media library (list, usage, alt text and caption, delete). Every
 * function takes the database and the acting user explicitly so the rules can be tested without a
 * request; ./index.ts runs them as the signed-in person.
 */

export const MEDIA_PAGE_SIZE = 24;

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

/** A page of the library (the picker's or the library screen's items). */
export type MediaPage<T> = Page<T>;

export type MediaChangeResult = ChangeResult | (ChangeFailure & { usedIn?: MediaUsage[] });

export const MEDIA_MESSAGES = {
  notFound: "Không tìm thấy ảnh này. Có thể ảnh đã bị xoá.",
  updated: "Đã lưu mô tả và chú thích ảnh.",
  unchanged: "Không có thay đổi nào để lưu.",
  deleted: "Đã xoá ảnh khỏi thư viện.",
  stillReferenced: "Không thể xoá: ảnh vẫn đang được dùng. Hãy tải lại trang để xem bài viết nào dùng ảnh rồi thử lại.",
  inUse: (titles: string[]) =>
    `Không thể xoá: ảnh đang được dùng trong ${titles.length} bài viết: ${titles.map((t) => `“${t}”`).join(", ")}. Hãy gỡ ảnh khỏi các bài này trước.`,
} as const;

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

/** A page of the library, newest first, searchable by name, alt text and caption (diacritics ignored), with each image's uploader. */
function libraryPage(db: Db, filter: { q?: string; page?: number }, size: number) {
  const where = searchCondition(filter.q);
  return readPage(countRows(db, media, where), filter.page, size, (offset) =>
    db
      .select({ ...rowColumns, uploaderName: users.name })
      .from(media)
      .leftJoin(users, eq(users.id, media.uploadedBy))
      .where(where)
      .orderBy(desc(media.createdAt), desc(media.id))
      .limit(size)
      .offset(offset)
      .all(),
  );
}

/** The picker's view of the library. */
export function listMediaDtosFor(db: Db, actor: Actor | null, filter: { q?: string; page?: number }, size = MEDIA_PAGE_SIZE): Page<MediaDto> {
  requireRole(actor, "media:upload");
  const page = libraryPage(db, filter, size);
  return { ...page, items: page.items.map(toMediaDto) };
}

/** The library page: the picker's list plus uploader, usage and what this user may do with each image. */
export function listMediaFor(db: Db, actor: Actor | null, filter: { q?: string; page?: number }): Page<MediaLibraryItem> {
  requireRole(actor, "media:upload");
  const page = libraryPage(db, filter, MEDIA_PAGE_SIZE);
  const usage = mediaUsageFor(
    db,
    page.items.map((r) => r.id),
  );
  const manager = can(actor.role, "media:manage");
  const items = page.items.map((row) => ({
    ...toMediaDto(row),
    createdAt: row.createdAt.toISOString(),
    uploaderName: row.uploaderName ?? "",
    usedIn: usage.get(row.id) ?? [],
    canEdit: manager || row.uploadedBy === actor.id,
    canDelete: manager,
  }));
  return { ...page, items };
}

/** Alt text and default caption: by the uploader, or by anyone who manages media. */
export function updateMediaFor(db: Db, actor: Actor | null, id: number, data: { alt: string; caption: string }): MediaChangeResult {
  requireRole(actor, "media:upload");
  return db.transaction((tx): MediaChangeResult => {
    const row = tx.select({ alt: media.alt, caption: media.caption, uploadedBy: media.uploadedBy, name: media.originalName }).from(media).where(eq(media.id, id)).get();
    if (!row) return { ok: false, message: MEDIA_MESSAGES.notFound };
    if (!can(actor.role, "media:manage") && row.uploadedBy !== actor.id) throw new RefusedError("media:manage", String(id));
    if (row.alt === data.alt && row.caption === data.caption) return { ok: true, message: MEDIA_MESSAGES.unchanged };
    tx.update(media).set({ alt: data.alt, caption: data.caption }).where(eq(media.id, id)).run();
    logActivity(tx, {
      actor: logActor(actor),
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
export async function deleteMediaFor(db: Db, actor: Actor | null, id: number): Promise<MediaChangeResult> {
  requireRole(actor, "media:manage");
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
      logActivity(tx, { actor: logActor(actor), action: "media.delete", objectType: "media", objectId: id, summary: row.name, ip: actor.ip });
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
