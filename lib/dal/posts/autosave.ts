// What the editor needs around autosave (the save itself is savePostFor's "autosave" intent): a
// pending draft to offer back, the other person's version when two edits meet.
import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import { media, postRevisions } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import { WRITE, type Db } from "@/lib/dal/connection";
import { toMediaDto } from "@/lib/dal/media/store";
import type { ChangeResult } from "@/lib/dal/result";
import { pickDraftValues, type DraftValues } from "@/lib/editor/draft-values";
import type { DraftFeatured } from "@/lib/editor/local-draft";
import { assertStaff, canEditPost } from "./access";
import type { FeaturedColumns } from "./featured";
import { discardPendingDraft, readPendingDraft } from "./pending-drafts";
import { getPostForEditFor, readVisible, type PostDetail } from "./read";

export type PendingDraft = { baseVersion: number; savedAt: string; values: DraftValues; featured: DraftFeatured };

/** The picture a draft names, as the form shows it; looked up here rather than trusting what the browser sent. */
function draftFeatured(db: Db, values: DraftValues, current: FeaturedColumns): DraftFeatured {
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
export function getPendingDraftFor(db: Db, actor: Actor | null, id: number): PendingDraft | null {
  assertStaff(actor);
  const row = readVisible(db, actor, id);
  if (!row || !canEditPost(actor, row)) return null;
  const draft = readPendingDraft(db, id, actor.id);
  if (!draft) return null;
  const values = pickDraftValues((draft.fields ?? {}) as Record<string, unknown>);
  return { baseVersion: draft.baseVersion, savedAt: draft.updatedAt.toISOString(), values, featured: draftFeatured(db, values, row) };
}

/** `Bỏ`: the person gives up their pending draft. Only ever their own row, so no further check is needed. */
export function discardPendingDraftFor(db: Db, actor: Actor | null, id: number): ChangeResult {
  assertStaff(actor);
  db.transaction((tx) => discardPendingDraft(tx, id, actor.id), WRITE);
  return { ok: true, message: "Đã bỏ bản nháp chưa đăng." };
}

/** The post as the server now has it, and who saved that version when: the other side of a conflict. */
export type CurrentVersion = {
  post: PostDetail;
  savedBy: string;
  savedAt: string;
  /** A kind's own fields as its form sends them (a document's registry), beside the content. */
  values?: DraftValues;
};

export function getCurrentVersionFor(db: Db, actor: Actor | null, id: number): CurrentVersion | null {
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
