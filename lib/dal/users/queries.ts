import "server-only";
import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/lib/dal/connection";
import { WRITE } from "@/lib/dal/connection";
import { recoveryCodes, users, type Role, type UserStatus } from "@/db/schema";
import { logActivity } from "@/lib/dal/activity/log";
import { bumpTokenVersion, createAccount, generatePassword, isLastActiveAdmin } from "@/lib/dal/auth/accounts";
import { hashPassword } from "@/lib/auth/password-hash";
import { passwordProblem } from "@/lib/auth/password-rules";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireRole, type Actor } from "@/lib/dal/actor";
import { folded, foldedContains } from "@/lib/dal/fold-sql";
import { pageOf } from "@/lib/dal/paging";
import type { ChangeResult } from "@/lib/dal/result";

/**
 * The database side of user administration. Every function takes the database and the acting
 * admin explicitly, so the rules (last admin, token versions, one transaction per change) can be
 * tested without a request; ./index.ts runs them as the signed-in admin.
 */

export const USERS_PAGE_SIZE = 20;

export type UserListItem = {
  id: number;
  name: string;
  email: string;
  role: Role;
  unit: string;
  status: UserStatus;
  lastSignInAt: string | null;
  createdAt: string;
};

export type UserDetail = UserListItem & { mustChangePassword: boolean; totpEnabled: boolean };

export type UserPage = { items: UserListItem[]; page: number; pageCount: number; total: number };

export type UserListFilter = { q?: string; role?: Role; status?: UserStatus; page?: number };

export type UserField = "name" | "email" | "role" | "unit" | "password";
export type UserChangeResult<T extends object = object> = ChangeResult<T>;

export const USER_ADMIN_MESSAGES = {
  notFound: "Không tìm thấy người dùng này.",
  duplicateEmail: "Đã có tài khoản dùng e-mail này.",
  lastAdminDemote: "Không thể đổi vai trò của quản trị viên cuối cùng đang hoạt động. Hãy chỉ định một quản trị viên khác trước.",
  lastAdminDisable: "Không thể khoá quản trị viên cuối cùng đang hoạt động. Hãy chỉ định một quản trị viên khác trước.",
  unchanged: "Không có thay đổi nào để lưu.",
} as const;

function assertCanManage(actor: Actor | null): asserts actor is Actor {
  requireRole(actor, "user:manage");
}

const listColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  unit: users.unit,
  status: users.status,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

type ListRow = { id: number; name: string; email: string; role: Role; unit: string; status: UserStatus; lastSignInAt: Date | null; createdAt: Date };

function toListItem(row: ListRow): UserListItem {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    unit: row.unit,
    status: row.status,
    lastSignInAt: row.lastSignInAt ? row.lastSignInAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Search by name or e-mail ignoring case and diacritics (`nguyen thi` finds `Nguyễn Thị`), plus role and status filters. */
export function listUsersFor(db: Db, actor: Actor | null, filter: UserListFilter): UserPage {
  assertCanManage(actor);
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.status) conditions.push(eq(users.status, filter.status));
  const search = foldedContains(sql`${users.name} || ' ' || ${users.email}`, filter.q);
  if (search) conditions.push(search);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, filter.page, USERS_PAGE_SIZE);
  const rows = db
    .select(listColumns)
    .from(users)
    .where(where)
    // Folded so `Đặng` sorts among the D's rather than after Z.
    .orderBy(folded(users.name), asc(users.id))
    .limit(USERS_PAGE_SIZE)
    .offset(offset)
    .all();
  return { items: rows.map(toListItem), page, pageCount, total };
}

export function getUserForAdminFor(db: Db, actor: Actor | null, id: number): UserDetail | null {
  assertCanManage(actor);
  const row = db
    .select({ ...listColumns, mustChangePassword: users.mustChangePassword, hasTotp: sql<number>`${users.totpSecret} is not null` })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!row) return null;
  return { ...toListItem(row), mustChangePassword: row.mustChangePassword, totpEnabled: Boolean(row.hasTotp) };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && String((error as { code: unknown }).code).startsWith("SQLITE_CONSTRAINT_UNIQUE");
}

export type CreateUserData = { name: string; email: string; role: Role; unit: string; password?: string };

/**
 * A new account that must choose its own password at first sign-in. Without a password one is
 * generated and returned once as `temporaryPassword`; it is stored only as a hash.
 */
