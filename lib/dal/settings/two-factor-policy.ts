import "server-only";
import { ROLES, type Role } from "@/db/vocabulary";
import { logActivity } from "@/lib/dal/activity/log";
import { logActor, requireRole, type Actor } from "@/lib/dal/actor";
import { WRITE, type Db } from "@/lib/dal/connection";
import type { ChangeResult } from "@/lib/dal/result";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { readSetting, writeSetting } from "./store";

const TOTP_REQUIRED_ROLES = "totpRequiredRoles";

/** Roles whose members must enrol in two-factor sign-in before they can work. */
export function totpRequiredRoles(db: Pick<Db, "select">): Role[] {
  const value = readSetting(db, TOTP_REQUIRED_ROLES);
  const listed = Array.isArray(value) ? (value as unknown[]) : [];
  return ROLES.filter((role) => listed.includes(role));
}

export function setTotpRequiredRoles(db: Pick<Db, "insert">, roles: Role[]): void {
  writeSetting(db, TOTP_REQUIRED_ROLES, roles);
}

/** The policy for the settings page (admins). */
export function twoFactorPolicyFor(db: Db, actor: Actor | null): Role[] {
  requireRole(actor, "settings:manage");
  return totpRequiredRoles(db);
}

export function updateTwoFactorPolicyFor(db: Db, actor: Actor | null, roles: Role[]): ChangeResult {
  requireRole(actor, "settings:manage");
  const summary = roles.length > 0 ? roles.map((r) => ROLE_LABELS[r]).join(", ") : "không vai trò nào";
  db.transaction((tx) => {
    setTotpRequiredRoles(tx, roles);
    logActivity(tx, { actor: logActor(actor), action: "settings.update", objectType: "settings", objectId: TOTP_REQUIRED_ROLES, summary: `Bắt buộc xác thực hai bước: ${summary}`, ip: actor.ip });
  }, WRITE);
  return { ok: true, message: "Đã lưu cài đặt." };
}
