import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { logActivity } from "@/lib/dal/activity/log";
import { getDb } from "@/lib/dal/connection";

/** Whether a session's account is still good for it: active, and the token version it was signed with. */
export function sessionAccountIsCurrent(uid: number, tokenVersion: number): boolean {
  const user = getDb().select({ status: users.status, tokenVersion: users.tokenVersion }).from(users).where(eq(users.id, uid)).get();
  return Boolean(user && user.status === "active" && user.tokenVersion === tokenVersion);
}

export function logSignOut(uid: number, name: string): void {
  logActivity(getDb(), { actor: { id: uid, name }, action: "auth.sign-out", objectType: "user", objectId: uid });
}
