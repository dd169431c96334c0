// The rows of post_autosaves: one person's unpublished edits of a public post, kept aside.
import "server-only";
import { and, eq } from "drizzle-orm";
import { postAutosaves } from "@/db/schema";
import type { DraftValues } from "@/lib/editor/draft-values";
import { Tx } from "@/lib/dal/connection";

export function readPendingDraft(tx: Pick<Tx, "select">, postId: number, userId: number) {
  return tx
    .select({ baseVersion: postAutosaves.baseVersion, fields: postAutosaves.fields, updatedAt: postAutosaves.updatedAt })
    .from(postAutosaves)
    .where(and(eq(postAutosaves.postId, postId), eq(postAutosaves.userId, userId)))
    .get();
}

export function keepPendingDraft(tx: Tx, postId: number, userId: number, baseVersion: number, values: DraftValues, now: Date): void {
  tx.insert(postAutosaves)
    .values({ postId, userId, baseVersion, fields: values, updatedAt: now })
    .onConflictDoUpdate({ target: [postAutosaves.postId, postAutosaves.userId], set: { baseVersion, fields: values, updatedAt: now } })
    .run();
}

/** Called by every save that is not an autosave: what was kept aside is now either saved or given up. */
export function discardPendingDraft(tx: Tx, postId: number, userId: number): void {
  tx.delete(postAutosaves)
    .where(and(eq(postAutosaves.postId, postId), eq(postAutosaves.userId, userId)))
    .run();
}