export async function createUserFor(
  db: Db,
  actor: Actor | null,
  data: CreateUserData,
): Promise<UserChangeResult<{ id: number; temporaryPassword?: string }>> {
  assertCanManage(actor);
  try {
    const result = await createAccount(db, {
      email: data.email,
      name: data.name,
      role: data.role,
      unit: data.unit,
      password: data.password,
      // Whoever set it, a password chosen by an admin is known to the admin: the owner replaces it.
      mustChangePassword: true,
      actor: { id: actor.id, name: actor.name },
      ip: actor.ip,
    });
    if (!result.ok) return { ok: false, field: result.field, message: result.field === "email" ? USER_ADMIN_MESSAGES.duplicateEmail : result.message };
    return { ok: true, id: result.id, temporaryPassword: result.generatedPassword, message: `Đã tạo tài khoản ${result.email}.` };
  } catch (error) {
    // Two admins creating the same e-mail at once: the unique index is the final word.
    if (isUniqueViolation(error)) return { ok: false, field: "email", message: USER_ADMIN_MESSAGES.duplicateEmail };
    throw error;
  }
}

type TargetRow = { id: number; name: string; email: string; role: Role; unit: string; status: UserStatus };

function readTarget(tx: Pick<Db, "select"> | Tx, id: number): TargetRow | undefined {
  return tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, unit: users.unit, status: users.status })
    .from(users)
    .where(eq(users.id, id))
    .get();
}

/** True when taking `target` out of the active admins would leave none. */
function wouldRemoveLastAdmin(tx: Tx, target: TargetRow): boolean {
  return target.role === "admin" && target.status === "active" && isLastActiveAdmin(tx, target.id);
}

export type UpdateUserData = { name: string; role: Role; unit: string };

/** Name, role and unit. A role change ends the user's sessions so it applies at their next request. */
export function updateUserFor(db: Db, actor: Actor | null, id: number, data: UpdateUserData): UserChangeResult {
  assertCanManage(actor);
  return db.transaction((tx): UserChangeResult => {
    const target = readTarget(tx, id);
    if (!target) return { ok: false, message: USER_ADMIN_MESSAGES.notFound };
    const roleChanged = target.role !== data.role;
    if (roleChanged && data.role !== "admin" && wouldRemoveLastAdmin(tx, target)) {
      return { ok: false, field: "role", message: USER_ADMIN_MESSAGES.lastAdminDemote };
    }
    const changes: string[] = [];
    if (target.name !== data.name) changes.push(`họ tên “${target.name}” → “${data.name}”`);
    if (roleChanged) changes.push(`vai trò ${ROLE_LABELS[target.role]} → ${ROLE_LABELS[data.role]}`);
    if (target.unit !== data.unit) changes.push(`đơn vị “${target.unit}” → “${data.unit}”`);
    if (changes.length === 0) return { ok: true, message: USER_ADMIN_MESSAGES.unchanged };
    tx.update(users).set({ name: data.name, role: data.role, unit: data.unit }).where(eq(users.id, id)).run();
    if (roleChanged) bumpTokenVersion(tx, id);
    logActivity(tx, {
      actor: { id: actor.id, name: actor.name },
      action: "user.update",
      objectType: "user",
      objectId: id,
      summary: `${target.email}: ${changes.join("; ")}`,
      ip: actor.ip,
    });
    return {
      ok: true,
      message: roleChanged
        ? `Đã lưu thay đổi. Vai trò mới có hiệu lực ngay: ${data.name} cần đăng nhập lại.`
        : "Đã lưu thay đổi.",
    };
  }, WRITE);
}

/** Disable (ends every session at once) or enable an account. The last active admin stays enabled. */
export function setUserDisabledFor(db: Db, actor: Actor | null, id: number, disabled: boolean): UserChangeResult {
  assertCanManage(actor);
  return db.transaction((tx): UserChangeResult => {
    const target = readTarget(tx, id);
    if (!target) return { ok: false, message: USER_ADMIN_MESSAGES.notFound };
    const status: UserStatus = disabled ? "disabled" : "active";
    const done = disabled ? `Đã khoá tài khoản ${target.email}.` : `Đã mở khoá tài khoản ${target.email}.`;
    if (target.status === status) return { ok: true, message: done };
    // This also covers an admin disabling themself while no other admin is active.
    if (disabled && wouldRemoveLastAdmin(tx, target)) return { ok: false, message: USER_ADMIN_MESSAGES.lastAdminDisable };
    tx.update(users).set({ status }).where(eq(users.id, id)).run();
    if (disabled) bumpTokenVersion(tx, id);
    logActivity(tx, {
      actor: { id: actor.id, name: actor.name },
      action: disabled ? "user.disable" : "user.enable",
      objectType: "user",
      objectId: id,
      summary: target.email,
      ip: actor.ip,
    });
    return { ok: true, message: done };
  }, WRITE);
}

