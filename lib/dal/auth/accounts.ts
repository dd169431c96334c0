import "server-only";
import { randomInt } from "node:crypto";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { WRITE } from "@/lib/dal/connection";
import { users, type Role } from "@/db/schema";
import { logActivity, type Actor } from "@/lib/dal/activity/log";
import { hashPassword } from "@/lib/auth/password-hash";
import { passwordProblem } from "@/lib/auth/password-rules";
import { normalizeEmail } from "@/lib/auth/email";

type Tx = Pick<Db, "update">;

const WORDS_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A temporary password that is easy to read out: four groups of four, about 80 bits. */
export function generatePassword(): string {
  return Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => WORDS_ALPHABET[randomInt(WORDS_ALPHABET.length)]).join("")).join("-");
}

/** Ends every session of the user at their next request (disable, role change, password reset, sign out everywhere). */
export function bumpTokenVersion(tx: Tx, userId: number): void {
  tx.update(users).set({ tokenVersion: sql`${users.tokenVersion} + 1` }).where(eq(users.id, userId)).run();
}

/** True when this user is the only active admin, who therefore may not be disabled or demoted. */
export function isLastActiveAdmin(db: Pick<Db, "select">, userId: number): boolean {
  const others = db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active"), ne(users.id, userId)))
    .get()?.n;
  return (others ?? 0) === 0;
}

export type CreateAccountInput = {
  email: string;
  name: string;
  role: Role;
  unit: string;
  /** Omitted: one is generated, returned once, and must be changed at first sign-in. */
  password?: string;
  mustChangePassword: boolean;
  actor: Actor;
  ip?: string;
};
export type CreateAccountResult =
  | { ok: true; id: number; email: string; generatedPassword?: string }
  | { ok: false; field: "email" | "password" | "name"; message: string };

export async function createAccount(db: Db, input: CreateAccountInput): Promise<CreateAccountResult> {
  const email = normalizeEmail(input.email);
  const name = input.name.normalize("NFC").trim();
  if (!name) return { ok: false, field: "name", message: "Vui lòng nhập họ tên." };
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    return { ok: false, field: "email", message: "Đã có tài khoản dùng e-mail này." };
  }
  const generatedPassword = input.password ? undefined : generatePassword();
  const password = input.password ?? generatedPassword!;
  if (input.password) {
    const problem = passwordProblem(password, email);
    if (problem) return { ok: false, field: "password", message: problem };
  }
  const passwordHash = await hashPassword(password);
  const id = db.transaction((tx) => {
    const created = tx
      .insert(users)
      .values({
        email,
        name,
        role: input.role,
        unit: input.unit.normalize("NFC").trim(),
        passwordHash,
        mustChangePassword: input.mustChangePassword || Boolean(generatedPassword),
      })
      .returning({ id: users.id })
      .get();
    logActivity(tx, {
      actor: input.actor,
      action: "user.create",
      objectType: "user",
      objectId: created.id,
      summary: `${name} <${email}>, vai trò ${input.role}`,
      ip: input.ip,
    });
    return created.id;
  }, WRITE);
  return { ok: true, id, email, generatedPassword };
}
