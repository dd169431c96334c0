import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import { WRITE, type Db } from "@/lib/dal/connection";
import { signInAttempts } from "@/db/schema";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  accountLimit: 5,
  ipLimit: 20,
} as const;

type Clock = { now?: Date };

/**
 * When `limit` failures fall within one window, sign-in is refused for lockMs from the failure
 * that reached the limit. Returns the end of that lock, or null.
 */
export function lockEnd(failureTimes: number[], limit: number, now: number): number | null {
  const times = [...failureTimes].sort((a, b) => a - b);
  let end: number | null = null;
  for (let i = limit - 1; i < times.length; i++) {
    if (times[i]! - times[i - limit + 1]! <= THROTTLE.windowMs) end = times[i]! + THROTTLE.lockMs;
  }
  return end !== null && end > now ? end : null;
}

type Reader = Pick<Db, "select">;

function failuresSince(db: Reader, column: "email" | "ip", value: string, since: number): number[] {
  const key = column === "email" ? signInAttempts.email : signInAttempts.ip;
  return db
    .select({ at: signInAttempts.createdAt })
    .from(signInAttempts)
    .where(and(eq(key, value), eq(signInAttempts.outcome, "failure"), gt(signInAttempts.createdAt, new Date(since))))
    .all()
    .map((r) => r.at.getTime());
}

/** Whether this e-mail or this IP is locked out now, and until when. A success resets the account's count. */
export function signInLock(db: Reader, email: string, ip: string, { now = new Date() }: Clock = {}): Date | null {
  const t = now.getTime();
  const horizon = t - THROTTLE.windowMs - THROTTLE.lockMs;
  const lastSuccess = db
    .select({ at: signInAttempts.createdAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.outcome, "success")))
    .orderBy(desc(signInAttempts.createdAt))
    .limit(1)
    .get()?.at.getTime();
  const account = lockEnd(failuresSince(db, "email", email, Math.max(horizon, lastSuccess ?? 0)), THROTTLE.accountLimit, t);
  // The IP count is not reset by a success: one valid account must not reset an attacker's budget.
  const byIp = lockEnd(failuresSince(db, "ip", ip, horizon), THROTTLE.ipLimit, t);
  const end = Math.max(account ?? 0, byIp ?? 0);
  return end > 0 ? new Date(end) : null;
}

export function recordSignInAttempt(
  db: Pick<Db, "insert">,
  attempt: { email: string; ip: string; outcome: "success" | "failure" | "locked" },
  { now = new Date() }: Clock = {},
): void {
  db.insert(signInAttempts).values({ ...attempt, createdAt: now }).run();
}

/**
 * Checks the lock and counts this attempt as a failure in one IMMEDIATE transaction, before the
 * password is verified: simultaneous guesses each see the ones counted before them, so no more
 * than the limit are ever verified. The caller settles the attempt once the outcome is known.
 */
export function claimSignInAttempt(db: Db, email: string, ip: string, { now = new Date() }: Clock = {}): { lockedUntil: Date } | { attemptId: number } {
  return db.transaction((tx) => {
    const lockedUntil = signInLock(tx, email, ip, { now });
    if (lockedUntil) return { lockedUntil };
    const row = tx.insert(signInAttempts).values({ email, ip, outcome: "failure", createdAt: now }).returning({ id: signInAttempts.id }).get();
    return { attemptId: row.id };
  }, WRITE);
}

/** A claimed attempt that succeeded, or (`null`: the password was right and a second factor is asked for) that was no attempt at all. */
export function settleSignInAttempt(db: Pick<Db, "update" | "delete">, attemptId: number, outcome: "success" | null): void {
  if (outcome === null) db.delete(signInAttempts).where(eq(signInAttempts.id, attemptId)).run();
  else db.update(signInAttempts).set({ outcome }).where(eq(signInAttempts.id, attemptId)).run();
}
