import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { MediaError, storeUpload, type MediaDto } from "@/lib/dal/media-core";
import { logDenied, verifySession } from "@/lib/dal/session";
import { MEDIA_LIMITS } from "@/lib/media/process";
import { isSameOrigin } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

const MAX_FILES = 20;
const error = (message: string, status: number) => Response.json({ error: message }, { status });

/** Upload one or more images (multipart field `file`). Each is checked, re-encoded and stored. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return error("Yêu cầu không hợp lệ.", 403);
  const user = await verifySession();
  if (!user) return error("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", 401);
  if (!can(user.role, "media:upload") || user.mustChangePassword || user.mustEnrollTotp) {
    await logDenied(user, "media:upload");
    return error("Bạn không có quyền tải ảnh lên.", 403);
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MEDIA_LIMITS.maxBytes * MAX_FILES + 1024 * 1024) return error("Tệp tải lên quá lớn.", 413);

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
  for (const file of files) {
    if (file.size > MEDIA_LIMITS.maxBytes) return error(`“${file.name}”: ảnh lớn hơn 20 MB.`, 413);
    try {
      items.push(await storeUpload(getDb(), { name: file.name, bytes: Buffer.from(await file.arrayBuffer()), uploadedBy: user.id }));
    } catch (e) {
      if (e instanceof MediaError) return error(`“${file.name.slice(0, 80)}”: ${e.message}`, e.status);
      console.error("[media] upload failed", e);
      return error("Không lưu được ảnh do lỗi hệ thống. Vui lòng thử lại.", 500);
    }
  }
  return Response.json({ items }, { status: 201 });
}