/**
 * A new temporary password (generated when none is given), returned once; the user must change
 * it at their next sign-in and every open session ends now.
 */
export async function resetUserPasswordFor(
  db: Db,
  actor: Actor | null,
  id: number,
  password?: string,
): Promise<UserChangeResult<{ temporaryPassword?: string }>> {
  assertCanManage(actor);
  const target = readTarget(db, id);
  if (!target) return { ok: false, message: USER_ADMIN_MESSAGES.notFound };
  const generated = password ? undefined : generatePassword();
  const chosen = password ?? generated!;
  if (password) {
    const problem = passwordProblem(password, target.email);
    if (problem) return { ok: false, field: "password", message: problem };
  }
  // Hashing takes a while and is async, so it happens before the (synchronous) transaction.
  const passwordHash = await hashPassword(chosen);
  return db.transaction((tx): UserChangeResult<{ temporaryPassword?: string }> => {
    if (!readTarget(tx, id)) return { ok: false, message: USER_ADMIN_MESSAGES.notFound };
    tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id)).run();
    bumpTokenVersion(tx, id);
    logActivity(tx, {
      actor: { id: actor.id, name: actor.name },
      action: "user.reset-password",
      objectType: "user",
      objectId: id,
      summary: generated ? `${target.email}: mật khẩu tạm thời được tạo tự động` : `${target.email}: mật khẩu tạm thời do quản trị viên đặt`,
      ip: actor.ip,
    });
    return { ok: true, temporaryPassword: generated, message: `Đã đặt lại mật khẩu cho ${target.email}. Mọi phiên đăng nhập của tài khoản này đã kết thúc.` };
  }, WRITE);
}

/** Ends every session of the account at its next request. */
export function signOutUserEverywhereFor(db: Db, actor: Actor | null, id: number): UserChangeResult {
  assertCanManage(actor);
  return db.transaction((tx): UserChangeResult => {
    const target = readTarget(tx, id);
    if (!target) return { ok: false, message: USER_ADMIN_MESSAGES.notFound };
    bumpTokenVersion(tx, id);
    logActivity(tx, {
      actor: { id: actor.id, name: actor.name },
      action: "auth.sign-out-everywhere",
      objectType: "user",
      objectId: id,
      summary: target.email,
      ip: actor.ip,
    });
    return { ok: true, message: `Đã đăng xuất ${target.email} khỏi mọi thiết bị.` };
  }, WRITE);
}

/**
 * Turns off a user's two-factor sign-in when they lost both the authenticator and the recovery
 * codes; their sessions end and they can enrol again from their profile.
 */
export function resetUserTwoFactorFor(db: Db, actor: Actor | null, id: number): UserChangeResult {
  assertCanManage(actor);
  return db.transaction((tx): UserChangeResult => {
    const target = readTarget(tx, id);
    if (!target) return { ok: false, message: USER_ADMIN_MESSAGES.notFound };
    const enrolled = tx.select({ secret: users.totpSecret }).from(users).where(eq(users.id, id)).get()?.secret;
    if (!enrolled) return { ok: false, message: "Tài khoản này chưa bật xác thực hai bước." };
    tx.update(users).set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null }).where(eq(users.id, id)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id)).run();
    bumpTokenVersion(tx, id);
    logActivity(tx, {
      actor: { id: actor.id, name: actor.name },
      action: "user.totp-disable",
      objectType: "user",
      objectId: id,
      summary: `Quản trị viên tắt cho ${target.email}`,
      ip: actor.ip,
    });
    return { ok: true, message: `Đã tắt xác thực hai bước của ${target.email}. Người dùng có thể bật lại trong Hồ sơ.` };
  }, WRITE);
}
