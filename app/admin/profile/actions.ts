"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { passwordProblem } from "@/lib/auth/password-rules";
import { userNameField } from "@/lib/validations/user";
import { reissueSessionCookie } from "@/lib/auth/session-cookie";
import { authorizedAction, MESSAGES, type ActionState } from "@/lib/auth/guards";
import {
  cancelTotpEnrolment,
  changeOwnName,
  changeOwnPassword,
  checkOwnPassword,
  checkOwnPasswordOrCode,
  confirmTotpEnrolment,
  disableTotp,
  regenerateRecoveryCodes,
  signOutEverywhere,
  startTotpEnrolment,
  twoFactorStatus,
  type PasswordCheck,
} from "@/lib/dal/profile";

const LOCKED = "Nhập sai quá nhiều lần nên thao tác này tạm thời bị chặn. Vui lòng thử lại sau 15 phút.";

const text = (missing: string) => z.string({ error: missing });

const nameSchema = z.object({ name: userNameField });

export const updateOwnName = authorizedAction("admin:enter", nameSchema, async ({ name }, user, values) => {
  if (name === user.name) return { ok: true, message: "Họ tên không thay đổi.", values };
  await changeOwnName(name);
  // The session's name is what the sign-out entry of the log records, so it follows the change.
  await reissueSessionCookie(user.id, { name });
  revalidatePath("/admin", "layout");
  return { ok: true, message: "Đã lưu họ tên.", values: { name } };
});

export const signOutOtherSessions = authorizedAction("admin:enter", z.object({}), async (_data, user) => {
  const tv = await signOutEverywhere();
  const kept = await reissueSessionCookie(user.id, { tv });
  return {
    ok: true,
    message: kept
      ? "Đã đăng xuất khỏi mọi thiết bị khác. Bạn vẫn đăng nhập trên trình duyệt này."
      : "Đã đăng xuất khỏi mọi thiết bị. Vui lòng đăng nhập lại.",
  };
});

const passwordSchema = z.object({
  currentPassword: text("Vui lòng nhập mật khẩu hiện tại.").min(1, "Vui lòng nhập mật khẩu hiện tại."),
  newPassword: text("Vui lòng nhập mật khẩu mới.").min(1, "Vui lòng nhập mật khẩu mới."),
  confirmPassword: text("Vui lòng nhập lại mật khẩu mới.").min(1, "Vui lòng nhập lại mật khẩu mới."),
});

const changeOwnPasswordAction = authorizedAction(
  "admin:enter",
  passwordSchema,
  async ({ currentPassword, newPassword, confirmPassword }, user, values) => {
    const errors: Record<string, string> = {};
    const problem = passwordProblem(newPassword, user.email);
    if (problem) errors.newPassword = problem;
    else if (newPassword === currentPassword) errors.newPassword = "Mật khẩu mới phải khác mật khẩu hiện tại.";
    if (newPassword !== confirmPassword) errors.confirmPassword = "Mật khẩu nhập lại không khớp với mật khẩu mới.";
    if (Object.keys(errors).length > 0) return { message: MESSAGES.invalid, errors, values };

    const check = await checkOwnPassword(currentPassword);
    if (check === "locked") return { message: LOCKED, values };
    if (check === "wrong") return { message: MESSAGES.invalid, errors: { currentPassword: "Mật khẩu hiện tại không đúng." }, values };

    const tv = await changeOwnPassword(newPassword);
    // Every other session ends with the bump; this browser gets a cookie with the new version.
    await reissueSessionCookie(user.id, { tv });
    return { ok: true, message: "Đã đổi mật khẩu." };
  },
  { allowPending: true },
);

/** A redirect is thrown, and authorizedAction turns anything thrown into an error message: redirect out here. */
export async function changePassword(previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await changeOwnPasswordAction(previous, formData);
  if (result.ok) redirect("/admin");
  return result;
}

const proof = text("Vui lòng nhập mật khẩu hoặc mã xác thực.").min(1, "Vui lòng nhập mật khẩu hoặc mã xác thực.");

const twoFactorSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("start") }),
    z.object({ intent: z.literal("cancel") }),
    z.object({ intent: z.literal("confirm"), code: text("Vui lòng nhập mã 6 số.").min(1, "Vui lòng nhập mã 6 số.") }),
    z.object({ intent: z.literal("disable"), currentPasswordOrCode: proof }),
    z.object({ intent: z.literal("regenerate"), currentPasswordOrCode: proof }),
  ],
  { error: "Thao tác không hợp lệ." },
);

function proofError(check: PasswordCheck, values: Record<string, string>): ActionState | null {
  if (check === "locked") return { message: LOCKED, values };
  if (check === "wrong") return { message: MESSAGES.invalid, errors: { currentPasswordOrCode: "Mật khẩu hoặc mã xác thực không đúng." }, values };
  return null;
}

/**
 * Every step of two-factor sign-in goes through one action, so the page keeps one state and the
 * recovery codes (shown once) stay on screen after the page re-renders.
 */
export const manageTwoFactor = authorizedAction(
  "admin:enter",
  twoFactorSchema,
  async (data, user, values): Promise<ActionState> => {
    // The temporary password comes first: it is not proof of anything to protect a second factor with.
    if (user.mustChangePassword) return { message: "Vui lòng đổi mật khẩu tạm thời trước.", values };
    const status = await twoFactorStatus();
    let result: ActionState;
    switch (data.intent) {
      case "start":
        if (status.enabled) return { message: "Xác thực hai bước đã được bật.", values };
        await startTotpEnrolment();
        result = { ok: true, message: "Quét mã QR bằng ứng dụng xác thực rồi nhập mã 6 số để hoàn tất." };
        break;
      case "cancel":
        await cancelTotpEnrolment();
        result = { ok: true, message: "Đã huỷ việc bật xác thực hai bước." };
        break;
      case "confirm": {
        const confirmed = await confirmTotpEnrolment(data.code);
        if (!confirmed.ok) {
          return confirmed.reason === "wrong-code"
            ? { message: MESSAGES.invalid, errors: { code: "Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trên ứng dụng." }, values }
            : { message: "Chưa bắt đầu bật xác thực hai bước, hoặc đã bật rồi. Vui lòng tải lại trang.", values };
        }
        result = { ok: true, message: "Đã bật xác thực hai bước.", secret: confirmed.recoveryCodes.join("\n") };
        break;
      }
      case "disable": {
        if (!status.enabled) return { message: "Xác thực hai bước chưa được bật.", values };
        if (!status.mayDisable) return { message: "Tài khoản của bạn bắt buộc dùng xác thực hai bước nên không thể tắt.", values };
        const refused = proofError(await checkOwnPasswordOrCode(data.currentPasswordOrCode), values);
        if (refused) return refused;
        await disableTotp();
        result = { ok: true, message: "Đã tắt xác thực hai bước." };
        break;
      }
      case "regenerate": {
        const refused = proofError(await checkOwnPasswordOrCode(data.currentPasswordOrCode), values);
        if (refused) return refused;
        const codes = await regenerateRecoveryCodes();
        if (!codes) return { message: "Xác thực hai bước chưa được bật.", values };
        result = { ok: true, message: "Đã tạo mã khôi phục mới; các mã cũ không còn dùng được.", secret: codes.join("\n") };
        break;
      }
    }
    revalidatePath("/admin/profile/two-factor");
    return result;
  },
  { allowPending: true },
);
