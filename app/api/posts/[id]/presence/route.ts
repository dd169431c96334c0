import { leavePresence, touchPresence } from "@/lib/dal/posts";
import { jsonReply, staffPostRequest } from "@/lib/dal/staff-request";

export const dynamic = "force-dynamic";

/**
 * The edit screen's heartbeat: marks this person as having the post open and answers who else
 * has. `?leave=1` (sent with sendBeacon when the page goes away) removes the mark at once.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const checked = await staffPostRequest(request, params, "post:create");
  if ("refusal" in checked) return checked.refusal;
  if (new URL(request.url).searchParams.get("leave") === "1") {
    await leavePresence(checked.id);
    return jsonReply({ others: [] });
  }
  const others = await touchPresence(checked.id);
  return others ? jsonReply({ others }) : jsonReply({ message: "Không tìm thấy bài viết này, hoặc bạn không có quyền xem." }, 404);
}
