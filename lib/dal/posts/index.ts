/**
 * Posts for the staff pages, actions and routes: the functions of this folder, each run as the
 * signed-in person through lib/dal/bind.ts. The visibility constraint and the permission are
 * applied again beside each query, so a page or action that forgot its own check still gets
 * nothing it may not have.
 */
import "server-only";
import { change, logRefusal, read, readOrNull } from "@/lib/dal/bind";
import type { ContentKind } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import type { ChangeResult } from "@/lib/dal/result";
import { searchPostIdsIn } from "@/lib/dal/search/queries";
import type { PostListQuery } from "@/lib/validations/post";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import { assertStaff, type PostSaved } from "./access";
import { discardPendingDraftFor, getCurrentVersionFor, getPendingDraftFor, type CurrentVersion, type PendingDraft } from "./autosave";
import { addCorrectionFor, listCorrectionsFor, type PostCorrections } from "./corrections";
import { dashboardFor, type Dashboard } from "./dashboard";
import { listAuthorOptionsFor, listCategoryOptionsFor, listPostsFor, POST_SEARCH_LIMIT, type Option, type PostPage } from "./list";
import { leavePresenceFor, touchPresenceFor } from "./presence";
import { checkSlugFor, getPostForEditFor, languageOf, getPostPreviewFor, postExists, readVisible, type PostDetail, type PostPreview, type SlugCheck } from "./read";
import { compareRevisionsFor, getRevisionFor, listRevisionsFor, restoreRevisionFor, type RevisionComparison, type RevisionHistory, type RevisionView } from "./revisions";
import { savePostFor, type SaveOutcome, type SaveRequest } from "./save";
import { emptyTrashFor, restorePostsFor, trashPostsFor } from "./trash";
import { checkPageSlugFor } from "./filing";

export { POST_ADMIN_MESSAGES, POST_STATUS_LABELS, type DisplayStatus, type PostSaved } from "./access";
export type { CurrentVersion, PendingDraft } from "./autosave";
export type { CorrectionItem, PostCorrections } from "./corrections";
export { DASHBOARD_LIMIT, type Dashboard, type DashboardItem, type DashboardSection } from "./dashboard";
export { POSTS_PAGE_SIZE, type Option, type PostListItem, type PostPage } from "./list";
export { PRESENCE_WINDOW_MS } from "./presence";
export type { PostDetail, PostPreview, SlugCheck } from "./read";
export { REVISIONS_PAGE_SIZE, type RevisionComparison, type RevisionHistory, type RevisionOption, type RevisionSummary, type RevisionView } from "./revisions";
export type { SaveOutcome, SaveRequest } from "./save";

/**
 * A read about one post whose answer is null when the post is not this person's to see, which
 * then looks exactly like a missing post; the attempt on an existing one is logged.
 */
function readAboutPost<T>(postId: number, run: (db: Db, actor: Actor | null) => T | null): Promise<T | null> {
  return read(async (db, actor) => {
    const found = run(db, actor);
    if (!found && postExists(db, postId)) await logRefusal("post:edit-own", postId);
    return found;
  });
}

export type PostListParams = Omit<PostListQuery, "category" | "author"> & { categoryId?: number; authorId?: number };

/** The admin list; a search goes through the full-text index (ranked ids), then the visibility constraint. */
export function listPostsForStaff(params: PostListParams): Promise<PostPage> {
  return read((db, actor) => {
    assertStaff(actor);
    const rankedIds = params.q ? searchPostIdsIn(db, params.q, { limit: POST_SEARCH_LIMIT }) : null;
    return listPostsFor(db, actor, params, rankedIds);
  });
}

/** The start page of /admin for the signed-in person. */
export const getDashboard = (): Promise<Dashboard> => read(dashboardFor);
export const listCategoryOptions = (): Promise<Option[]> => read(listCategoryOptionsFor);
export const listAuthorOptions = (): Promise<Option[]> => read(listAuthorOptionsFor);

