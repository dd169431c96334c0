import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { ROLES, settings, type Role } from "@/db/schema";

const TOTP_REQUIRED_ROLES = "totpRequiredRoles";

/** Roles whose members must enrol in two-factor sign-in before they can work. */
export function totpRequiredRoles(db: Db): Role[] {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, TOTP_REQUIRED_ROLES)).get();
  const value = Array.isArray(row?.value) ? (row.value as unknown[]) : [];
  return ROLES.filter((role) => value.includes(role));
}

export function setTotpRequiredRoles(db: Pick<Db, "insert">, roles: Role[]): void {
  db.insert(settings)
    .values({ key: TOTP_REQUIRED_ROLES, value: roles })
    .onConflictDoUpdate({ target: settings.key, set: { value: roles, updatedAt: new Date() } })
    .run();
}
