import { getCurrentVersion } from "@/lib/dal/posts";
import { jsonReply, staffPostRequest } from "@/lib/dal/staff-request";

export const dynamic = "force-dynamic";

/** The post as the server has it now, and who saved it: the other side of an edit conflict. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const checked = await staffPostRequest(request, params, "post:create");
  if ("refusal" in checked) return checked.refusal;
  const current = await getCurrentVersion(checked.id);
  return current ? jsonReply(current) : jsonReply({ message: "Không tìm thấy bài viết này, hoặc bạn không có quyền xem." }, 404);
}