/** The post for the edit screen, or null (the page answers 404). */
export const getPostForEdit = (id: number): Promise<PostDetail | null> => readAboutPost(id, (db, actor) => getPostForEditFor(db, actor, id));
export const getPostPreview = (id: number): Promise<PostPreview | null> => readAboutPost(id, (db, actor) => getPostPreviewFor(db, actor, id));
/**
 * The slug field's check: a news post's slug, or (`page`) a page's segment under its parent, among the
 * addresses of the edited post's language (a new post from the form is Vietnamese).
 */
export const checkSlug = (slug: string, excludeId?: number, page?: { parentId: number | null }): Promise<SlugCheck> =>
  read((db, actor) => {
    const language = excludeId === undefined ? "vi" : languageOf(db, excludeId);
    return page ? checkPageSlugFor(db, actor, slug, page.parentId, excludeId, language) : checkSlugFor(db, actor, slug, excludeId, { kind: "post", language });
  });

export const getPendingDraft = (id: number): Promise<PendingDraft | null> => readOrNull((db, actor) => getPendingDraftFor(db, actor, id));
export const discardPendingDraft = (id: number): Promise<ChangeResult> => change("post:edit-own", id, (db, actor) => discardPendingDraftFor(db, actor, id));
/** The kind of a post this person may see (null otherwise): which form's save a background save is. */
export const kindOfPost = (id: number): Promise<ContentKind | null> =>
  readOrNull((db, actor) => {
    assertStaff(actor);
    return readVisible(db, actor, id)?.kind ?? null;
  });
export const getCurrentVersion = (id: number): Promise<CurrentVersion | null> => readOrNull((db, actor) => getCurrentVersionFor(db, actor, id));

/** Presence of the edit screen: the others' names, or null when the post is not this person's to see. */
export const touchPresence = (id: number): Promise<string[] | null> => readOrNull((db, actor) => touchPresenceFor(db, actor, id));
export const leavePresence = (id: number): Promise<void> => read((db, actor) => leavePresenceFor(db, actor, id));

/** Every save (create, save, autosave, a workflow move), through the one save path (./save.ts). */
export function savePost(request: SaveRequest): Promise<ChangeResult<SaveOutcome>> {
  const action = request.intent === "transition" ? TRANSITIONS[request.transition.name].permission : request.intent === "create" ? "post:create" : "post:edit-own";
  return change(action, request.intent === "create" ? "" : request.id, (db, actor) => savePostFor(db, actor, request));
}

export const trashPosts = (ids: number[]) => change("post:delete-own-draft", ids.join(","), (db, actor) => trashPostsFor(db, actor, ids));
export const restorePosts = (ids: number[]) => change("post:restore", ids.join(","), (db, actor) => restorePostsFor(db, actor, ids));
export const emptyTrash = () => change("trash:empty", "", emptyTrashFor);

/** A post's history: who may see it is who may see the post. */
export const getRevisionHistory = (postId: number, page: number): Promise<RevisionHistory | null> => readAboutPost(postId, (db, actor) => listRevisionsFor(db, actor, postId, page));
export const getRevision = (postId: number, revisionId: number): Promise<RevisionView | null> => readAboutPost(postId, (db, actor) => getRevisionFor(db, actor, postId, revisionId));
export const compareRevisions = (postId: number, choice: { fromId?: number; toId?: number }): Promise<RevisionComparison | null> =>
  readAboutPost(postId, (db, actor) => compareRevisionsFor(db, actor, postId, choice));
/** `Khôi phục phiên bản này`, under the editing rules. */
export const restoreRevision = (postId: number, revisionId: number, expectedVersion: number): Promise<ChangeResult<PostSaved & { number: number }>> =>
  change("post:edit-own", postId, (db, actor) => restoreRevisionFor(db, actor, postId, revisionId, expectedVersion));

/** A visible post's corrections for the staff page; `Đính chính` is for editors and admins. */
export const getPostCorrections = (postId: number): Promise<PostCorrections | null> => readAboutPost(postId, (db, actor) => listCorrectionsFor(db, actor, postId));
export const addCorrection = (postId: number, text: string): Promise<ChangeResult<{ id: number }>> => change("post:correct", postId, (db, actor) => addCorrectionFor(db, actor, postId, text));
