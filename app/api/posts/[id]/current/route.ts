import { jsonError, jsonReply, staffIdRequest } from "@/lib/auth/guards";
import { currentVersionWithKind } from "@/lib/dal/documents/staff";
import { POST_ADMIN_MESSAGES } from "@/lib/dal/posts";
import { postIdField } from "@/lib/validations/post";

export const dynamic = "force-dynamic";

/** The post as the server has it now, and who saved it: the other side of an edit conflict. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const checked = await staffIdRequest(request, params, "post:create", postIdField);
  if ("refusal" in checked) return checked.refusal;
  const current = await currentVersionWithKind(checked.id);
  return current ? jsonReply(current) : jsonError(POST_ADMIN_MESSAGES.notFound, 404);
}
