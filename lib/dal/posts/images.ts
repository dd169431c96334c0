// The library images in a post's body: finding them, recording their use, their descriptions (alt).
import "server-only";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { media, postMedia } from "@/db/schema";
import { altOf, documentNodes, figures, type DocNode } from "@/lib/richtext/figures";
import { Tx } from "@/lib/dal/connection";

/** A node's library image: a positive id, as a number or a string of digits; anything else is none. */
function mediaIdOf(node: DocNode): number | null {
  const raw = node.attrs?.mediaId;
  const id = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Every library image a document uses: figures (and galleries of figures) carry a `mediaId` attribute. */
export function mediaIdsInDocument(json: unknown): number[] {
  return [...new Set(documentNodes(json).map(mediaIdOf).filter((id): id is number => id !== null))];
}

/**
 * Makes post_media say exactly which library images the post uses now, in its body and as its
 * featured image (ids that no longer exist are skipped).
 */
export function syncPostMedia(tx: Tx, postId: number, document: unknown, featuredMediaId: number | null): void {
  const wanted = [...mediaIdsInDocument(document), ...(featuredMediaId ? [featuredMediaId] : [])];
  const existing = wanted.length ? tx.select({ id: media.id }).from(media).where(inArray(media.id, wanted)).all().map((r) => r.id) : [];
  tx.delete(postMedia)
    .where(existing.length ? and(eq(postMedia.postId, postId), notInArray(postMedia.mediaId, existing)) : eq(postMedia.postId, postId))
    .run();
  if (existing.length) {
    tx.insert(postMedia)
      .values(existing.map((mediaId) => ({ postId, mediaId })))
      .onConflictDoNothing()
      .run();
  }
}

/**
 * Figures inserted before their image had a description get it from the library at save time,
 * so describing an image once in the library fixes every post that uses it.
 */
export function withLibraryAlts<T>(db: Pick<Db, "select">, body: T): T {
  const missing = figures(body).filter((f) => !altOf(f) && mediaIdOf(f));
  if (missing.length === 0) return body;
  const ids = [...new Set(missing.map((f) => mediaIdOf(f)!))];
  const alts = new Map(db.select({ id: media.id, alt: media.alt }).from(media).where(inArray(media.id, ids)).all().map((r) => [r.id, r.alt.trim()]));
  const copy = structuredClone(body);
  for (const figure of figures(copy)) {
    const alt = alts.get(mediaIdOf(figure) ?? -1);
    if (alt && !altOf(figure)) figure.attrs = { ...figure.attrs, alt };
  }
  return copy;
}
