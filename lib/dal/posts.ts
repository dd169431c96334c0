import "server-only";
import { forbidden } from "next/navigation";
import { getDb } from "@/db";
import type { Action } from "@/lib/auth/permissions";
import type { DraftValues } from "@/lib/editor/draft-values";
import type { PostFields, PostListQuery } from "@/lib/validations/post";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import { MESSAGES } from "./action";
import {
  autosavePostFor,
  checkSlugFor,
  createPostFor,
  dashboardFor,
  emptyTrashFor,
  discardPendingDraftFor,
  getCurrentVersionFor,
  getPendingDraftFor,
  leavePresenceFor,
  touchPresenceFor,
  type AutosaveOutcome,
  type CurrentVersion,
  type PendingDraft,
  getPostForEditFor,
  getPostPreviewFor,
  listAuthorOptionsFor,
  listCategoryOptionsFor,
  listPostsFor,
  postExists,
  POST_SEARCH_LIMIT,
  PostDeniedError,
  restorePostsFor,
  trashPostsFor,
  updatePostFor,
  type Dashboard,
  type Option,
  type PostActor,
  type PostChangeResult,
  type PostDetail,
  type PostPage,
  type PostPreview,
  type PostSaved,
  type SlugCheck,
  type TransitionRequest,
} from "./posts-core";
import { searchPostIdsForStaff } from "./search";
import { logDenied, requestIp, verifySession } from "./session";

export {
  DASHBOARD_LIMIT,
  PRESENCE_WINDOW_MS,
  type AutosaveOutcome,
  type CurrentVersion,
  type PendingDraft,
  POST_STATUS_LABELS,
  POSTS_PAGE_SIZE,
  type Dashboard,
  type DashboardItem,
  type DashboardSection,
  type DisplayStatus,
  type Option,
  type PostChangeResult,
  type PostDetail,
  type PostListItem,
  type PostPage,
  type PostPreview,
  type PostSaved,
  type SlugCheck,
} from "./posts-core";

/**
 * Posts for the staff pages and actions. The actor comes from the session of this request; the
 * visibility constraint and the permission are applied again next to each query in posts-core,
 * so a page or action that forgot its own check still gets nothing it may not have.
 */
async function currentActor(): Promise<PostActor | null> {
  const user = await verifySession();
  if (!user) return null;
  return { id: user.id, name: user.name, role: user.role, unit: user.unit, ip: await requestIp() };
}

export async function logRefusal(action: Action, objectId: string): Promise<void> {
  await logDenied(await verifySession(), action, objectId);
}

/** Reads: a role that may not see posts at all gets the 403 page. */
export async function read<T>(run: (actor: PostActor | null) => T | Promise<T>): Promise<T> {
  const actor = await currentActor();
  try {
    return await run(actor);
  } catch (error) {
    if (!(error instanceof PostDeniedError)) throw error;
    await logRefusal("post:create", "");
    forbidden();
  }
}

/** Changes: a refusal is a message, nothing is written, and attempts on other people's posts are logged. */
export async function change<T extends object>(action: Action, objectId: string, run: (actor: PostActor | null) => PostChangeResult<T>): Promise<PostChangeResult<T>> {
  const actor = await currentActor();
  try {
    const result = run(actor);
    if (!result.ok && result.denied) await logRefusal(action, objectId);
    return result;
  } catch (error) {
    if (!(error instanceof PostDeniedError)) throw error;
    await logRefusal(action, objectId);
    return { ok: false, denied: true, message: MESSAGES.forbidden };
  }
}

export type PostListParams = Omit<PostListQuery, "category" | "author"> & { categoryId?: number; authorId?: number };

/** The admin list; a search goes through the full-text index (ranked ids), then the visibility constraint. */
export function listPostsForStaff(params: PostListParams): Promise<PostPage> {
  return read(async (actor) => {
    const rankedIds = params.q ? await searchPostIdsForStaff(params.q, { limit: POST_SEARCH_LIMIT }) : null;
    return listPostsFor(getDb(), actor, params, rankedIds);
  });
}

