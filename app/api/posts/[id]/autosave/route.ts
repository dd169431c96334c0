import { jsonError, jsonReply, staffIdRequest } from "@/lib/auth/guards";
import { discardPendingDraft, getCurrentVersion, getPendingDraft, savePost } from "@/lib/dal/posts";
import { pickDraftValues } from "@/lib/editor/draft-values";
import { postIdField, updatePostSchema } from "@/lib/validations/post";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/**
 * The editor's background saves. A route handler rather than a server action: the editor needs
 * plain fetch semantics (a network failure is an exception, an expired session a 401) and must
 * not be redirected by the /admin proxy or queued behind the page's other actions.
 */

/** This person's pending draft of a public post, to offer back when they reopen it. */
export async function GET(request: Request, { params }: Params) {
  const checked = await staffIdRequest(request, params, "post:edit-own", postIdField);
  if ("refusal" in checked) return checked.refusal;
  return jsonReply({ draft: await getPendingDraft(checked.id) });
}

/**
 * An autosave of the form, or (`intent=keep`: "Giữ bản của tôi" after a conflict) a save by hand
 * over the version named; both through the one save path. 409 carries the current version, so
 * the editor can show both at once.
 */
export async function POST(request: Request, { params }: Params) {
  const checked = await staffIdRequest(request, params, "post:edit-own", postIdField);
  if ("refusal" in checked) return checked.refusal;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonError("Không đọc được dữ liệu gửi lên.", 400);
  }
  const parsed = updatePostSchema.safeParse({ ...Object.fromEntries(form.entries()), id: String(checked.id) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(issue?.message ?? "", 422, { field: String(issue?.path[0] ?? "") });
  }
  const { id, version, ...fields } = parsed.data;
  const result = await savePost(form.get("intent") === "keep" ? { intent: "save", id, version, fields } : { intent: "autosave", id, version, fields, draft: pickDraftValues(form.entries()) });
  if (result.ok) return jsonReply({ mode: result.mode, version: result.version, savedAt: result.savedAt });
  if (result.conflict) return jsonError(result.message, 409, { current: await getCurrentVersion(id) });
  return jsonError(result.message, result.denied ? 403 : 422, { field: result.field ?? "" });
}

/** `Bỏ` on the offer of a pending draft. */
export async function DELETE(request: Request, { params }: Params) {
  const checked = await staffIdRequest(request, params, "post:edit-own", postIdField);
  if ("refusal" in checked) return checked.refusal;
  return jsonReply(await discardPendingDraft(checked.id));
}
