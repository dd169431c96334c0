import { staffIdRequest } from "@/lib/auth/guards";
import { addAttachment } from "@/lib/dal/documents/staff";
import { postIdField } from "@/lib/validations/post";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Attach one file to a document (multipart: `file`, `label`). A plain form posts here, so it works
 * without JavaScript: the answer sends the browser back to the edit screen with the outcome in the
 * address (`tep-ok` / `tep-loi`), which the page shows in words.
 */
export async function POST(request: Request, context: Context) {
  const checked = await staffIdRequest(request, context.params, "post:edit-own", postIdField);
  if ("refusal" in checked) return checked.refusal;
  // A relative address: behind the app's own server request.url names Next's internal host, not the one the browser used.
  const back = (params: Record<string, string>) => new Response(null, { status: 303, headers: { Location: `/admin/documents/${checked.id}?${new URLSearchParams(params)}#tep-dinh-kem` } });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return back({ "tep-loi": "Không đọc được tệp tải lên. Hãy thử lại." });
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return back({ "tep-loi": "Chưa chọn tệp." });
  const result = await addAttachment(checked.id, { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, label: String(form.get("label") ?? "") });
  return back(result.ok ? { "tep-ok": result.message } : { "tep-loi": result.message });
}