/** The start page of /admin for the signed-in person. */
export function getDashboard(): Promise<Dashboard> {
  return read((actor) => dashboardFor(getDb(), actor));
}

export function listCategoryOptions(): Promise<Option[]> {
  return read((actor) => listCategoryOptionsFor(getDb(), actor));
}

export function listAuthorOptions(): Promise<Option[]> {
  return read((actor) => listAuthorOptionsFor(getDb(), actor));
}

/**
 * The post for the edit screen, or null (the page answers 404): a post that is not this person's
 * to see looks exactly like one that does not exist, and the attempt is logged.
 */
export function getPostForEdit(id: number): Promise<PostDetail | null> {
  return read(async (actor) => {
    const post = getPostForEditFor(getDb(), actor, id);
    if (!post && postExists(getDb(), id)) await logRefusal("post:edit-own", String(id));
    return post;
  });
}

export function getPostPreview(id: number): Promise<PostPreview | null> {
  return read(async (actor) => {
    const preview = getPostPreviewFor(getDb(), actor, id);
    if (!preview && postExists(getDb(), id)) await logRefusal("post:edit-own", String(id));
    return preview;
  });
}

export function checkSlug(slug: string, excludeId?: number): Promise<SlugCheck> {
  return read((actor) => checkSlugFor(getDb(), actor, slug, excludeId));
}

/** Autosave of the edit screen (lib/dal/posts/autosave.ts): never live for a public post. */
export function autosavePost(id: number, expectedVersion: number, data: PostFields, values: DraftValues): Promise<PostChangeResult<AutosaveOutcome>> {
  return change("post:edit-own", String(id), (actor) => autosavePostFor(getDb(), actor, id, expectedVersion, data, values));
}

export function getPendingDraft(id: number): Promise<PendingDraft | null> {
  return read((actor) => getPendingDraftFor(getDb(), actor, id));
}

export function discardPendingDraft(id: number): Promise<PostChangeResult> {
  return change("post:edit-own", String(id), (actor) => discardPendingDraftFor(getDb(), actor, id));
}

export function getCurrentVersion(id: number): Promise<CurrentVersion | null> {
  return read((actor) => getCurrentVersionFor(getDb(), actor, id));
}

/** Presence of the edit screen: the others' names, or null when the post is not this person's to see. */
export function touchPresence(id: number): Promise<string[] | null> {
  return read((actor) => touchPresenceFor(getDb(), actor, id));
}

export function leavePresence(id: number): Promise<void> {
  return read((actor) => leavePresenceFor(getDb(), actor, id));
}

export function createPost(data: PostFields): Promise<PostChangeResult<PostSaved>> {
  return change("post:create", "", (actor) => createPostFor(getDb(), actor, data));
}

export function updatePost(id: number, expectedVersion: number, data: PostFields): Promise<PostChangeResult<PostSaved>> {
  return change("post:edit-own", String(id), (actor) => updatePostFor(getDb(), actor, id, expectedVersion, data));
}

/** Saves the form and makes a workflow move in the same transaction (Gửi duyệt, Xuất bản, Từ chối…). */
export function savePostWithTransition(id: number, expectedVersion: number, data: PostFields, transition: TransitionRequest): Promise<PostChangeResult<PostSaved>> {
  return change(TRANSITIONS[transition.name].permission, String(id), (actor) => updatePostFor(getDb(), actor, id, expectedVersion, data, { transition }));
}

export function trashPosts(ids: number[]): Promise<PostChangeResult<{ count: number }>> {
  return change("post:delete-own-draft", ids.join(","), (actor) => trashPostsFor(getDb(), actor, ids));
}

export function emptyTrash(): Promise<PostChangeResult<{ count: number }>> {
  return change("trash:empty", "", (actor) => emptyTrashFor(getDb(), actor));
}

export function restorePosts(ids: number[]): Promise<PostChangeResult<{ count: number }>> {
  return change("post:restore", ids.join(","), (actor) => restorePostsFor(getDb(), actor, ids));
}
