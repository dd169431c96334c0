import "server-only";
import type { Action } from "@/lib/auth/permissions";
import { isSameOrigin } from "@/lib/security/same-origin";
import { postIdField } from "@/lib/validations/post";
import { MESSAGES } from "./action";
import { logDenied, mayPerform, verifySession, type SessionUser } from "./session";

const NO_STORE = { "Cache-Control": "private, no-store" };

export const jsonReply = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });

/**
 * The checks every post route handler of the editor makes before anything else: same origin for
 * changes (Next checks it for server actions only), a live session (401, which the editor answers
 * with its sign-in dialog), the role's permission, a well-formed post id. Either the user and the
 * id, or the refusal to send back.
 */
export async function staffPostRequest(
  request: Request,
  params: Promise<{ id: string }>,
  action: Action,
): Promise<{ user: SessionUser; id: number } | { refusal: Response }> {
  if (request.method !== "GET" && !isSameOrigin(request)) return { refusal: jsonReply({ message: "Yêu cầu không hợp lệ." }, 403) };
  const user = await verifySession();
  if (!user) return { refusal: jsonReply({ message: MESSAGES.signedOut }, 401) };
  const id = postIdField.safeParse((await params).id);
  if (!mayPerform(user, action)) {
    await logDenied(user, action, id.success ? String(id.data) : "");
    return { refusal: jsonReply({ message: MESSAGES.forbidden }, 403) };
  }
  if (!id.success) return { refusal: jsonReply({ message: id.error.issues[0]?.message ?? MESSAGES.invalid }, 404) };
  return { user, id: id.data };
}
