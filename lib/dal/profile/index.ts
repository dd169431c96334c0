import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb, type Db } from "@/lib/dal/connection";
import { recoveryCodes, users } from "@/db/schema";
import { logActivity } from "@/lib/dal/activity/log";
import { bumpTokenVersion } from "@/lib/dal/auth/accounts";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { totpRequiredRoles } from "@/lib/dal/settings/two-factor-policy";
import { recordSignInAttempt, signInLock } from "@/lib/dal/auth/throttle";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp } from "@/lib/auth/totp";
import type { SessionUser } from "@/lib/dal/session";

/*
 * The signed-in user's own account. Every function takes the SessionUser that verifySession()
 * returned for this request (authorizedAction and requireUser provide it), and the object is
 * always that user's own row, so the session check is the ownership check.
 */

const actorOf = (user: SessionUser) => ({ id: user.id, name: user.name });

function currentTokenVersion(tx: Pick<Db, "select">, userId: number): number {
  return tx.select({ tv: users.tokenVersion }).from(users).where(eq(users.id, userId)).get()?.tv ?? -1;
}

export type PasswordCheck = "ok" | "wrong" | "locked";

/**
 * Re-checks the password of someone already signed in (before changing it or turning off
 * two-factor sign-in). A wrong one counts as a failed sign-in, so these forms cannot be used to
 * guess a password past the lockout.
 */
export async function checkOwnPassword(user: SessionUser, password: string, ip: string): Promise<PasswordCheck> {
  const db = getDb();
  if (signInLock(db, user.email, ip)) return "locked";
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (await verifyPassword(row?.passwordHash ?? null, password.slice(0, 1024))) return "ok";
  recordSignInAttempt(db, { email: user.email, ip, outcome: "failure" });
  return "wrong";
}

/** Either the password or a current authenticator code proves it is still the owner at the keyboard. */
export async function checkOwnPasswordOrCode(user: SessionUser, value: string, ip: string): Promise<PasswordCheck> {
  const digits = value.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(digits)) return checkOwnPassword(user, value, ip);
  const db = getDb();
  if (signInLock(db, user.email, ip)) return "locked";
  const secret = db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, user.id)).get()?.totpSecret;
  if (secret && verifyTotp(secret, digits)) return "ok";
  recordSignInAttempt(db, { email: user.email, ip, outcome: "failure" });
  return "wrong";
}

export function changeOwnName(user: SessionUser, name: string, ip: string): void {
  getDb().transaction((tx) => {
    tx.update(users).set({ name }).where(eq(users.id, user.id)).run();
    logActivity(tx, { actor: { id: user.id, name }, action: "user.update", objectType: "user", objectId: user.id, summary: `Đổi tên: ${user.name} → ${name}`, ip });
  });
}

/** Stores the new password, ends every other session, and returns the new token version for this one. */
export async function changeOwnPassword(user: SessionUser, newPassword: string, ip: string): Promise<number> {
  const passwordHash = await hashPassword(newPassword);
  return getDb().transaction((tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id)).run();
    bumpTokenVersion(tx, user.id);
    logActivity(tx, { actor: actorOf(user), action: "user.change-password", objectType: "user", objectId: user.id, ip });
    return currentTokenVersion(tx, user.id);
  });
}

/** Ends every session of the user; returns the new token version so the caller's own session can carry it. */
export function signOutEverywhere(user: SessionUser, ip: string): number {
  return getDb().transaction((tx) => {
    bumpTokenVersion(tx, user.id);
    logActivity(tx, { actor: actorOf(user), action: "auth.sign-out-everywhere", objectType: "user", objectId: user.id, ip });
    return currentTokenVersion(tx, user.id);
  });
}

export type TwoFactorStatus = {
  enabled: boolean;
  /** The secret being enrolled, shown to its owner as a QR code until confirmed; null otherwise. */
  pendingSecret: string | null;
  recoveryCodesLeft: number;
  /** False when the admin requires two-factor sign-in for this role, and for admins once enrolled. */
  mayDisable: boolean;
  requiredForRole: boolean;
};

export function twoFactorStatus(user: SessionUser): TwoFactorStatus {
  const db = getDb();
  const row = db.select({ totpSecret: users.totpSecret, pending: users.totpPendingSecret }).from(users).where(eq(users.id, user.id)).get();
  const enabled = Boolean(row?.totpSecret);
  const left = db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)))
    .get()?.n;
  const requiredForRole = totpRequiredRoles(db).includes(user.role);
  return {
    enabled,
    pendingSecret: enabled ? null : (row?.pending ?? null),
    recoveryCodesLeft: left ?? 0,
    // Admins keep it once enrolled: the accounts that can do the most are never one password away.
    mayDisable: enabled && !requiredForRole && user.role !== "admin",
    requiredForRole,
  };
}

/** Starts (or restarts) enrolment with a fresh secret that only becomes active once a code from it is confirmed. */
export function startTotpEnrolment(user: SessionUser): void {
  getDb()
    .update(users)
    .set({ totpPendingSecret: newTotpSecret() })
    .where(and(eq(users.id, user.id), isNull(users.totpSecret)))
    .run();
}

export function cancelTotpEnrolment(user: SessionUser): void {
  getDb().update(users).set({ totpPendingSecret: null }).where(eq(users.id, user.id)).run();
}

function replaceRecoveryCodes(tx: Pick<Db, "delete" | "insert">, userId: number): string[] {
  const codes = newRecoveryCodes(10);
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })))
    .run();
  return codes;
}

export type EnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: "no-pending" | "wrong-code" };

/** Activates the pending secret when `code` comes from it; returns the recovery codes to show once. */
export function confirmTotpEnrolment(user: SessionUser, code: string, ip: string): EnrolmentResult {
  return getDb().transaction((tx): EnrolmentResult => {
    const row = tx.select({ totpSecret: users.totpSecret, pending: users.totpPendingSecret }).from(users).where(eq(users.id, user.id)).get();
    if (!row?.pending || row.totpSecret) return { ok: false, reason: "no-pending" };
    if (!verifyTotp(row.pending, code)) return { ok: false, reason: "wrong-code" };
    tx.update(users).set({ totpSecret: row.pending, totpPendingSecret: null }).where(eq(users.id, user.id)).run();
    const codes = replaceRecoveryCodes(tx, user.id);
    logActivity(tx, { actor: actorOf(user), action: "user.totp-enable", objectType: "user", objectId: user.id, ip });
    return { ok: true, recoveryCodes: codes };
  });
}

export function disableTotp(user: SessionUser, ip: string): void {
  getDb().transaction((tx) => {
    tx.update(users).set({ totpSecret: null, totpPendingSecret: null }).where(eq(users.id, user.id)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).run();
    logActivity(tx, { actor: actorOf(user), action: "user.totp-disable", objectType: "user", objectId: user.id, ip });
  });
}

/** New recovery codes replace all old ones (used or not); returned once to show, or null without two-factor sign-in. */
export function regenerateRecoveryCodes(user: SessionUser, ip: string): string[] | null {
  return getDb().transaction((tx) => {
    const enabled = tx.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, user.id)).get()?.totpSecret;
    if (!enabled) return null;
    const codes = replaceRecoveryCodes(tx, user.id);
    logActivity(tx, { actor: actorOf(user), action: "user.update", objectType: "user", objectId: user.id, summary: "Tạo lại mã khôi phục xác thực hai bước", ip });
    return codes;
  });
}
