import { jsonError, jsonReply, MESSAGES, staffRequest } from "@/lib/auth/guards";
import { listPickerMedia, MediaError, uploadMedia, type MediaDto } from "@/lib/dal/media";
import { MEDIA_LIMITS } from "@/lib/media/process";
import { mediaListQuerySchema } from "@/lib/validations/media";
import { UPLOAD_MAX_BYTES } from "@/lib/validations/request-limits";

export const dynamic = "force-dynamic";

const MAX_FILES = 20;
const PICKER_PAGE_SIZE = 18;

/** The library for the editor's picker: `?q=` searches name, alt text and caption; `?page=` pages. */
export async function GET(request: Request) {
  const checked = await staffRequest(request, "media:upload");
  if ("refusal" in checked) return checked.refusal;
  const params = new URL(request.url).searchParams;
  const query = mediaListQuerySchema.parse({ q: params.get("q") ?? "", page: params.get("page") ?? 1 });
  const result = await listPickerMedia(query, PICKER_PAGE_SIZE);
  return result ? jsonReply(result) : jsonError(MESSAGES.forbidden, 403);
}

/** Upload one or more images (multipart field `file`). Each is checked, re-encoded and stored. */
export async function POST(request: Request) {
  const checked = await staffRequest(request, "media:upload");
  if ("refusal" in checked) return checked.refusal;
  const declared = Number(request.headers.get("content-length") ?? 0);
  // server.ts enforces the same limit while the body streams in (one 20 MB image per request, as the editor sends).
  if (declared > UPLOAD_MAX_BYTES) return jsonError("Tệp tải lên quá lớn: mỗi ảnh tối đa 20 MB.", 413);

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return jsonError("Không đọc được dữ liệu tải lên.", 400);
  }
  const files = form.getAll("file").filter((f): f is File => typeof f !== "string");
  if (files.length === 0) return jsonError("Chưa chọn ảnh nào.", 400);
  if (files.length > MAX_FILES) return jsonError(`Mỗi lần tải tối đa ${MAX_FILES} ảnh.`, 400);

  const items: MediaDto[] = [];
  for (const file of files) {
    if (file.size > MEDIA_LIMITS.maxBytes) return jsonError(`“${file.name}”: ảnh lớn hơn 20 MB.`, 413);
    try {
      const stored = await uploadMedia({ name: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
      if (!stored) return jsonError(MESSAGES.forbidden, 403);
      items.push(stored);
    } catch (e) {
      if (e instanceof MediaError) return jsonError(`“${file.name.slice(0, 80)}”: ${e.message}`, e.status);
      console.error("[media] upload failed", e);
      return jsonError("Không lưu được ảnh do lỗi hệ thống. Vui lòng thử lại.", 500);
    }
  }
  return jsonReply({ items }, 201);
}
