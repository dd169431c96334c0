import "server-only";
import { getDb } from "@/db";
import { readScopedToPost } from "./post-scoped-read";
import { change } from "./posts";
import { addCorrectionFor, listCorrectionsFor, type PostChangeResult, type PostCorrections } from "./posts-core";

export { type CorrectionItem, type PostCorrections } from "./posts-core";

/** A visible post's corrections for the staff page. */
export function getPostCorrections(postId: number): Promise<PostCorrections | null> {
  return readScopedToPost(postId, (actor) => listCorrectionsFor(getDb(), actor, postId));
}

/** `Đính chính`: editors and admins only; a refusal is logged by `change`. */
export function addCorrection(postId: number, text: string): Promise<PostChangeResult<{ id: number }>> {
  return change("post:correct", String(postId), (actor) => addCorrectionFor(getDb(), actor, postId, text));
}
