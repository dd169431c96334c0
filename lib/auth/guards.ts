import "server-only";
import type { z } from "zod";
import type { Action } from "@/lib/auth/permissions";
import { MESSAGES, type ChangeFailure } from "@/lib/dal/result";
import { logDenied, mayPerform, verifySession, type SessionUser } from "@/lib/dal/session";
import { isSameOrigin } from "@/lib/security/same-origin";

/*
 * The guards every entry point passes before the data layer (which checks again beside each
 * query): `authorizedAction` for server actions, `staffRequest` for route handlers. Both verify
 * the session, require the role's permission for the action (refusals logged), and refuse people
 * who still owe a first step (a new password, two-factor enrolment) unless told otherwise.
 */

export { MESSAGES };

/** What every form action returns: a message, errors per field, and what the user typed (never passwords). */
export type ActionState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** One-time data to show after success, e.g. a generated temporary password. */
  secret?: string;
  /** A small DTO a lookup form shows (the posts a search found), never a whole record. */
  data?: unknown;
};

/**
 * A refused change as its form shows it: what was typed kept, and the message next to its field
 * when it has one. A version conflict is form-level: the hidden version field is nothing to fix by hand.
 */
export function refusedState(result: ChangeFailure, values: Record<string, string>): ActionState {
  if (!result.field || result.field === "version") return { message: result.message, values };
  return { message: MESSAGES.invalid, errors: { [result.field]: result.message }, values };
}

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    // A password is never sent back to the browser, not even to refill a form.
    if (/password|code/i.test(key)) continue;
    values[key] = value;
  }
  return values;
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Every server action is a public POST endpoint, so each one goes through here: the session is
 * verified, the role must allow `action` (refusals are logged), the form is validated with zod,
 * and only then does the handler run. Users who still have to change their password or enrol
 * in two-factor sign-in can only run actions marked `allowPending`.
 */
export function authorizedAction<S extends z.ZodType>(
  action: Action,
  schema: S,
  handler: (data: z.infer<S>, user: SessionUser, values: Record<string, string>) => Promise<ActionState>,
  options: { allowPending?: boolean } = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = typedValues(formData);
    const user = await verifySession();
    if (!user) return { message: MESSAGES.signedOut, values };
    if (!mayPerform(user, action, options)) {
      await logDenied(user, action, String(formData.get("id") ?? ""));
      return { message: MESSAGES.forbidden, values };
    }
    const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
    if (!parsed.success) return { message: MESSAGES.invalid, errors: fieldErrors(parsed.error), values };
    try {
      return await handler(parsed.data, user, values);
    } catch (error) {
      console.error(`[action ${action}]`, error);
      return { message: MESSAGES.failed, values };
    }
  };
}

const NO_STORE = { "Cache-Control": "private, no-store" };

/** A JSON answer of a route handler; never stored by any cache. */
export const jsonReply = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });

/**
 * The one error shape of every route handler: `{ "error": "<Vietnamese message>" }`, with the
 * `field` it concerns when there is one, and anything else the caller needs (a conflict's current version).
 */
export const jsonError = (message: string, status: number, extra: Record<string, unknown> = {}) => jsonReply({ ...extra, error: message }, status);

/**
 * The checks every staff route handler makes before anything else: same origin for changes (Next
 * checks it for server actions only), a live session (401, which the editor answers with its
 * sign-in dialog) and the role's permission (refusals logged, with `target`). Either the user, or
 * the JSON refusal to answer with.
 */
export async function staffRequest(request: Request, action: Action, target: string | number = ""): Promise<{ user: SessionUser } | { refusal: Response }> {
  if (request.method !== "GET" && !isSameOrigin(request)) return { refusal: jsonError(MESSAGES.badRequest, 403) };
  const user = await verifySession();
  if (!user) return { refusal: jsonError(MESSAGES.signedOut, 401) };
  if (!mayPerform(user, action)) {
    await logDenied(user, action, String(target));
    return { refusal: jsonError(MESSAGES.forbidden, 403) };
  }
  return { user };
}

/** staffRequest for a route under `[id]`, plus an id that `idField` accepts (404 otherwise). */
export async function staffIdRequest(
  request: Request,
  params: Promise<{ id: string }>,
  action: Action,
  idField: z.ZodType<number>,
): Promise<{ user: SessionUser; id: number } | { refusal: Response }> {
  const id = idField.safeParse((await params).id);
  const checked = await staffRequest(request, action, id.success ? id.data : "");
  if ("refusal" in checked) return checked;
  if (!id.success) return { refusal: jsonError(id.error.issues[0]?.message ?? MESSAGES.invalid, 404) };
  return { user: checked.user, id: id.data };
}
