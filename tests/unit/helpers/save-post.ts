import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { savePostFor } from "@/lib/dal/posts/save";
import type { DraftValues } from "@/lib/editor/draft-values";
import type { PostFields } from "@/lib/validations/post";
import type { TransitionRequest } from "@/lib/dal/posts/transition";

/*
 * The shapes the posts tests were written in, each one call of the one save path (savePostFor),
 * with the intent the app's callers use for the same thing.
 */

export function createPostFor(db: Db, actor: Actor | null, fields: PostFields) {
  return savePostFor(db, actor, { intent: "create", fields });
}

type UpdateOptions = { transition?: TransitionRequest; now?: Date; revisionKind?: "save" | "restore" | "autosave"; revisionNote?: string };

export function updatePostFor(db: Db, actor: Actor | null, id: number, version: number, fields: PostFields, options: UpdateOptions = {}) {
  if (options.transition) return savePostFor(db, actor, { intent: "transition", id, version, fields, transition: options.transition }, options.now);
  if (options.revisionKind === "autosave") return savePostFor(db, actor, { intent: "autosave", id, version, fields, draft: {} }, options.now);
  return savePostFor(db, actor, { intent: "save", id, version, fields, revision: options.revisionKind ? { kind: options.revisionKind, note: options.revisionNote } : undefined }, options.now);
}

export function autosavePostFor(db: Db, actor: Actor | null, id: number, version: number, fields: PostFields, draft: DraftValues, now?: Date) {
  return savePostFor(db, actor, { intent: "autosave", id, version, fields, draft }, now);
}
