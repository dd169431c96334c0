import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { recoveryCodes, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp } from "@/lib/auth/totp";
import { logActivity } from "@/lib/dal/activity/log";
import { logActor, requireRole, type Actor } from "@/lib/dal/actor";
import { bumpTokenVersion } from "@/lib/dal/auth/accounts";
import { recordSignInAttempt, signInLock } from "@/lib/dal/auth/throttle";
import { WRITE, type Db } from "@/lib/dal/connection";
import { totpRequiredRoles } from "@/lib/dal/settings/two-factor-policy";

/*
 * The signed-in person's own account. Every function takes the database and the actor, and the
 * object is always the actor's own row, so the session check is the ownership check; ./index.ts
 * runs them as the signed-in person, who may still owe a first step (a new password, two-factor
 * enrolment): this is where those steps are taken.
 */

function requireSelf(actor: Actor | null): asserts actor is Actor {
  requireRole(actor, "admin:enter");
}

function currentTokenVersion(tx: Pick<Db, "select">, userId: number): number {
  return tx.select({ tv: users.tokenVersion }).from(users).where(eq(users.id, userId)).get()?.tv ?? -1;
}

export type PasswordCheck = "ok" | "wrong" | "locked";

/**
 * Re-checks the password of someone already signed in (before changing it or turning off
 * two-factor sign-in). A wrong one counts as a failed sign-in, so these forms cannot be used to
 * guess a password past the lockout.
 */
export async function checkOwnPasswordFor(db: Db, actor: Actor | null, password: string): Promise<PasswordCheck> {
  requireSelf(actor);
  const row = db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).get();
  if (!row) return "wrong";
  if (signInLock(db, row.email, actor.ip)) return "locked";
  if (await verifyPassword(row.passwordHash, password.slice(0, 1024))) return "ok";
  recordSignInAttempt(db, { email: row.email, ip: actor.ip, outcome: "failure" });
  return "wrong";
}

/** Either the password or a current authenticator code proves it is still the owner at the keyboard. */
export async function checkOwnPasswordOrCodeFor(db: Db, actor: Actor | null, value: string): Promise<PasswordCheck> {
  requireSelf(actor);
  const digits = value.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(digits)) return checkOwnPasswordFor(db, actor, value);
  const row = db.select({ email: users.email, totpSecret: users.totpSecret }).from(users).where(eq(users.id, actor.id)).get();
  if (!row) return "wrong";
  if (signInLock(db, row.email, actor.ip)) return "locked";
  if (row.totpSecret && verifyTotp(row.totpSecret, digits)) return "ok";
  recordSignInAttempt(db, { email: row.email, ip: actor.ip, outcome: "failure" });
  return "wrong";
}

export function changeOwnNameFor(db: Db, actor: Actor | null, name: string): void {
  requireSelf(actor);
  db.transaction((tx) => {
    tx.update(users).set({ name }).where(eq(users.id, actor.id)).run();
    logActivity(tx, { actor: { id: actor.id, name }, action: "user.update", objectType: "user", objectId: actor.id, summary: `Đổi tên: ${actor.name} → ${name}`, ip: actor.ip });
  }, WRITE);
}

/** Stores the new password, ends every other session, and returns the new token version for this one. */
export async function changeOwnPasswordFor(db: Db, actor: Actor | null, newPassword: string): Promise<number> {
  requireSelf(actor);
  const passwordHash = await hashPassword(newPassword);
  return db.transaction((tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, actor.id)).run();
    bumpTokenVersion(tx, actor.id);
    logActivity(tx, { actor: logActor(actor), action: "user.change-password", objectType: "user", objectId: actor.id, ip: actor.ip });
    return currentTokenVersion(tx, actor.id);
  }, WRITE);
}

/** Ends every session of the user; returns the new token version so the caller's own session can carry it. */
export function signOutEverywhereFor(db: Db, actor: Actor | null): number {
  requireSelf(actor);
  return db.transaction((tx) => {
    bumpTokenVersion(tx, actor.id);
    logActivity(tx, { actor: logActor(actor), action: "auth.sign-out-everywhere", objectType: "user", objectId: actor.id, ip: actor.ip });
    return currentTokenVersion(tx, actor.id);
  }, WRITE);
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

export function twoFactorStatusFor(db: Db, actor: Actor | null): TwoFactorStatus {
  requireSelf(actor);
  const row = db.select({ totpSecret: users.totpSecret, pending: users.totpPendingSecret }).from(users).where(eq(users.id, actor.id)).get();
  const enabled = Boolean(row?.totpSecret);
  const left = db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, actor.id), isNull(recoveryCodes.usedAt)))
    .get()?.n;
  const requiredForRole = totpRequiredRoles(db).includes(actor.role);
  return {
    enabled,
    pendingSecret: enabled ? null : (row?.pending ?? null),
    recoveryCodesLeft: left ?? 0,
    // Admins keep it once enrolled: the accounts that can do the most are never one password away.
    mayDisable: enabled && !requiredForRole && actor.role !== "admin",
    requiredForRole,
  };
}

/** Starts (or restarts) enrolment with a fresh secret that only becomes active once a code from it is confirmed. */
export function startTotpEnrolmentFor(db: Db, actor: Actor | null): void {
  requireSelf(actor);
  db.update(users)
    .set({ totpPendingSecret: newTotpSecret() })
    .where(and(eq(users.id, actor.id), isNull(users.totpSecret)))
    .run();
}

export function cancelTotpEnrolmentFor(db: Db, actor: Actor | null): void {
  requireSelf(actor);
  db.update(users).set({ totpPendingSecret: null }).where(eq(users.id, actor.id)).run();
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
export function confirmTotpEnrolmentFor(db: Db, actor: Actor | null, code: string): EnrolmentResult {
  requireSelf(actor);
  return db.transaction((tx): EnrolmentResult => {
    const row = tx.select({ totpSecret: users.totpSecret, pending: users.totpPendingSecret }).from(users).where(eq(users.id, actor.id)).get();
    if (!row?.pending || row.totpSecret) return { ok: false, reason: "no-pending" };
    if (!verifyTotp(row.pending, code)) return { ok: false, reason: "wrong-code" };
    tx.update(users).set({ totpSecret: row.pending, totpPendingSecret: null }).where(eq(users.id, actor.id)).run();
    const codes = replaceRecoveryCodes(tx, actor.id);
    logActivity(tx, { actor: logActor(actor), action: "user.totp-enable", objectType: "user", objectId: actor.id, ip: actor.ip });
    return { ok: true, recoveryCodes: codes };
  }, WRITE);
}

export function disableTotpFor(db: Db, actor: Actor | null): void {
  requireSelf(actor);
  db.transaction((tx) => {
    tx.update(users).set({ totpSecret: null, totpPendingSecret: null }).where(eq(users.id, actor.id)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id)).run();
    logActivity(tx, { actor: logActor(actor), action: "user.totp-disable", objectType: "user", objectId: actor.id, ip: actor.ip });
  }, WRITE);
}

/** New recovery codes replace all old ones (used or not); returned once to show, or null without two-factor sign-in. */
export function regenerateRecoveryCodesFor(db: Db, actor: Actor | null): string[] | null {
  requireSelf(actor);
  return db.transaction((tx) => {
    const enabled = tx.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, actor.id)).get()?.totpSecret;
    if (!enabled) return null;
    const codes = replaceRecoveryCodes(tx, actor.id);
    logActivity(tx, { actor: logActor(actor), action: "user.update", objectType: "user", objectId: actor.id, summary: "Tạo lại mã khôi phục xác thực hai bước", ip: actor.ip });
    return codes;
  }, WRITE);
}
