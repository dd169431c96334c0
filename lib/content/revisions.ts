import "server-only";
import { desc, eq } from "drizzle-orm";
import type { AppDatabase } from "@/db";
import { postRevisions, posts, type RevisionKind } from "@/db/schema";

type Tx = Pick<AppDatabase, "select" | "insert" | "update">;
export type RevisionActor = { id: number; name: string } | null;

/** Kinds that are only the latest state of someone's typing, and may be folded into the next change. */
const COALESCING: ReadonlySet<RevisionKind> = new Set(["autosave"]);

/**
 * Records the post as it now is, in the caller's transaction (call it after the write). An
 * autosave folds into the latest revision when that is the same person's autosave, and the next
 * change by that person replaces it: a stream of autosaves costs one row, not hundreds. A
 * published post's revision is part of the public record and is never folded into.
 */
export function recordRevision(tx: Tx, postId: number, kind: RevisionKind, actor: RevisionActor, note = ""): number {
  const post = tx.select().from(posts).where(eq(posts.id, postId)).get();
  if (!post) throw new Error(`post ${postId} does not exist`);
  const snapshot = {
    postId,
    version: post.version,
    kind,
    published: post.status === "published",
    title: post.title,
    slug: post.slug,
    lead: post.lead,
    body: post.body,
    bodyHtml: post.bodyHtml,
    bodyText: post.bodyText,
    source: post.source,
    seoTitle: post.seoTitle,
    seoDescription: post.seoDescription,
    featuredMediaId: post.featuredMediaId,
    featuredImageUrl: post.featuredImageUrl,
    featuredImageAlt: post.featuredImageAlt,
    featuredImageCaption: post.featuredImageCaption,
    categoryId: post.categoryId,
    status: post.status,
    publishedAt: post.publishedAt,
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? "",
    note,
  };
  const latest = tx
    .select({ id: postRevisions.id, kind: postRevisions.kind, actorId: postRevisions.actorId, published: postRevisions.published })
    .from(postRevisions)
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.id))
    .limit(1)
    .get();
  const folds = latest && COALESCING.has(latest.kind) && !latest.published && !snapshot.published && latest.actorId === snapshot.actorId && actor !== null;
  if (folds) {
    tx.update(postRevisions).set({ ...snapshot, updatedAt: new Date() }).where(eq(postRevisions.id, latest.id)).run();
    return latest.id;
  }
  return tx.insert(postRevisions).values(snapshot).returning({ id: postRevisions.id }).get().id;
}

/** What a refused save carried, as it would have been stored (rendered and sanitized). */
export type SubmittedContent = Pick<
  typeof postRevisions.$inferInsert,
  | "title"
  | "slug"
  | "lead"
  | "body"
  | "bodyHtml"
  | "bodyText"
  | "source"
  | "seoTitle"
  | "seoDescription"
  | "featuredMediaId"
  | "featuredImageUrl"
  | "featuredImageAlt"
  | "featuredImageCaption"
  | "categoryId"
  | "status"
  | "publishedAt"
>;

/**
 * Records text that never became the post (a save refused as a conflict), so both versions survive
 * even if the browser that typed it is closed. `version` is the one the text was based on. Never
 * folded into another revision: each refused text is its own record.
 */
export function recordSubmittedRevision(tx: Tx, postId: number, version: number, kind: RevisionKind, content: SubmittedContent, actor: RevisionActor, note = ""): number {
  return tx
    .insert(postRevisions)
    .values({ ...content, postId, version, kind, published: false, actorId: actor?.id ?? null, actorName: actor?.name ?? "", note })
    .returning({ id: postRevisions.id })
    .get().id;
}
