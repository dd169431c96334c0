import "server-only";
import { sql } from "drizzle-orm";
import { postAudio, type AudioReason, type Language } from "@/db/schema";
import type { Db } from "@/lib/dal/connection";

type Writer = Pick<Db, "insert">;

/**
 * Asks the background job for a post's audio, in the caller's transaction, so the request and the
 * change that needs it commit together (a save of a public post, a correction). A row already there
 * is queued again with its generation bumped: audio being made from the text before this change
 * will not be kept as current, and the page stops offering the old recording until the new one is made.
 */
export function queueAudio(tx: Writer, postId: number, reason: AudioReason, now: Date = new Date(), language: Language = "vi"): void {
  tx.insert(postAudio)
    .values({ postId, language, state: "queued", reason, requestedAt: now })
    .onConflictDoUpdate({
      target: [postAudio.postId, postAudio.language],
      set: { state: "queued", reason, generation: sql`${postAudio.generation} + 1`, requestedAt: now, claimedAt: null, attempts: 0, nextTryAt: null, error: "" },
    })
    .run();
}
