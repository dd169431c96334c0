import "server-only";
import type { Action } from "@/lib/auth/permissions";
import { isSameOrigin } from "@/lib/security/same-origin";
import { postIdField } from "@/lib/validations/post";
import { MESSAGES } from "@/lib/auth/guards";
import { logDenied, mayPerform, verifySession, type SessionUser } from "./session";

const NO_STORE = { "Cache-Control": "private, no-store" };

export const jsonReply = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });

/**
 * The checks every staff route handler makes before anything else: same origin for changes (Next
 * checks it for server actions only), a live session (401, which the editor answers with its
 * sign-in dialog) and the role's permission (refusals logged, with `target`). Either the user, or
 * the status and Vietnamese message to refuse with.
 */
export async function staffRequest(
  request: Request,
  action: Action,
  target = "",
): Promise<{ user: SessionUser } | { refusal: { status: 401 | 403; message: string } }> {
  if (request.method !== "GET" && !isSameOrigin(request)) return { refusal: { status: 403, message: "Yêu cầu không hợp lệ." } };
  const user = await verifySession();
  if (!user) return { refusal: { status: 401, message: MESSAGES.signedOut } };
  if (!mayPerform(user, action)) {
    await logDenied(user, action, target);
    return { refusal: { status: 403, message: MESSAGES.forbidden } };
  }
  return { user };
}

/** staffRequest for a route under /api/posts/[id]/, plus a well-formed post id (404 otherwise). */
export async function staffPostRequest(
  request: Request,
  params: Promise<{ id: string }>,
  action: Action,
): Promise<{ user: SessionUser; id: number } | { refusal: Response }> {
  const id = postIdField.safeParse((await params).id);
  const checked = await staffRequest(request, action, id.success ? String(id.data) : "");
  if ("refusal" in checked) return { refusal: jsonReply({ message: checked.refusal.message }, checked.refusal.status) };
  if (!id.success) return { refusal: jsonReply({ message: id.error.issues[0]?.message ?? MESSAGES.invalid }, 404) };
  return { user: checked.user, id: id.data };
}
