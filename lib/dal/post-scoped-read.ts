import "server-only";
import { getDb } from "@/db";
import { logRefusal, read } from "./posts";
import { postExists, type PostActor } from "./posts-core";

/**
 * A read about one post (its history, its corrections) with the actor from this request's
 * session. `run` answers null when the post is not this person's to see, which then looks
 * exactly like a missing post; the attempt on an existing one is logged.
 */
export function readScopedToPost<T>(postId: number, run: (actor: PostActor | null) => T | null): Promise<T | null> {
  return read(async (actor) => {
    const found = run(actor);
    if (!found && postExists(getDb(), postId)) await logRefusal("post:edit-own", String(postId));
    return found;
  });
}
