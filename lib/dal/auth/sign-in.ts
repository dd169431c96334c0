import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { WRITE } from "@/lib/dal/connection";
import { recoveryCodes, users } from "@/db/schema";
import { normalizeEmail } from "@/lib/auth/email";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password-hash";
import { hashRecoveryCode, totpStep } from "@/lib/auth/totp";
import { logActivity } from "@/lib/dal/activity/log";
import { claimSignInAttempt, recordSignInAttempt, settleSignInAttempt } from "@/lib/dal/auth/throttle";

export type SignInFailure =
  | { ok: false; code: "CREDENTIALS" }
  | { ok: false; code: "LOCKED"; until: Date }
  | { ok: false; code: "TOTP_REQUIRED" }
  | { ok: false; code: "TOTP_INVALID" };
export type SignInResult = { ok: true; user: { id: number; name: string; email: string; tokenVersion: number } } | SignInFailure;

function consumeRecoveryCode(db: Db, userId: number, code: string): boolean {
  const hash = hashRecoveryCode(code);
  const result = db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hash), isNull(recoveryCodes.usedAt)))
    .run();
  return result.changes === 1;
}

/**
 * The whole sign-in decision: throttling (per account and per IP, stored in the database), the
 * password (same message and similar time whether or not the e-mail exists), the second factor,
 * the activity log, and upgrading an old password hash.
 */
export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; code?: string; ip: string },
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const ip = input.ip;
  // Counted as a failure before the password is checked; settled below when it turns out otherwise.
  const claim = claimSignInAttempt(db, email, ip);
  if ("lockedUntil" in claim) {
    recordSignInAttempt(db, { email, ip, outcome: "locked" });
    logActivity(db, { actor: null, action: "auth.sign-in-locked", objectType: "email", objectId: email, ip });
    return { ok: false, code: "LOCKED", until: claim.lockedUntil };
  }

  const user = db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status, passwordHash: users.passwordHash, tokenVersion: users.tokenVersion, totpSecret: users.totpSecret, totpLastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.email, email))
    .get();
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password.slice(0, 1024));
  if (!user || !passwordOk || user.status !== "active") {
    logActivity(db, { actor: user ? { id: user.id, name: user.name } : null, action: "auth.sign-in-failed", objectType: "email", objectId: email, ip });
    return { ok: false, code: "CREDENTIALS" };
  }

  let acceptedStep: number | null = null;
  if (user.totpSecret) {
    const code = input.code?.trim() ?? "";
    if (!code) {
      settleSignInAttempt(db, claim.attemptId, null);
      return { ok: false, code: "TOTP_REQUIRED" };
    }
    const step = totpStep(user.totpSecret, code);
    // A code seen once (e.g. read over a shoulder, or replayed) is refused within its window too.
    if (step !== null && step > (user.totpLastStep ?? -1)) acceptedStep = step;
    else if (!consumeRecoveryCode(db, user.id, code)) {
      logActivity(db, { actor: { id: user.id, name: user.name }, action: "auth.sign-in-failed", objectType: "email", objectId: email, summary: "Sai mã xác thực hai bước", ip });
      return { ok: false, code: "TOTP_INVALID" };
    }
  }

  const upgraded = user.passwordHash && needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  db.transaction((tx) => {
    tx.update(users)
      .set({ lastSignInAt: new Date(), ...(upgraded ? { passwordHash: upgraded } : {}), ...(acceptedStep !== null ? { totpLastStep: acceptedStep } : {}) })
      .where(eq(users.id, user.id))
      .run();
    settleSignInAttempt(tx, claim.attemptId, "success");
    logActivity(tx, { actor: { id: user.id, name: user.name }, action: "auth.sign-in", objectType: "user", objectId: user.id, ip });
  }, WRITE);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, tokenVersion: user.tokenVersion } };
}
