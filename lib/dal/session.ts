import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/lib/dal/connection";
import { users, type Role } from "@/db/schema";
import { logActivity } from "@/lib/dal/activity/log";
import { clientIp } from "@/lib/auth/client-ip";
import { authOptions } from "@/lib/auth/options";
import { can, type Action } from "@/lib/auth/permissions";
import { totpRequiredRoles } from "@/lib/dal/settings/two-factor-policy";

export type SessionUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  unit: string;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  /** The admin requires two-factor sign-in for this role and the user has not enrolled yet. */
  mustEnrollTotp: boolean;
};

/**
 * The signed-in staff member for this request, read fresh from the database (role, status), or
 * null. The session callback has already refused disabled users, old token versions and
 * sessions past their absolute lifetime. Cached per request.
 */
export const verifySession = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: unknown } | undefined)?.id;
  if (typeof id !== "number") return null;
  const db = getDb();
  const user = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      unit: users.unit,
      status: users.status,
      mustChangePassword: users.mustChangePassword,
      totpSecret: users.totpSecret,
    })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!user || user.status !== "active") return null;
  const totpEnabled = user.totpSecret !== null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    unit: user.unit,
    mustChangePassword: user.mustChangePassword,
    totpEnabled,
    mustEnrollTotp: !totpEnabled && totpRequiredRoles(db).includes(user.role),
  };
});

/**
 * Whether the user may do `action` now: their role allows it, and no first step (a new password,
 * two-factor enrolment) is still pending. The one rule for actions and route handlers alike.
 */
export function mayPerform(user: SessionUser, action: Action, options: { allowPending?: boolean } = {}): boolean {
  const pending = user.mustChangePassword || user.mustEnrollTotp;
  return can(user.role, action) && (!pending || Boolean(options.allowPending));
}

export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}

/** Records a refused attempt (e.g. an author calling an admin action directly). */
export async function logDenied(user: SessionUser | null, action: Action, objectId = ""): Promise<void> {
  logActivity(getDb(), {
    actor: user ? { id: user.id, name: user.name } : null,
    action: "security.denied",
    objectType: action,
    objectId,
    ip: await requestIp(),
  });
}

/** For pages: the user, or a redirect to sign in; unfinished first steps (new password, 2FA) come first. */
export async function requireUser(options: { allowPending?: boolean } = {}): Promise<SessionUser> {
  const user = await verifySession();
  if (!user) redirect("/login");
  if (!options.allowPending) {
    if (user.mustChangePassword) redirect("/admin/profile/password");
    if (user.mustEnrollTotp) redirect("/admin/profile/two-factor");
  }
  return user;
}

/** For pages: the user if their role allows `action`, else a 403 page (and the attempt is logged). */
export async function requirePermission(action: Action): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, action)) {
    await logDenied(user, action);
    forbidden();
  }
  return user;
}
