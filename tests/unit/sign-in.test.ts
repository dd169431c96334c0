import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/dal/connection";
import { activityLog, users } from "@/db/schema";
import { createAccount } from "@/lib/dal/auth/accounts";
import { ensureFirstAdmin } from "@/lib/dal/auth/first-admin";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password-hash";
import { attemptSignIn } from "@/lib/dal/auth/sign-in";
import { createTempDatabase } from "./helpers/temp-db";

const PASSWORD = "Hoa sen nở giữa hồ thu";
let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = createTempDatabase());
  await createAccount(db, { email: "Bien.Tap@Cuc.vn", name: "Biên tập", role: "editor", unit: "", password: PASSWORD, mustChangePassword: false, actor: null });
});
afterEach(() => cleanup());

const attempt = (email: string, password: string, ip = "192.0.2.10") => attemptSignIn(db, { email, password, ip });

describe("attemptSignIn", () => {
  it("signs in with the e-mail in any case and logs it with the IP", async () => {
    const result = await attempt("  bien.tap@CUC.vn ", PASSWORD);
    expect(result.ok).toBe(true);
    const entry = db.select().from(activityLog).where(eq(activityLog.action, "auth.sign-in")).get();
    expect(entry).toMatchObject({ ip: "192.0.2.10", objectType: "user" });
  });

  it("answers an unknown e-mail and a wrong password the same way, in similar time", async () => {
    expect(await attempt("bien.tap@cuc.vn", "sai mật khẩu rồi nhé", "192.0.2.1")).toEqual({ ok: false, code: "CREDENTIALS" });
    expect(await attempt("khong.co@cuc.vn", PASSWORD, "192.0.2.2")).toEqual({ ok: false, code: "CREDENTIALS" });
    // Both run exactly one argon2id verification; medians of a few runs, generous for a busy machine.
    const time = async (email: string, password: string, ip: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        await attempt(email, password, `${ip}${i}`);
        samples.push(performance.now() - start);
      }
      return samples.sort((a, b) => a - b)[3]!;
    };
    const wrong = await time("bien.tap@cuc.vn", "sai mật khẩu rồi nhé", "198.51.100.");
    const unknown = await time("khong.co@cuc.vn", PASSWORD, "203.0.113.");
    expect(Math.max(wrong, unknown) / Math.min(wrong, unknown)).toBeLessThan(2.5);
  });

  it("refuses a disabled account with the same message", async () => {
    db.update(users).set({ status: "disabled" }).where(eq(users.email, "bien.tap@cuc.vn")).run();
    expect(await attempt("bien.tap@cuc.vn", PASSWORD)).toEqual({ ok: false, code: "CREDENTIALS" });
  });

  it("locks after five failures, refuses even the right password, and logs it", async () => {
    for (let i = 0; i < 5; i++) await attempt("bien.tap@cuc.vn", `sai ${i} lần rồi đấy`);
    const locked = await attempt("bien.tap@cuc.vn", PASSWORD);
    expect(locked).toMatchObject({ ok: false, code: "LOCKED" });
    expect(db.select().from(activityLog).where(eq(activityLog.action, "auth.sign-in-locked")).all()).toHaveLength(1);
  });

  it("upgrades a hash made with weaker parameters at the next sign-in", async () => {
    const { hash } = await import("@node-rs/argon2");
    const weak = await hash(PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    db.update(users).set({ passwordHash: weak }).where(eq(users.email, "bien.tap@cuc.vn")).run();
    expect((await attempt("bien.tap@cuc.vn", PASSWORD)).ok).toBe(true);
    const stored = db.select({ h: users.passwordHash }).from(users).where(eq(users.email, "bien.tap@cuc.vn")).get()!.h!;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(stored)).toBe(false);
  });
});

describe("two-factor sign-in", () => {
  it("asks for the code after the right password, accepts it once, and refuses the same code again", async () => {
    const { newTotpSecret } = await import("@/lib/auth/totp");
    const { TOTP, Secret } = await import("otpauth");
    const secret = newTotpSecret();
    db.update(users).set({ totpSecret: secret }).where(eq(users.email, "bien.tap@cuc.vn")).run();
    expect(await attempt("bien.tap@cuc.vn", PASSWORD)).toEqual({ ok: false, code: "TOTP_REQUIRED" });
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    expect((await attemptSignIn(db, { email: "bien.tap@cuc.vn", password: PASSWORD, code, ip: "192.0.2.10" })).ok).toBe(true);
    expect(await attemptSignIn(db, { email: "bien.tap@cuc.vn", password: PASSWORD, code, ip: "192.0.2.10" })).toEqual({ ok: false, code: "TOTP_INVALID" });
    expect(await attemptSignIn(db, { email: "bien.tap@cuc.vn", password: PASSWORD, code: "000000", ip: "192.0.2.10" })).toMatchObject({ ok: false });
  });
});

describe("password hashing", () => {
  it("stores argon2id with at least OWASP's parameters and verifies 128-character passwords exactly", async () => {
    const long = "Đ".repeat(127) + "x";
    const stored = await hashPassword(long);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, long)).toBe(true);
    expect(await verifyPassword(stored, long.slice(0, 127))).toBe(false);
    expect(await verifyPassword(null, long)).toBe(false);
  });
});

describe("ensureFirstAdmin", () => {
  it("creates admin@localhost with a generated temporary password when no admin exists, once", async () => {
    const first = await ensureFirstAdmin(db, {});
    expect(first?.email).toBe("admin@localhost");
    expect(first?.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const admin = db.select().from(users).where(eq(users.email, "admin@localhost")).get()!;
    expect(admin).toMatchObject({ role: "admin", mustChangePassword: true });
    expect(await ensureFirstAdmin(db, {})).toBeNull();
  });

  it("uses ADMIN_EMAIL and ADMIN_PASSWORD when set, and refuses a weak one", async () => {
    await expect(ensureFirstAdmin(db, { ADMIN_EMAIL: "qt@cuc.vn", ADMIN_PASSWORD: "123456" })).rejects.toThrow(/ít nhất 12/);
    const made = await ensureFirstAdmin(db, { ADMIN_EMAIL: "QT@cuc.vn", ADMIN_PASSWORD: "Một mật khẩu đủ dài" });
    expect(made).toEqual({ email: "qt@cuc.vn", password: undefined });
    expect(db.select().from(users).where(eq(users.email, "qt@cuc.vn")).get()?.mustChangePassword).toBe(false);
  });
});
