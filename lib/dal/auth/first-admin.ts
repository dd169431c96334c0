import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { users } from "@/db/schema";
import { createAccount } from "@/lib/dal/auth/accounts";

export type FirstAdmin = { email: string; password?: string } | null;

/**
 * On a database without an admin, creates one: from ADMIN_EMAIL / ADMIN_PASSWORD when set, else
 * admin@localhost with a generated temporary password that is returned (to print once) and must
 * be changed at first sign-in.
 */
export async function ensureFirstAdmin(
  db: Db,
  env: Record<string, string | undefined> = process.env,
): Promise<FirstAdmin> {
  if (db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).get()) return null;
  const email = env.ADMIN_EMAIL?.trim() || "admin@localhost";
  const result = await createAccount(db, {
    email,
    name: "Quản trị viên",
    role: "admin",
    unit: "",
    password: env.ADMIN_PASSWORD || undefined,
    mustChangePassword: !env.ADMIN_PASSWORD,
    actor: null,
  });
  if (!result.ok) throw new Error(`Could not create the first admin (${email}): ${result.message}`);
  return { email: result.email, password: result.generatedPassword };
}
