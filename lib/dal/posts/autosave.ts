// Autosave: where a stream of unattended saves goes, and what the editor needs around it (a
// pending draft to offer back, the other person's version when two edits meet).
import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import type { AppDatabase } from "@/db";
import { media, postRevisions } from "@/db/schema";
import { pickDraftValues, type DraftValues } from "@/lib/editor/draft-values";
import type { DraftFeatured } from "@/lib/editor/local-draft";
import { POST_MESSAGES, type PostFields } from "@/lib/validations/post";
import { assertStaff, canEditPost, POST_ADMIN_MESSAGES, type PostActor, type PostChangeResult } from "./access";
import { toMediaDto } from "../media-core";
import type { FeaturedColumns } from "./featured";
import { withLibraryAlts } from "./images";
import { discardPendingDraft, keepPendingDraft, readPendingDraft } from "./pending-drafts";
import { getPostForEditFor, postExists, readVisible, type PostDetail } from "./read";
import { keepRefusedSave } from "./refused-save";
import { render, updatePostFor } from "./save";
import { WRITE } from "./write";

/** `saved`: the post itself now holds it; `kept`: set aside as this person's pending draft of a public post. */
export type AutosaveOutcome = { mode: "saved" | "kept"; version: number; savedAt: string };

/**
 * One autosave of the form over `expectedVersion`. A post that is not public is saved like a
 * manual save (version check, a revision that coalesces with the same person's previous autosave).
 * A public post (published, or scheduled) is never changed by an autosave: the text is kept aside
 * per person until they save by hand. A stale version is a conflict either way, and the refused
 * text is kept as a revision.
 */
export function autosavePostFor(
  db: AppDatabase,
  actor: PostActor | null,
  id: number,
  expectedVersion: number,
  data: PostFields,
  values: DraftValues,
  now: Date = new Date(),
): PostChangeResult<AutosaveOutcome> {
  assertStaff(actor);
  // One transaction around the status check and the write, so a post published meanwhile is never autosaved live.
  return db.transaction((tx): PostChangeResult<AutosaveOutcome> => {
    const row = readVisible(tx, actor, id);
    if (!row) return postExists(tx, id) ? { ok: false, denied: true, message: POST_ADMIN_MESSAGES.notFound } : { ok: false, message: POST_ADMIN_MESSAGES.notFound };
    if (row.deletedAt) return { ok: false, message: POST_ADMIN_MESSAGES.inTrash };
    if (!canEditPost(actor, row)) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenEdit };
    if (row.status !== "published") {
      const saved = updatePostFor(db, actor, id, expectedVersion, data, { revisionKind: "autosave", now });
      return saved.ok ? { ok: true, message: saved.message, mode: "saved", version: saved.version, savedAt: now.toISOString() } : saved;
    }
    // A pending draft is never rendered for readers, but it is checked like a save: no unknown nodes kept.
    const prepared = render(withLibraryAlts(tx, data.body));
    if (!prepared.ok) return prepared;
    if (row.version !== expectedVersion) {
      keepRefusedSave(tx, actor, id, expectedVersion, data, prepared.rendered, row);
      return { ok: false, conflict: true, field: "version", message: POST_MESSAGES.conflict };
    }
    keepPendingDraft(tx, id, actor.id, expectedVersion, pickDraftValues(values), now);
    return { ok: true, message: "Đã lưu nháp, chưa đăng.", mode: "kept", version: row.version, savedAt: now.toISOString() };
  }, WRITE);
}

export type PendingDraft = { baseVersion: number; savedAt: string; values: DraftValues; featured: DraftFeatured };

/** The picture a draft names, as the form shows it; looked up here rather than trusting what the browser sent. */
function draftFeatured(db: AppDatabase, values: DraftValues, current: FeaturedColumns): DraftFeatured {
  const mediaId = Number(values.featuredMediaId);
  if (Number.isInteger(mediaId) && mediaId > 0) {
    const row = db.select().from(media).where(eq(media.id, mediaId)).get();
    if (!row) return null;
    const dto = toMediaDto(row);
    return { mediaId: dto.id, src: dto.src, alt: dto.alt, legacy: false };
  }
  if (values.keepLegacyImage === "1" && current.featuredImageUrl && current.featuredMediaId === null) {
    return { mediaId: null, src: current.featuredImageUrl, alt: current.featuredImageAlt, legacy: true };
  }
  return null;
}

/** The actor's own pending draft of a post they may still edit, if any. */
export function getPendingDraftFor(db: AppDatabase, actor: PostActor | null, id: number): PendingDraft | null {
  assertStaff(actor);
  const row = readVisible(db, actor, id);
  if (!row || !canEditPost(actor, row)) return null;
  const draft = readPendingDraft(db, id, actor.id);
  if (!draft) return null;
  const values = pickDraftValues((draft.fields ?? {}) as Record<string, unknown>);
  return { baseVersion: draft.baseVersion, savedAt: draft.updatedAt.toISOString(), values, featured: draftFeatured(db, values, row) };
}

/** `Bỏ`: the person gives up their pending draft. Only ever their own row, so no further check is needed. */
export function discardPendingDraftFor(db: AppDatabase, actor: PostActor | null, id: number): PostChangeResult {
  assertStaff(actor);
  db.transaction((tx) => discardPendingDraft(tx, id, actor.id), WRITE);
  return { ok: true, message: "Đã bỏ bản nháp chưa đăng." };
}

/** The post as the server now has it, and who saved that version when: the other side of a conflict. */
export type CurrentVersion = { post: PostDetail; savedBy: string; savedAt: string };

export function getCurrentVersionFor(db: AppDatabase, actor: PostActor | null, id: number): CurrentVersion | null {
  const post = getPostForEditFor(db, actor, id);
  if (!post) return null;
  const revision = db
    .select({ actorName: postRevisions.actorName, at: postRevisions.updatedAt })
    .from(postRevisions)
    .where(and(eq(postRevisions.postId, id), eq(postRevisions.version, post.version), ne(postRevisions.kind, "conflict")))
    .orderBy(desc(postRevisions.id))
    .limit(1)
    .get();
  return { post, savedBy: revision?.actorName || post.author?.name || "", savedAt: (revision?.at ?? new Date(post.updatedAt)).toISOString() };
}
