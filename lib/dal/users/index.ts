/** User administration for pages and actions: ./queries.ts run as the signed-in admin (lib/dal/bind.ts). */
import "server-only";
import { change, read } from "@/lib/dal/bind";
import {
  createUserFor,
  getUserForAdminFor,
  listUsersFor,
  resetUserPasswordFor,
  resetUserTwoFactorFor,
  setUserDisabledFor,
  signOutUserEverywhereFor,
  updateUserFor,
  type CreateUserData,
  type UpdateUserData,
  type UserListFilter,
} from "./queries";

export { USERS_PAGE_SIZE, type UserChangeResult, type UserDetail, type UserListItem, type UserPage } from "./queries";

export const listUsers = (filter: UserListFilter) => read((db, actor) => listUsersFor(db, actor, filter));
export const getUserForAdmin = (id: number) => read((db, actor) => getUserForAdminFor(db, actor, id));
export const createUser = (data: CreateUserData) => change("user:manage", "", (db, actor) => createUserFor(db, actor, data));
export const updateUser = (id: number, data: UpdateUserData) => change("user:manage", id, (db, actor) => updateUserFor(db, actor, id, data));
export const setUserDisabled = (id: number, disabled: boolean) => change("user:manage", id, (db, actor) => setUserDisabledFor(db, actor, id, disabled));
export const resetUserPassword = (id: number, password?: string) => change("user:manage", id, (db, actor) => resetUserPasswordFor(db, actor, id, password));
export const signOutUserEverywhere = (id: number) => change("user:manage", id, (db, actor) => signOutUserEverywhereFor(db, actor, id));
export const resetUserTwoFactor = (id: number) => change("user:manage", id, (db, actor) => resetUserTwoFactorFor(db, actor, id));
