/**
 * Where a Vietnamese post's English version stands: missing, not on the site (a draft, waiting,
 * scheduled, taken down), published, or out of date: published, but the Vietnamese content changed
 * after the English was last published. "Last published" is the English's newest revision taken
 * while it was public (a publish, or a save of the published text); the Vietnamese revision current
 * at that moment is compared with its current one, which is also the diff offered to the translator.
 * Revision ids are one sequence for all posts, so "before" needs no clock.
 */
import "server-only";
import { and, desc, eq, lt, ne } from "drizzle-orm";
import { postRevisions } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { contentOf, describeChanges, type ContentKey } from "@/lib/dal/posts/content";
import { displayStatus, POST_STATUS_LABELS } from "@/lib/workflow/transitions";
import { englishOf, type GroupMember } from "./group";

export type TranslationState = "missing" | "unpublished" | "published" | "outdated" | "trashed";

export type TranslationStatus = {
  state: TranslationState;
  /** In words (never a colour alone): "Chưa có bản tiếng Anh", "Bản tiếng Anh: Bản nháp", … */
  label: string;
  /** The English version, and whether this person may open it (authors see only their own posts). */
  english: { id: number; visible: boolean } | null;
  /** Out of date: what changed in the Vietnamese since the English was last published (the revision diff). */
  changesHref: string | null;
};

export const TRANSLATION_LABELS: Record<Exclude<TranslationState, "unpublished">, string> = {
  missing: "Chưa có bản tiếng Anh",
  published: "Bản tiếng Anh đã xuất bản",
  outdated: "Bản tiếng Anh cần cập nhật",
  trashed: "Bản tiếng Anh ở Thùng rác",
};

// Where and when a post stands is not what a translator translates; everything else of the content is.
const NOT_TRANSLATED: readonly ContentKey[] = ["slug", "status", "publishedAt", "categoryId"];

type Reader = Pick<Db, "select">;

const realRevisions = (postId: number) => and(eq(postRevisions.postId, postId), ne(postRevisions.kind, "conflict"));

function latestRevision(db: Reader, postId: number, before?: number): typeof postRevisions.$inferSelect | undefined {
  return db
    .select()
    .from(postRevisions)
    .where(before === undefined ? realRevisions(postId) : and(realRevisions(postId), lt(postRevisions.id, before)))
    .orderBy(desc(postRevisions.id))
    .limit(1)
    .get();
}

/** The Vietnamese revisions to compare when its English version is out of date, or null when it is not. */
export function outdatedSince(db: Reader, vietnameseId: number, englishId: number): { fromId: number; toId: number } | null {
  const published = db
    .select({ id: postRevisions.id })
    .from(postRevisions)
    .where(and(realRevisions(englishId), eq(postRevisions.published, true)))
    .orderBy(desc(postRevisions.id))
    .limit(1)
    .get();
  if (!published) return null;
  const then = latestRevision(db, vietnameseId, published.id);
  const now = latestRevision(db, vietnameseId);
  if (!then || !now || then.id === now.id) return null;
  return describeChanges(contentOf(then), contentOf(now), NOT_TRANSLATED).length > 0 ? { fromId: then.id, toId: now.id } : null;
}

export const changesHref = (vietnameseId: number, since: { fromId: number; toId: number }) => `/admin/posts/${vietnameseId}/revisions/compare?from=${since.fromId}&to=${since.toId}`;

/** The status of one English version (or of none) for its Vietnamese original. */
export function statusOfEnglish(db: Reader, actor: Actor, vietnameseId: number, english: GroupMember | null, now: Date = new Date()): TranslationStatus {
  if (!english) return { state: "missing", label: TRANSLATION_LABELS.missing, english: null, changesHref: null };
  const link = { id: english.id, visible: can(actor.role, "post:edit-any") || english.authorId === actor.id };
  if (english.deletedAt) return { state: "trashed", label: TRANSLATION_LABELS.trashed, english: link, changesHref: null };
  const shown = displayStatus(english.status, english.publishedAt, now);
  if (shown !== "published") return { state: "unpublished", label: `Bản tiếng Anh: ${POST_STATUS_LABELS[shown]}`, english: link, changesHref: null };
  const since = outdatedSince(db, vietnameseId, english.id);
  return since
    ? { state: "outdated", label: TRANSLATION_LABELS.outdated, english: link, changesHref: changesHref(vietnameseId, since) }
    : { state: "published", label: TRANSLATION_LABELS.published, english: link, changesHref: null };
}

/** The statuses of Vietnamese posts (a list's page of them), keyed by post id. */
export function translationStatusesFor(db: Reader, actor: Actor, vietnamese: Array<{ id: number; translationGroupId: number | null }>, now: Date = new Date()): Map<number, TranslationStatus> {
  return new Map(vietnamese.map((post) => [post.id, statusOfEnglish(db, actor, post.id, englishOf(db, post.translationGroupId ?? post.id), now)]));
}
