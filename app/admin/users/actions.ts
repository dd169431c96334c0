"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction, refusedState } from "@/lib/auth/guards";
import { createUser, resetUserPassword, resetUserTwoFactor, setUserDisabled, signOutUserEverywhere, updateUser } from "@/lib/dal/users";
import { createUserSchema, resetPasswordSchema, updateUserSchema, userIdSchema } from "@/lib/validations/user";

function refreshUser(id: number): void {
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${id}`);
}

export const createUserAction = authorizedAction("user:manage", createUserSchema, async (data, _user, values) => {
  const result = await createUser(data);
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/users");
  // The form starts empty again; the generated password travels once, in `secret`.
  return { ok: true, message: `${result.message} Bạn có thể tạo tiếp người dùng khác.`, secret: result.temporaryPassword, values: { createdEmail: data.email } };
});

export const updateUserAction = authorizedAction("user:manage", updateUserSchema, async ({ id, ...data }, _user, values) => {
  const result = await updateUser(id, data);
  if (!result.ok) return refusedState(result, values);
  refreshUser(id);
  // No values back: the form shows the stored (cleaned) name and unit from the refreshed page.
  return { ok: true, message: result.message };
});

export const disableUserAction = authorizedAction("user:manage", userIdSchema, async ({ id }, _user, values) => {
  const result = await setUserDisabled(id, true);
  if (!result.ok) return refusedState(result, values);
  refreshUser(id);
  return { ok: true, message: result.message };
});

export const enableUserAction = authorizedAction("user:manage", userIdSchema, async ({ id }, _user, values) => {
  const result = await setUserDisabled(id, false);
  if (!result.ok) return refusedState(result, values);
  refreshUser(id);
  return { ok: true, message: result.message };
});

export const resetUserPasswordAction = authorizedAction("user:manage", resetPasswordSchema, async ({ id, password }, _user, values) => {
  const result = await resetUserPassword(id, password);
  if (!result.ok) return refusedState(result, values);
  refreshUser(id);
  return { ok: true, message: result.message, secret: result.temporaryPassword };
});

export const signOutUserEverywhereAction = authorizedAction("user:manage", userIdSchema, async ({ id }, _user, values) => {
  const result = await signOutUserEverywhere(id);
  if (!result.ok) return refusedState(result, values);
  refreshUser(id);
  return { ok: true, message: result.message };
});

export const resetUserTwoFactorAction = authorizedAction("user:manage", userIdSchema, async ({ id }, _user, values) => {
  const result = await resetUserTwoFactor(id);
  if (!result.ok) return refusedState(result, values);
  refreshUser(id);
  return { ok: true, message: result.message };
});
