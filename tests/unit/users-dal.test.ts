import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/dal/connection";
import { activityLog, recoveryCodes, users, type Role, type UserStatus } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password-hash";
import {
  createUserFor,
  getUserForAdminFor,
  listUsersFor,
  resetUserPasswordFor,
  resetUserTwoFactorFor,
  setUserDisabledFor,
  signOutUserEverywhereFor,
  updateUserFor,
  USER_ADMIN_MESSAGES,
  USERS_PAGE_SIZE,
} from "@/lib/dal/users/queries";
import { RefusedError, type Actor } from "@/lib/dal/actor";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

let seq = 0;
function insertUser(options: { role?: Role; status?: UserStatus; name?: string; email?: string; unit?: string } = {}) {
  seq += 1;
  return db
    .insert(users)
    .values({
      email: options.email ?? `nguoi${seq}@cuc.vn`,
      name: options.name ?? `Người dùng ${seq}`,
      role: options.role ?? "author",
      status: options.status ?? "active",
      unit: options.unit ?? "",
      passwordHash: null,
      totpSecret: "JBSWY3DPEHPK3PXP",
    })
    .returning()
    .get();
}

function actorFrom(user: { id: number; name: string; role: Role }): Actor {
  return { id: user.id, name: user.name, role: user.role, unit: "", ip: "198.51.100.7" };
}

const row = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;
const userCount = () => db.select({ n: count() }).from(users).get()!.n;
const logCount = () => db.select({ n: count() }).from(activityLog).get()!.n;
const lastLog = () => db.select().from(activityLog).orderBy(activityLog.id).all().at(-1);

/** Makes every activity-log write fail, as a full disk or a bug would, mid-transaction. */
function breakActivityLog() {
  db.$client.exec("CREATE TRIGGER test_break_log BEFORE INSERT ON activity_log BEGIN SELECT RAISE(ABORT, 'log write failed'); END");
}

describe("permission, checked next to every query", () => {
  it("refuses authors, editors and no session for every read and change, writing nothing", async () => {
    const target = insertUser();
    const before = { users: userCount(), log: logCount(), row: row(target.id) };
    for (const actor of [actorFrom(insertUser({ role: "author" })), actorFrom(insertUser({ role: "editor" })), null]) {
      expect(() => listUsersFor(db, actor, {})).toThrow(RefusedError);
      expect(() => getUserForAdminFor(db, actor, target.id)).toThrow(RefusedError);
      expect(() => updateUserFor(db, actor, target.id, { name: "X", role: "admin", unit: "" })).toThrow(RefusedError);
      expect(() => setUserDisabledFor(db, actor, target.id, true)).toThrow(RefusedError);
      expect(() => signOutUserEverywhereFor(db, actor, target.id)).toThrow(RefusedError);
      await expect(createUserFor(db, actor, { name: "X", email: "x@cuc.vn", role: "admin", unit: "" })).rejects.toThrow(RefusedError);
      await expect(resetUserPasswordFor(db, actor, target.id)).rejects.toThrow(RefusedError);
    }
    expect(userCount()).toBe(before.users + 2);
    expect(logCount()).toBe(before.log);
    expect(row(target.id)).toEqual(before.row);
  });
});

