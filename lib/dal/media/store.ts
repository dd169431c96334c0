import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { media, type MediaRendition } from "@/db/schema";
import { cleanFileName, MediaError, processImage } from "@/lib/media/process";
import { logActivity } from "@/lib/dal/activity/log";
import { logActor, requireRole, type Actor } from "@/lib/dal/actor";
import { mediaUrl, saveMediaFiles } from "@/lib/media/store";

export type MediaDto = {
  id: number;
  name: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  /** Fallback image URL (largest rendition in a format every browser shows). */
  src: string;
  /** srcset strings per format, for <picture>/<img srcset>. */
  srcsetWebp: string;
  srcsetFallback: string;
};

export function toMediaDto(row: { id: number; originalName: string; width: number; height: number; alt: string; caption: string; fallbackFormat: string; renditions: MediaRendition[] }): MediaDto {
  const byFormat = (format: string) => row.renditions.filter((r) => r.format === format).sort((a, b) => a.width - b.width);
  const srcset = (list: MediaRendition[]) => list.map((r) => `${mediaUrl(r.file)} ${r.width}w`).join(", ");
  const fallback = byFormat(row.fallbackFormat);
  return {
    id: row.id,
    name: row.originalName,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    src: mediaUrl(fallback.at(-1)?.file ?? row.renditions[0]!.file),
    srcsetWebp: srcset(byFormat("webp")),
    srcsetFallback: srcset(fallback),
  };
}

/**
 * Stores one upload: checked and re-encoded by processImage, renditions written, one row. The
 * same picture uploaded again (same bytes) returns the existing entry instead of a copy.
 */
export async function storeUpload(db: Db, input: { name: string; bytes: Buffer; uploadedBy: number }): Promise<MediaDto> {
  const name = cleanFileName(input.name);
  const processed = await processImage(input.bytes);
  const existing = db.select().from(media).where(eq(media.hash, processed.hash)).get();
  if (existing) return toMediaDto(existing);
  await saveMediaFiles(processed.files);
  const row = db
    .insert(media)
    .values({
      hash: processed.hash,
      originalName: name,
      width: processed.width,
      height: processed.height,
      fallbackFormat: processed.fallbackFormat,
      renditions: processed.renditions,
      uploadedBy: input.uploadedBy,
    })
    .onConflictDoNothing({ target: media.hash })
    .returning()
    .get();
  return toMediaDto(row ?? db.select().from(media).where(eq(media.hash, processed.hash)).get()!);
}

export { MediaError };

/** An upload by the actor (authors and up), with its activity-log entry. */
export async function uploadMediaFor(db: Db, actor: Actor | null, file: { name: string; bytes: Buffer }): Promise<MediaDto> {
  requireRole(actor, "media:upload");
  const stored = await storeUpload(db, { ...file, uploadedBy: actor.id });
  logActivity(db, { actor: logActor(actor), action: "media.upload", objectType: "media", objectId: stored.id, summary: stored.name, ip: actor.ip });
  return stored;
}
