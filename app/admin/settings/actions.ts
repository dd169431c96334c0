"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ROLES } from "@/db/vocabulary";
import { authorizedAction, refusedState } from "@/lib/auth/guards";
import { updateBackupSchedule } from "@/lib/dal/backups";
import { updateTwoFactorPolicy } from "@/lib/dal/settings";
import { updateSiteSettings } from "@/lib/dal/site";
import { siteSettingsSchema } from "@/lib/validations/site";

// One checkbox per role (`totp-admin`…): a plain object keeps one value per name, so a shared name would lose ticks.
const checkbox = z.literal("on", { error: "Giá trị không hợp lệ." }).optional();
const policySchema = z.object({ "totp-admin": checkbox, "totp-editor": checkbox, "totp-author": checkbox });

export const saveTwoFactorPolicy = authorizedAction("settings:manage", policySchema, async (data, _user, values) => {
  const result = await updateTwoFactorPolicy(ROLES.filter((role) => data[`totp-${role}`] === "on"));
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/settings");
  return { ok: true, message: result.message, values };
});

const backupScheduleSchema = z.object({
  enabled: checkbox,
  hour: z.coerce.number({ error: "Vui lòng chọn giờ sao lưu." }).int("Vui lòng chọn giờ sao lưu.").min(0, "Giờ sao lưu từ 0 đến 23.").max(23, "Giờ sao lưu từ 0 đến 23."),
});

export const saveBackupSchedule = authorizedAction("settings:manage", backupScheduleSchema, async (data, _user, values) => {
  const result = await updateBackupSchedule({ enabled: data.enabled === "on", hour: data.hour });
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/settings");
  revalidatePath("/admin");
  return { ok: true, message: result.message, values };
});

export const saveSiteSettings = authorizedAction("settings:manage", siteSettingsSchema, async ({ logo, removeLogo, version, ...fields }, _user, values) => {
  const result = await updateSiteSettings({
    ...fields,
    version,
    removeLogo: removeLogo === "on",
    logo: logo ? { name: logo.name, bytes: Buffer.from(await logo.arrayBuffer()) } : null,
  });
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/settings");
  // The new version, so the next save from this same form is not taken for a stale one.
  return { ok: true, message: result.message, values: { ...values, version: String(result.version), removeLogo: "" } };
});
