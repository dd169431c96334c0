import { jsonError, jsonReply, staffIdRequest } from "@/lib/auth/guards";
import { currentVersionWithKind, registryFromForm, saveDocument } from "@/lib/dal/documents/staff";
import { discardPendingDraft, getPendingDraft, kindOfPost, savePost } from "@/lib/dal/posts";
import { pickDraftValues, type DraftValues } from "@/lib/editor/draft-values";
import { documentContentOf, updateDocumentSchema } from "@/lib/validations/document-form";
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

type SaveAnswer = Awaited<ReturnType<typeof savePost>>;
type Parsed = { ok: true; save: (keep: boolean, draft: DraftValues) => Promise<SaveAnswer> } | { ok: false; message: string; field: string };

/** A news post's or a page's form, as the writing screen sends it. */
function postForm(form: FormData, id: number): Parsed {
  const parsed = updatePostSchema.safeParse({ ...Object.fromEntries(form.entries()), id: String(id) });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "", field: String(parsed.error.issues[0]?.path[0] ?? "") };
  const { version, ...fields } = parsed.data;
  return { ok: true, save: (keep, draft) => savePost(keep ? { intent: "save", id, version, fields } : { intent: "autosave", id, version, fields, draft }) };
}

/** A legal document's form: its content and its registry fields, the related numbers found in the registry. */
async function documentForm(form: FormData, id: number): Promise<Parsed> {
  const parsed = updateDocumentSchema.safeParse({ ...Object.fromEntries(form.entries()), id: String(id) });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "", field: String(parsed.error.issues[0]?.path[0] ?? "") };
  const { version, ...data } = parsed.data;
  const found = await registryFromForm(data);
  if (!found.ok) {
    const [field, message] = Object.entries(found.errors)[0] ?? ["", ""];
    return { ok: false, message, field };
  }
  const fields = documentContentOf(data);
  return { ok: true, save: (keep, draft) => saveDocument(keep ? { intent: "save", id, version, fields, registry: found.registry } : { intent: "autosave", id, version, fields, draft, registry: found.registry }) };
}

/**
 * An autosave of the form, or (`intent=keep`: "Giữ bản của tôi" after a conflict) a save by hand
 * over the version named; both through the one save path, with the kind's own fields (a
 * document's registry) read by the kind the stored row has, never by what the request says.
 * 409 carries the current version, so the editor can show both at once.
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
  const id = checked.id;
  const parsed = (await kindOfPost(id)) === "document" ? await documentForm(form, id) : postForm(form, id);
  if (!parsed.ok) return jsonError(parsed.message, 422, { field: parsed.field });
  const result = await parsed.save(form.get("intent") === "keep", pickDraftValues(form.entries()));
  if (result.ok) return jsonReply({ mode: result.mode, version: result.version, savedAt: result.savedAt });
  if (result.conflict) return jsonError(result.message, 409, { current: await currentVersionWithKind(id) });
  return jsonError(result.message, result.denied ? 403 : 422, { field: result.field ?? "" });
}

/** `Bỏ` on the offer of a pending draft. */
export async function DELETE(request: Request, { params }: Params) {
  const checked = await staffIdRequest(request, params, "post:edit-own", postIdField);
  if ("refusal" in checked) return checked.refusal;
  return jsonReply(await discardPendingDraft(checked.id));
}
