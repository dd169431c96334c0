import "server-only";
import { getDb } from "@/db";
import { readScopedToPost } from "./post-scoped-read";
import { change } from "./posts";
import {
  compareRevisionsFor,
  getRevisionFor,
  listRevisionsFor,
  restoreRevisionFor,
  type PostChangeResult,
  type PostSaved,
  type RevisionComparison,
  type RevisionHistory,
  type RevisionView,
} from "./posts-core";

export { REVISIONS_PAGE_SIZE, type RevisionComparison, type RevisionHistory, type RevisionOption, type RevisionSummary, type RevisionView } from "./posts-core";

/** A post's history for the staff pages: who may see it is who may see the post. */
export function getRevisionHistory(postId: number, page: number): Promise<RevisionHistory | null> {
  return readScopedToPost(postId, (actor) => listRevisionsFor(getDb(), actor, postId, page));
}

export function getRevision(postId: number, revisionId: number): Promise<RevisionView | null> {
  return readScopedToPost(postId, (actor) => getRevisionFor(getDb(), actor, postId, revisionId));
}

export function compareRevisions(postId: number, choice: { fromId?: number; toId?: number }): Promise<RevisionComparison | null> {
  return readScopedToPost(postId, (actor) => compareRevisionsFor(getDb(), actor, postId, choice));
}

/** `Khôi phục phiên bản này`, under the editing rules; refusals on other people's posts are logged. */
export function restoreRevision(postId: number, revisionId: number, expectedVersion: number): Promise<PostChangeResult<PostSaved & { number: number }>> {
  return change("post:edit-own", String(postId), (actor) => restoreRevisionFor(getDb(), actor, postId, revisionId, expectedVersion));
}
