import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/dal/connection";
import { signInAttempts } from "@/db/schema";
import { createAccount } from "@/lib/dal/auth/accounts";
import { verifyPassword } from "@/lib/auth/password-hash";
import { attemptSignIn } from "@/lib/dal/auth/sign-in";
import { THROTTLE } from "@/lib/dal/auth/throttle";
import { createTempDatabase } from "./helpers/temp-db";

// Counts the argon2 verifications: the expensive step the throttle must ration.
vi.mock("@/lib/auth/password-hash", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/password-hash")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const PASSWORD = "Hoa sen nở giữa hồ thu";
let db: Db;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, cleanup } = createTempDatabase());
  await createAccount(db, { email: "bien.tap@cuc.vn", name: "Biên tập", role: "editor", unit: "", password: PASSWORD, mustChangePassword: false, actor: null });
  vi.mocked(verifyPassword).mockClear();
});
afterEach(() => cleanup());

const outcomes = () => db.select({ outcome: signInAttempts.outcome }).from(signInAttempts).all().map((r) => r.outcome);

describe("sign-in throttling under concurrent guesses", () => {
  it("29 simultaneous wrong passwords for one account: at most 5 are verified, the rest are locked", async () => {
    const results = await Promise.all(
      Array.from({ length: 29 }, (_, i) => attemptSignIn(db, { email: "bien.tap@cuc.vn", password: `đoán sai lần ${i}`, ip: `192.0.2.${i + 1}` })),
    );
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(THROTTLE.accountLimit);
    expect(results.filter((r) => !r.ok && r.code === "CREDENTIALS")).toHaveLength(THROTTLE.accountLimit);
    expect(results.filter((r) => !r.ok && r.code === "LOCKED")).toHaveLength(29 - THROTTLE.accountLimit);
    expect(outcomes().filter((o) => o === "failure")).toHaveLength(THROTTLE.accountLimit);
    // Locked, the right password is not even checked.
    expect(await attemptSignIn(db, { email: "bien.tap@cuc.vn", password: PASSWORD, ip: "198.51.100.1" })).toMatchObject({ ok: false, code: "LOCKED" });
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(THROTTLE.accountLimit);
  });

  it("45 simultaneous attempts from one address on different accounts: at most 20 are verified", async () => {
    const results = await Promise.all(
      Array.from({ length: 45 }, (_, i) => attemptSignIn(db, { email: `nguoi${i}@cuc.vn`, password: "mật khẩu đoán bừa", ip: "203.0.113.7" })),
    );
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(THROTTLE.ipLimit);
    expect(results.filter((r) => !r.ok && r.code === "LOCKED")).toHaveLength(45 - THROTTLE.ipLimit);
  });

  it("a right password among concurrent wrong ones still signs in, and a success is recorded as one", async () => {
    const results = await Promise.all([
      attemptSignIn(db, { email: "bien.tap@cuc.vn", password: "sai một", ip: "192.0.2.1" }),
      attemptSignIn(db, { email: "bien.tap@cuc.vn", password: PASSWORD, ip: "192.0.2.2" }),
      attemptSignIn(db, { email: "bien.tap@cuc.vn", password: "sai hai", ip: "192.0.2.3" }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([false, true, false]);
    expect(outcomes().sort()).toEqual(["failure", "failure", "success"]);
  });

  it("the step asking for a two-factor code does not count as a failure", async () => {
    const { newTotpSecret } = await import("@/lib/auth/totp");
    const { users } = await import("@/db/schema");
    db.update(users).set({ totpSecret: newTotpSecret() }).where(eq(users.email, "bien.tap@cuc.vn")).run();
    for (let i = 0; i < THROTTLE.accountLimit + 1; i++) {
      expect(await attemptSignIn(db, { email: "bien.tap@cuc.vn", password: PASSWORD, ip: "192.0.2.9" })).toEqual({ ok: false, code: "TOTP_REQUIRED" });
    }
    expect(outcomes()).toEqual([]);
  });
});
