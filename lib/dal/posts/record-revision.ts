import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { postRevisions, posts, type RevisionKind } from "@/db/schema";
import { registrySnapshot } from "@/lib/dal/documents/snapshot";
import { contentOf, type PostContent } from "./content";

type Tx = Pick<Db, "select" | "insert" | "update">;
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
    ...contentOf(post),
    // A document's registry as it now is (written before this call in the same transaction).
    kindFields: post.kind === "document" ? registrySnapshot(tx, postId) : null,
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

/**
 * Records text that never became the post (a save refused as a conflict), so both versions survive
 * even if the browser that typed it is closed. `version` is the one the text was based on. Never
 * folded into another revision: each refused text is its own record.
 */
export function recordSubmittedRevision(tx: Tx, postId: number, version: number, kind: RevisionKind, content: PostContent, actor: RevisionActor, note = ""): number {
  return tx
    .insert(postRevisions)
    .values({ ...content, postId, version, kind, published: false, actorId: actor?.id ?? null, actorName: actor?.name ?? "", note })
    .returning({ id: postRevisions.id })
    .get().id;
}
