// Who else has a post open in the editor: each open editor touches its row every few seconds.
import "server-only";
import { and, asc, eq, gte, ne } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { postPresence } from "@/db/schema";
import { assertStaff } from "./access";
import { readVisible } from "./read";
import { WRITE } from "@/lib/dal/connection";
import { type Actor } from "@/lib/dal/actor";

/** An editor that has not been heard from for this long has been closed (or lost its network). */
export const PRESENCE_WINDOW_MS = 15_000;

/**
 * Marks the actor as having the post open and returns the names of the others who do. Null when
 * the post is not this actor's to see: who works on a post is as private as the post.
 */
export function touchPresenceFor(db: Db, actor: Actor | null, postId: number, now: Date = new Date()): string[] | null {
  assertStaff(actor);
  return db.transaction((tx) => {
    if (!readVisible(tx, actor, postId)) return null;
    tx.insert(postPresence)
      .values({ postId, userId: actor.id, userName: actor.name, seenAt: now })
      .onConflictDoUpdate({ target: [postPresence.postId, postPresence.userId], set: { userName: actor.name, seenAt: now } })
      .run();
    return tx
      .select({ name: postPresence.userName })
      .from(postPresence)
      .where(and(eq(postPresence.postId, postId), ne(postPresence.userId, actor.id), gte(postPresence.seenAt, new Date(now.getTime() - PRESENCE_WINDOW_MS))))
      .orderBy(asc(postPresence.userName))
      .all()
      .map((r) => r.name);
  }, WRITE);
}

/** The editor was closed: only the actor's own row goes. */
export function leavePresenceFor(db: Db, actor: Actor | null, postId: number): void {
  assertStaff(actor);
  db.delete(postPresence)
    .where(and(eq(postPresence.postId, postId), eq(postPresence.userId, actor.id)))
    .run();
}