describe("listUsersFor", () => {
  it("finds people by name or e-mail without diacritics or case, and filters by role and status", () => {
    const admin = actorFrom(insertUser({ role: "admin", name: "Quản trị" }));
    insertUser({ name: "Nguyễn Thị Hồng", email: "hong.nt@cuc.vn", role: "editor" });
    insertUser({ name: "Đặng Văn Đức".normalize("NFD"), email: "duc.dv@cuc.vn", status: "disabled" });
    insertUser({ name: "Lê 100% Phần trăm", email: "le@cuc.vn" });

    const names = (filter: Parameters<typeof listUsersFor>[2]) => listUsersFor(db, admin, filter).items.map((u) => u.email);
    expect(names({ q: "nguyen thi hong" })).toEqual(["hong.nt@cuc.vn"]);
    expect(names({ q: "NGUYỄN" })).toEqual(["hong.nt@cuc.vn"]);
    expect(names({ q: "dang van duc" })).toEqual(["duc.dv@cuc.vn"]);
    expect(names({ q: "HONG.NT@" })).toEqual(["hong.nt@cuc.vn"]);
    // `%` and `_` are characters to find, not wildcards.
    expect(names({ q: "100%" })).toEqual(["le@cuc.vn"]);
    expect(names({ q: "_" })).toEqual([]);
    expect(names({ role: "editor" })).toEqual(["hong.nt@cuc.vn"]);
    expect(names({ status: "disabled" })).toEqual(["duc.dv@cuc.vn"]);
    expect(names({ q: "hong", status: "disabled" })).toEqual([]);
    // Sorted by folded name, so Đ sits among the D's.
    expect(names({})).toEqual(["duc.dv@cuc.vn", "le@cuc.vn", "hong.nt@cuc.vn", expect.stringMatching(/@cuc\.vn$/)]);
  });

  it("pages by 20 and clamps pages past the end", () => {
    const admin = actorFrom(insertUser({ role: "admin", name: "A quản trị" }));
    for (let i = 0; i < 24; i++) insertUser({ name: `B cán bộ ${String(i).padStart(2, "0")}` });
    const first = listUsersFor(db, admin, { page: 1 });
    expect(USERS_PAGE_SIZE).toBe(20);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 25 });
    expect(first.items).toHaveLength(20);
    const second = listUsersFor(db, admin, { page: 2 });
    expect(second.items).toHaveLength(5);
    expect(new Set([...first.items, ...second.items].map((u) => u.id)).size).toBe(25);
    expect(listUsersFor(db, admin, { page: 99 }).page).toBe(2);
    expect(listUsersFor(db, admin, { page: -1 }).page).toBe(1);
  });

  it("returns DTOs without hashes, secrets or token versions", () => {
    const admin = insertUser({ role: "admin" });
    const actor = actorFrom(admin);
    const forbiddenKeys = ["passwordHash", "totpSecret", "totpPendingSecret", "tokenVersion"];
    for (const dto of [...listUsersFor(db, actor, {}).items, getUserForAdminFor(db, actor, admin.id)]) {
      for (const key of forbiddenKeys) expect(dto).not.toHaveProperty(key);
      expect(JSON.stringify(dto)).not.toContain("JBSWY3DPEHPK3PXP");
    }
    expect(getUserForAdminFor(db, actor, admin.id)).toMatchObject({ totpEnabled: true, mustChangePassword: false });
    expect(getUserForAdminFor(db, actor, 9999)).toBeNull();
  });
});

describe("createUserFor", () => {
  it("creates the account with a generated temporary password shown once, and logs who did it from where", async () => {
    const admin = actorFrom(insertUser({ role: "admin", name: "Chị Quản trị" }));
    const result = await createUserFor(db, admin, { name: "Phạm Minh", email: "minh.pm@cuc.vn", role: "editor", unit: "Văn phòng" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const stored = row(result.id);
    expect(stored).toMatchObject({ email: "minh.pm@cuc.vn", role: "editor", unit: "Văn phòng", mustChangePassword: true, status: "active" });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, result.temporaryPassword!)).toBe(true);
    expect(lastLog()).toMatchObject({ action: "user.create", actorId: admin.id, actorName: "Chị Quản trị", objectId: String(result.id), ip: "198.51.100.7" });
  });

  it("keeps a password the admin chose (not returned) but still forces a change at first sign-in", async () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const result = await createUserFor(db, admin, { name: "Võ Lan", email: "lan@cuc.vn", role: "author", unit: "", password: "hoa sen nở trong đầm" });
    expect(result).toMatchObject({ ok: true, temporaryPassword: undefined });
    if (!result.ok) return;
    expect(row(result.id).mustChangePassword).toBe(true);
    expect(await verifyPassword(row(result.id).passwordHash, "hoa sen nở trong đầm")).toBe(true);
  });

  it("refuses an e-mail that exists in another case, changing nothing", async () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    insertUser({ email: "trung@cuc.vn" });
    const before = { users: userCount(), log: logCount() };
    const result = await createUserFor(db, admin, { name: "Trùng", email: "Trung@CUC.vn", role: "author", unit: "" });
    expect(result).toEqual({ ok: false, field: "email", message: USER_ADMIN_MESSAGES.duplicateEmail });
    expect({ users: userCount(), log: logCount() }).toEqual(before);
  });

  it("refuses a weak chosen password next to its field", async () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const result = await createUserFor(db, admin, { name: "Yếu", email: "yeu@cuc.vn", role: "author", unit: "", password: "matkhau123456" });
    expect(result).toMatchObject({ ok: false, field: "password" });
    expect(db.select().from(users).where(eq(users.email, "yeu@cuc.vn")).get()).toBeUndefined();
  });

  it("leaves no account behind when the activity log cannot be written", async () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const before = userCount();
    breakActivityLog();
    await expect(createUserFor(db, admin, { name: "Mất", email: "mat@cuc.vn", role: "author", unit: "" })).rejects.toThrow(/log write failed/);
    expect(userCount()).toBe(before);
    expect(db.select().from(users).where(eq(users.email, "mat@cuc.vn")).get()).toBeUndefined();
  });
});

