import "server-only";
import { getDb } from "@/lib/dal/connection";
import { WRITE } from "@/lib/dal/connection";
import type { Role } from "@/db/schema";
import { logActivity } from "@/lib/dal/activity/log";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { setTotpRequiredRoles, totpRequiredRoles } from "@/lib/dal/settings/two-factor-policy";
import { requirePermission, type SessionUser } from "@/lib/dal/session";

/** Which roles must sign in with a second factor; for the settings page. */
export async function twoFactorPolicy(): Promise<Role[]> {
  await requirePermission("settings:manage");
  return totpRequiredRoles(getDb());
}

/** Saves the policy; `user` comes from authorizedAction, and the permission is checked again beside the write. */
export function updateTwoFactorPolicy(user: SessionUser, roles: Role[], ip: string): boolean {
  if (!can(user.role, "settings:manage")) return false;
  const summary = roles.length > 0 ? roles.map((r) => ROLE_LABELS[r]).join(", ") : "không vai trò nào";
  getDb().transaction((tx) => {
    setTotpRequiredRoles(tx, roles);
    logActivity(tx, { actor: { id: user.id, name: user.name }, action: "settings.update", objectType: "settings", objectId: "totpRequiredRoles", summary: `Bắt buộc xác thực hai bước: ${summary}`, ip });
  }, WRITE);
  return true;
}
