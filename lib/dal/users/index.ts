import "server-only";
import { forbidden } from "next/navigation";
import { getDb } from "@/lib/dal/connection";
import { MESSAGES } from "@/lib/auth/guards";
import { logDenied, requestIp, verifySession } from "@/lib/dal/session";
import {
  createUserFor,
  getUserForAdminFor,
  listUsersFor,
  resetUserPasswordFor,
  setUserDisabledFor,
  resetUserTwoFactorFor,
  signOutUserEverywhereFor,
  updateUserFor,
  UserAdminDeniedError,
  type CreateUserData,
  type UpdateUserData,
  type UserAdminActor,
  type UserChangeResult,
  type UserDetail,
  type UserListFilter,
  type UserPage,
} from "@/lib/dal/users/queries";

export { USERS_PAGE_SIZE, type UserDetail, type UserListItem, type UserPage, type UserChangeResult } from "@/lib/dal/users/queries";

/**
 * User administration for pages and actions. The acting admin comes from the session of this
 * request; the permission is checked again next to each query in users-core, so a page or action
 * that forgot its own check still gets nothing.
 */
async function currentActor(): Promise<UserAdminActor | null> {
  const user = await verifySession();
  if (!user) return null;
  return { id: user.id, name: user.name, role: user.role, ip: await requestIp() };
}

async function logRefusal(objectId: number | undefined): Promise<void> {
  await logDenied(await verifySession(), "user:manage", objectId === undefined ? "" : String(objectId));
}

/** Reads: a refusal is the 403 page. */
async function read<T>(run: (actor: UserAdminActor | null) => T, objectId?: number): Promise<T> {
  const actor = await currentActor();
  try {
    return run(actor);
  } catch (error) {
    if (!(error instanceof UserAdminDeniedError)) throw error;
    await logRefusal(objectId);
    forbidden();
  }
}

/** Changes: a refusal is a message, and nothing is written. */
async function change<T extends object>(run: (actor: UserAdminActor | null) => UserChangeResult<T> | Promise<UserChangeResult<T>>, objectId?: number): Promise<UserChangeResult<T>> {
  const actor = await currentActor();
  try {
    return await run(actor);
  } catch (error) {
    if (!(error instanceof UserAdminDeniedError)) throw error;
    await logRefusal(objectId);
    return { ok: false, message: MESSAGES.forbidden };
  }
}

export function listUsers(filter: UserListFilter): Promise<UserPage> {
  return read((actor) => listUsersFor(getDb(), actor, filter));
}

export function getUserForAdmin(id: number): Promise<UserDetail | null> {
  return read((actor) => getUserForAdminFor(getDb(), actor, id), id);
}

export function createUser(data: CreateUserData): Promise<UserChangeResult<{ id: number; temporaryPassword?: string }>> {
  return change((actor) => createUserFor(getDb(), actor, data));
}

export function updateUser(id: number, data: UpdateUserData): Promise<UserChangeResult> {
  return change((actor) => updateUserFor(getDb(), actor, id, data), id);
}

export function setUserDisabled(id: number, disabled: boolean): Promise<UserChangeResult> {
  return change((actor) => setUserDisabledFor(getDb(), actor, id, disabled), id);
}

export function resetUserPassword(id: number, password?: string): Promise<UserChangeResult<{ temporaryPassword?: string }>> {
  return change((actor) => resetUserPasswordFor(getDb(), actor, id, password), id);
}

export function signOutUserEverywhere(id: number): Promise<UserChangeResult> {
  return change((actor) => signOutUserEverywhereFor(getDb(), actor, id), id);
}

export function resetUserTwoFactor(id: number): Promise<UserChangeResult> {
  return change((actor) => resetUserTwoFactorFor(getDb(), actor, id), id);
}