describe("updateUserFor", () => {
  it("a role change ends the user's sessions (token version) and is logged; a name change alone does not", () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const target = insertUser({ role: "author", name: "Cũ" });
    expect(updateUserFor(db, admin, target.id, { name: "Mới", role: "author", unit: "Phòng A" })).toMatchObject({ ok: true });
    expect(row(target.id)).toMatchObject({ name: "Mới", unit: "Phòng A", tokenVersion: 0 });
    expect(lastLog()).toMatchObject({ action: "user.update", objectId: String(target.id), actorId: admin.id });

    expect(updateUserFor(db, admin, target.id, { name: "Mới", role: "editor", unit: "Phòng A" })).toMatchObject({ ok: true });
    expect(row(target.id)).toMatchObject({ role: "editor", tokenVersion: 1 });
    expect(lastLog()!.summary).toContain("Tác giả → Biên tập viên");
  });

  it("saving without changes writes nothing", () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const target = insertUser({ name: "Giữ nguyên", unit: "P" });
    const before = logCount();
    expect(updateUserFor(db, admin, target.id, { name: "Giữ nguyên", role: "author", unit: "P" })).toEqual({ ok: true, message: USER_ADMIN_MESSAGES.unchanged });
    expect(logCount()).toBe(before);
  });

  it("the last active admin cannot be demoted, not even by themself", () => {
    const only = insertUser({ role: "admin" });
    insertUser({ role: "admin", status: "disabled" });
    const before = { row: row(only.id), log: logCount() };
    for (const role of ["editor", "author"] as const) {
      expect(updateUserFor(db, actorFrom(only), only.id, { name: only.name, role, unit: "" })).toEqual({
        ok: false,
        field: "role",
        message: USER_ADMIN_MESSAGES.lastAdminDemote,
      });
    }
    expect(row(only.id)).toEqual(before.row);
    expect(logCount()).toBe(before.log);
    // Renaming the last admin is fine.
    expect(updateUserFor(db, actorFrom(only), only.id, { name: "Tên mới", role: "admin", unit: "" })).toMatchObject({ ok: true });
  });

  it("an admin can be demoted while another active admin remains", () => {
    const first = insertUser({ role: "admin" });
    const second = insertUser({ role: "admin" });
    expect(updateUserFor(db, actorFrom(first), second.id, { name: second.name, role: "editor", unit: "" })).toMatchObject({ ok: true });
    expect(row(second.id)).toMatchObject({ role: "editor", tokenVersion: 1 });
    // Now `first` is the last one.
    expect(updateUserFor(db, actorFrom(first), first.id, { name: first.name, role: "editor", unit: "" })).toMatchObject({ ok: false, field: "role" });
  });

  it("an unknown id is refused", () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    expect(updateUserFor(db, admin, 9999, { name: "X", role: "author", unit: "" })).toEqual({ ok: false, message: USER_ADMIN_MESSAGES.notFound });
  });

  it("rolls the change back when the log cannot be written", () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const target = insertUser({ role: "author" });
    const before = row(target.id);
    breakActivityLog();
    expect(() => updateUserFor(db, admin, target.id, { name: "Đổi", role: "editor", unit: "" })).toThrow(/log write failed/);
    expect(row(target.id)).toEqual(before);
  });
});

describe("setUserDisabledFor", () => {
  it("disabling ends the sessions and is logged; enabling restores access", () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const target = insertUser();
    expect(setUserDisabledFor(db, admin, target.id, true)).toMatchObject({ ok: true, message: expect.stringContaining("Đã khoá") });
    expect(row(target.id)).toMatchObject({ status: "disabled", tokenVersion: 1 });
    expect(lastLog()).toMatchObject({ action: "user.disable", objectId: String(target.id), ip: "198.51.100.7" });
    expect(setUserDisabledFor(db, admin, target.id, false)).toMatchObject({ ok: true, message: expect.stringContaining("Đã mở khoá") });
    expect(row(target.id)).toMatchObject({ status: "active", tokenVersion: 1 });
    expect(lastLog()).toMatchObject({ action: "user.enable" });
  });

  it("repeating a disable changes and logs nothing more", () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const target = insertUser({ status: "disabled" });
    const before = logCount();
    expect(setUserDisabledFor(db, admin, target.id, true)).toMatchObject({ ok: true });
    expect(row(target.id).tokenVersion).toBe(0);
    expect(logCount()).toBe(before);
  });

  it("the last active admin cannot be disabled, by themself or anyone", () => {
    const only = insertUser({ role: "admin" });
    insertUser({ role: "admin", status: "disabled" });
    const before = { row: row(only.id), log: logCount() };
    expect(setUserDisabledFor(db, actorFrom(only), only.id, true)).toEqual({ ok: false, message: USER_ADMIN_MESSAGES.lastAdminDisable });
    expect(row(only.id)).toEqual(before.row);
    expect(logCount()).toBe(before.log);
  });

  it("with two active admins one may disable the other, or themself, and then the rule holds for the one left", () => {
    const first = insertUser({ role: "admin" });
    const second = insertUser({ role: "admin" });
    expect(setUserDisabledFor(db, actorFrom(second), second.id, true)).toMatchObject({ ok: true });
    expect(setUserDisabledFor(db, actorFrom(first), first.id, true)).toMatchObject({ ok: false });
    expect(row(first.id).status).toBe("active");
  });

  it("rolls back the status and the token version when the log cannot be written", () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const target = insertUser();
    breakActivityLog();
    expect(() => setUserDisabledFor(db, admin, target.id, true)).toThrow(/log write failed/);
    expect(row(target.id)).toMatchObject({ status: "active", tokenVersion: 0 });
  });
});

