import "server-only";
import type { z } from "zod";
import type { Action } from "@/lib/auth/permissions";
import { logDenied, mayPerform, verifySession, type SessionUser } from "./session";

/** What every form action returns: a message, errors per field, and what the user typed (never passwords). */
export type ActionState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** One-time data to show after success, e.g. a generated temporary password. */
  secret?: string;
};

export const MESSAGES = {
  signedOut: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
  forbidden: "Bạn không có quyền thực hiện thao tác này.",
  invalid: "Vui lòng sửa các mục được đánh dấu bên dưới.",
  failed: "Không lưu được do lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị viên.",
} as const;

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
