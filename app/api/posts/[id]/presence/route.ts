import { jsonError, jsonReply, staffIdRequest } from "@/lib/auth/guards";
import { leavePresence, POST_ADMIN_MESSAGES, touchPresence } from "@/lib/dal/posts";
import { postIdField } from "@/lib/validations/post";

export const dynamic = "force-dynamic";

/**
 * The edit screen's heartbeat: marks this person as having the post open and answers who else
 * has. `?leave=1` (sent with sendBeacon when the page goes away) removes the mark at once.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const checked = await staffIdRequest(request, params, "post:create", postIdField);
  if ("refusal" in checked) return checked.refusal;
  if (new URL(request.url).searchParams.get("leave") === "1") {
    await leavePresence(checked.id);
    return jsonReply({ others: [] });
  }
  const others = await touchPresence(checked.id);
  return others ? jsonReply({ others }) : jsonError(POST_ADMIN_MESSAGES.notFound, 404);
}