describe("resetUserPasswordFor", () => {
  it("sets a generated temporary password, forces a change, ends the sessions and logs it", async () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const target = insertUser();
    const result = await resetUserPasswordFor(db, admin, target.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = row(target.id);
    expect(await verifyPassword(stored.passwordHash, result.temporaryPassword!)).toBe(true);
    expect(stored).toMatchObject({ mustChangePassword: true, tokenVersion: 1 });
    expect(lastLog()).toMatchObject({ action: "user.reset-password", objectId: String(target.id) });
    expect(lastLog()!.summary).not.toContain(result.temporaryPassword!);
  });

  it("checks a chosen password against the rules and the account's e-mail", async () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const target = insertUser({ email: "thanhhuong@cuc.vn" });
    const before = { row: row(target.id), log: logCount() };
    expect(await resetUserPasswordFor(db, admin, target.id, "thanhhuong2026!")).toMatchObject({ ok: false, field: "password" });
    expect(row(target.id)).toEqual(before.row);
    expect(logCount()).toBe(before.log);
    const chosen = await resetUserPasswordFor(db, admin, target.id, "mây trắng bay về núi");
    expect(chosen).toMatchObject({ ok: true, temporaryPassword: undefined });
    expect(await verifyPassword(row(target.id).passwordHash, "mây trắng bay về núi")).toBe(true);
  });

  it("refuses an unknown id and rolls back when the log fails", async () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    expect(await resetUserPasswordFor(db, admin, 9999)).toEqual({ ok: false, message: USER_ADMIN_MESSAGES.notFound });
    const target = insertUser();
    const before = row(target.id);
    breakActivityLog();
    await expect(resetUserPasswordFor(db, admin, target.id)).rejects.toThrow(/log write failed/);
    expect(row(target.id)).toEqual(before);
  });
});

describe("signOutUserEverywhereFor", () => {
  it("bumps the token version and logs it", () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const target = insertUser();
    expect(signOutUserEverywhereFor(db, admin, target.id)).toMatchObject({ ok: true });
    expect(signOutUserEverywhereFor(db, admin, target.id)).toMatchObject({ ok: true });
    expect(row(target.id).tokenVersion).toBe(2);
    expect(lastLog()).toMatchObject({ action: "auth.sign-out-everywhere", objectId: String(target.id), actorId: admin.id });
    expect(signOutUserEverywhereFor(db, admin, 9999)).toEqual({ ok: false, message: USER_ADMIN_MESSAGES.notFound });
  });
});

describe("resetUserTwoFactorFor", () => {
  it("turns two-factor sign-in off, removes the recovery codes, ends the sessions and logs it", () => {
    const admin = actorFrom(insertUser({ role: "admin" }));
    const target = insertUser();
    db.insert(recoveryCodes).values({ userId: target.id, codeHash: "abc" }).run();
    expect(resetUserTwoFactorFor(db, admin, target.id)).toMatchObject({ ok: true });
    expect(row(target.id)).toMatchObject({ totpSecret: null, tokenVersion: 1 });
    expect(db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, target.id)).all()).toEqual([]);
    expect(lastLog()).toMatchObject({ action: "user.totp-disable", objectId: String(target.id), actorId: admin.id });
    expect(resetUserTwoFactorFor(db, admin, target.id)).toMatchObject({ ok: false });
  });

  it("is refused to editors and authors, changing nothing", () => {
    const target = insertUser();
    for (const role of ["editor", "author"] as const) {
      expect(() => resetUserTwoFactorFor(db, actorFrom(insertUser({ role })), target.id)).toThrow(RefusedError);
    }
    expect(row(target.id).totpSecret).not.toBeNull();
  });
});
