"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ROLES } from "@/db/schema";
import { authorizedAction, MESSAGES } from "@/lib/auth/guards";
import { requestIp } from "@/lib/dal/session";
import { updateBackupSchedule } from "@/lib/dal/backups";
import { updateTwoFactorPolicy } from "@/lib/dal/settings";

// One checkbox per role (`totp-admin`…): a plain object keeps one value per name, so a shared name would lose ticks.
const checkbox = z.literal("on", { error: "Giá trị không hợp lệ." }).optional();
const policySchema = z.object({ "totp-admin": checkbox, "totp-editor": checkbox, "totp-author": checkbox });

export const saveTwoFactorPolicy = authorizedAction("settings:manage", policySchema, async (data, user, values) => {
  const roles = ROLES.filter((role) => data[`totp-${role}`] === "on");
  if (!updateTwoFactorPolicy(user, roles, await requestIp())) return { message: MESSAGES.forbidden, values };
  revalidatePath("/admin/settings");
  return { ok: true, message: "Đã lưu cài đặt.", values };
});

const backupScheduleSchema = z.object({
  enabled: checkbox,
  hour: z.coerce.number({ error: "Vui lòng chọn giờ sao lưu." }).int("Vui lòng chọn giờ sao lưu.").min(0, "Giờ sao lưu từ 0 đến 23.").max(23, "Giờ sao lưu từ 0 đến 23."),
});

export const saveBackupSchedule = authorizedAction("settings:manage", backupScheduleSchema, async (data, user, values) => {
  if (!updateBackupSchedule(user, { enabled: data.enabled === "on", hour: data.hour }, await requestIp())) return { message: MESSAGES.forbidden, values };
  revalidatePath("/admin/settings");
  revalidatePath("/admin");
  return { ok: true, message: "Đã lưu cài đặt sao lưu.", values };
});
