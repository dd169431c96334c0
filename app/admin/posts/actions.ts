"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction, refusedState, type ActionState } from "@/lib/auth/guards";
import { checkSlug, emptyTrash, restorePosts, savePost, trashPosts, type SlugCheck } from "@/lib/dal/posts";
import { mayPerform, verifySession } from "@/lib/dal/session";
import { createTranslation } from "@/lib/dal/translations";
import { createPostSchema, emptyTrashSchema, postIdField, postIdsSchema, slugCheckSchema, transitionPostSchema, updatePostSchema } from "@/lib/validations/post";

/**
 * After a save the form needs only the post's id, its new version and its slug (as stored):
 * everything else is still in the browser, so the body is not sent back.
 */
function saved(result: { message: string; id: number; version: number; slug: string }): ActionState {
  return { ok: true, message: result.message, values: { id: String(result.id), version: String(result.version), slug: result.slug } };
}

function refreshPost(id: number): void {
  revalidatePath("/admin/posts");
  revalidatePath("/admin/pages");
  revalidatePath(`/admin/posts/${id}`);
}

export const createPostAction = authorizedAction("post:create", createPostSchema, async ({ kind, ...data }, _user, values) => {
  const result = await savePost({ intent: "create", kind, fields: data });
  if (!result.ok) return refusedState(result, values);
  revalidatePath(kind === "page" ? "/admin/pages" : "/admin/posts");
  return saved(result);
});

export const updatePostAction = authorizedAction("post:edit-own", updatePostSchema, async ({ id, version, ...data }, _user, values) => {
  const result = await savePost({ intent: "save", id, version, fields: data });
  if (!result.ok) return refusedState(result, values);
  refreshPost(id);
  return saved(result);
});

/**
 * The workflow buttons (Gửi duyệt, Xuất bản, Hẹn giờ xuất bản, Từ chối, Gỡ bài…): saves what is in
 * the form and makes the move in one transaction. Every staff role reaches the data layer, which
 * checks the move against the role, the post's author and its status, and logs a refused attempt.
 */
export const transitionPostAction = authorizedAction("post:edit-own", transitionPostSchema, async ({ id, version, intent, reviewNote, ...data }, _user, values) => {
  const result = await savePost({ intent: "transition", id, version, fields: data, transition: { name: intent, note: reviewNote } });
  if (!result.ok) return refusedState(result, values);
  refreshPost(id);
  revalidatePath("/admin");
  return saved(result);
});

const addTranslation = authorizedAction("post:create", z.object({ id: postIdField }), async ({ id }, _user, values) => {
  const result = await createTranslation(id);
  if (!result.ok) return refusedState(result, values);
  refreshPost(id);
  return saved(result);
});

/**
 * "Thêm bản tiếng Anh": the English draft of this post or page (the data layer checks who may, and that
 * there is none yet), then its writing screen. The redirect is outside the guard, which would take it for an error.
 */
export async function addTranslationAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await addTranslation(previous, formData);
  if (state.ok && state.values?.id) redirect(`/admin/posts/${state.values.id}?ban-dich=1`);
  return state;
}

/** Authors may trash their own drafts; the data layer checks each post. */
export const trashPostsAction = authorizedAction("post:delete-own-draft", postIdsSchema, async ({ ids }, _user, values) => {
  const result = await trashPosts(ids);
  if (!result.ok) return { message: result.message, values };
  revalidatePath("/admin/posts");
  for (const id of ids) revalidatePath(`/admin/posts/${id}`);
  return { ok: true, message: result.message };
});

export const restorePostsAction = authorizedAction("post:restore", postIdsSchema, async ({ ids }, _user, values) => {
  const result = await restorePosts(ids);
  if (!result.ok) return { message: result.message, values };
  revalidatePath("/admin/posts");
  for (const id of ids) revalidatePath(`/admin/posts/${id}`);
  return { ok: true, message: result.message };
});

/** `Dọn sạch thùng rác`: admins only; the confirmation is the form's own checkbox. */
export const emptyTrashAction = authorizedAction("trash:empty", emptyTrashSchema, async (_data, _user, values) => {
  const result = await emptyTrash();
  if (!result.ok) return { message: result.message, values };
  revalidatePath("/admin/posts");
  return { ok: true, message: result.message };
});

/**
 * The slug field's as-you-type check. Not a form action, but still a public POST endpoint: it
 * checks the session and the role itself, and validates its arguments, which any client can forge.
 * `page`: the slug is a page's segment under that parent (`{ parentId: "" }` for a top-level page).
 */
export async function checkPostSlugAction(slug: unknown, excludeId: unknown, page?: unknown): Promise<SlugCheck | null> {
  const user = await verifySession();
  if (!user || !mayPerform(user, "post:create")) return null;
  const parsed = slugCheckSchema.safeParse({ slug, excludeId: excludeId === undefined || excludeId === null ? undefined : String(excludeId), page });
  if (!parsed.success) return null;
  return checkSlug(parsed.data.slug, parsed.data.excludeId, parsed.data.page);
}
