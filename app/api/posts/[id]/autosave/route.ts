import { jsonReply, staffPostRequest } from "@/lib/dal/staff-request";
import { autosavePost, discardPendingDraft, getCurrentVersion, getPendingDraft, updatePost } from "@/lib/dal/posts";
import { pickDraftValues } from "@/lib/editor/draft-values";
import { updatePostSchema } from "@/lib/validations/post";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/**
 * The editor's background saves. A route handler rather than a server action: the editor needs
 * plain fetch semantics (a network failure is an exception, an expired session a 401) and must
 * not be redirected by the /admin proxy or queued behind the page's other actions.
 */

/** This person's pending draft of a public post, to offer back when they reopen it. */
export async function GET(request: Request, { params }: Params) {
  const checked = await staffPostRequest(request, params, "post:edit-own");
  if ("refusal" in checked) return checked.refusal;
  return jsonReply({ draft: await getPendingDraft(checked.id) });
}

/**
 * An autosave of the form (`intent=keep`: "Giữ bản của tôi" after a conflict, a save by hand over
 * the version named). 409 carries the current version, so the editor can show both at once.
 */
export async function POST(request: Request, { params }: Params) {
  const checked = await staffPostRequest(request, params, "post:edit-own");
  if ("refusal" in checked) return checked.refusal;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonReply({ message: "Không đọc được dữ liệu gửi lên." }, 400);
  }
  const parsed = updatePostSchema.safeParse({ ...Object.fromEntries(form.entries()), id: String(checked.id) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonReply({ message: issue?.message ?? "", field: String(issue?.path[0] ?? "") }, 422);
  }
  const { id, version, ...data } = parsed.data;
  const now = new Date();
  const result =
    form.get("intent") === "keep"
      ? await updatePost(id, version, data).then((r) => (r.ok ? { ...r, mode: "saved" as const, savedAt: now.toISOString() } : r))
      : await autosavePost(id, version, data, pickDraftValues(form.entries()));
  if (result.ok) return jsonReply({ mode: result.mode, version: result.version, savedAt: result.savedAt });
  if (result.conflict) return jsonReply({ message: result.message, current: await getCurrentVersion(id) }, 409);
  return jsonReply({ message: result.message, field: result.field ?? "" }, result.denied ? 403 : 422);
}

/** `Bỏ` on the offer of a pending draft. */
export async function DELETE(request: Request, { params }: Params) {
  const checked = await staffPostRequest(request, params, "post:edit-own");
  if ("refusal" in checked) return checked.refusal;
  return jsonReply(await discardPendingDraft(checked.id));
}
