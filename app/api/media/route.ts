import { MESSAGES } from "@/lib/dal/action";
import { getDb } from "@/db";
import { logActivity } from "@/lib/activity/log";
import { listPickerMedia } from "@/lib/dal/media";
import { MediaError, storeUpload, type MediaDto } from "@/lib/dal/media-core";
import { logDenied, mayPerform, requestIp, verifySession } from "@/lib/dal/session";
import { MEDIA_LIMITS } from "@/lib/media/process";
import { isSameOrigin } from "@/lib/security/same-origin";
import { mediaListQuerySchema } from "@/lib/validations/media";
import { UPLOAD_MAX_BYTES } from "@/lib/validations/request-limits";

export const dynamic = "force-dynamic";

const MAX_FILES = 20;
const PICKER_PAGE_SIZE = 18;
const error = (message: string, status: number) => Response.json({ error: message }, { status, headers: { "Cache-Control": "private, no-store" } });

/** The library for the editor's picker: `?q=` searches name, alt text and caption; `?page=` pages. */
export async function GET(request: Request) {
  const user = await verifySession();
  if (!user) return error(MESSAGES.signedOut, 401);
  if (!mayPerform(user, "media:upload")) {
    await logDenied(user, "media:upload");
    return error("Bạn không có quyền xem thư viện ảnh.", 403);
  }
  const params = new URL(request.url).searchParams;
  const query = mediaListQuerySchema.parse({ q: params.get("q") ?? "", page: params.get("page") ?? 1 });
  const result = await listPickerMedia(query, PICKER_PAGE_SIZE);
  if (!result) return error("Bạn không có quyền xem thư viện ảnh.", 403);
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
}

/** Upload one or more images (multipart field `file`). Each is checked, re-encoded and stored. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return error("Yêu cầu không hợp lệ.", 403);
  const user = await verifySession();
  if (!user) return error(MESSAGES.signedOut, 401);
  if (!mayPerform(user, "media:upload")) {
    await logDenied(user, "media:upload");
    return error("Bạn không có quyền tải ảnh lên.", 403);
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  // server.ts enforces the same limit while the body streams in (one 20 MB image per request, as the editor sends).
  if (declared > UPLOAD_MAX_BYTES) return error("Tệp tải lên quá lớn: mỗi ảnh tối đa 20 MB.", 413);

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return error("Không đọc được dữ liệu tải lên.", 400);
  }
  const files = form.getAll("file").filter((f): f is File => typeof f !== "string");
  if (files.length === 0) return error("Chưa chọn ảnh nào.", 400);
  if (files.length > MAX_FILES) return error(`Mỗi lần tải tối đa ${MAX_FILES} ảnh.`, 400);

  const items: MediaDto[] = [];
  const ip = await requestIp();
  for (const file of files) {
    if (file.size > MEDIA_LIMITS.maxBytes) return error(`“${file.name}”: ảnh lớn hơn 20 MB.`, 413);
    try {
      const stored = await storeUpload(getDb(), { name: file.name, bytes: Buffer.from(await file.arrayBuffer()), uploadedBy: user.id });
      logActivity(getDb(), { actor: { id: user.id, name: user.name }, action: "media.upload", objectType: "media", objectId: stored.id, summary: stored.name, ip });
      items.push(stored);
    } catch (e) {
      if (e instanceof MediaError) return error(`“${file.name.slice(0, 80)}”: ${e.message}`, e.status);
      console.error("[media] upload failed", e);
      return error("Không lưu được ảnh do lỗi hệ thống. Vui lòng thử lại.", 500);
    }
  }
  return Response.json({ items }, { status: 201 });
}
