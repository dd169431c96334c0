/** The signed-in person's own account: ./queries.ts run as that person, first steps still owed or not (lib/dal/bind.ts). */
import "server-only";
import { read } from "@/lib/dal/bind";
import {
  cancelTotpEnrolmentFor,
  changeOwnNameFor,
  changeOwnPasswordFor,
  checkOwnPasswordFor,
  checkOwnPasswordOrCodeFor,
  confirmTotpEnrolmentFor,
  disableTotpFor,
  regenerateRecoveryCodesFor,
  signOutEverywhereFor,
  startTotpEnrolmentFor,
  twoFactorStatusFor,
} from "./queries";

export type { EnrolmentResult, PasswordCheck, TwoFactorStatus } from "./queries";

const own = { allowPending: true };

export const checkOwnPassword = (password: string) => read((db, actor) => checkOwnPasswordFor(db, actor, password), own);
export const checkOwnPasswordOrCode = (value: string) => read((db, actor) => checkOwnPasswordOrCodeFor(db, actor, value), own);
export const changeOwnName = (name: string) => read((db, actor) => changeOwnNameFor(db, actor, name), own);
/** Stores the new password, ends every other session, and returns the new token version for this one. */
export const changeOwnPassword = (password: string) => read((db, actor) => changeOwnPasswordFor(db, actor, password), own);
/** Ends every session; returns the new token version so the caller's own session can carry it. */
export const signOutEverywhere = () => read(signOutEverywhereFor, own);
export const twoFactorStatus = () => read(twoFactorStatusFor, own);
export const startTotpEnrolment = () => read(startTotpEnrolmentFor, own);
export const cancelTotpEnrolment = () => read(cancelTotpEnrolmentFor, own);
export const confirmTotpEnrolment = (code: string) => read((db, actor) => confirmTotpEnrolmentFor(db, actor, code), own);
export const disableTotp = () => read(disableTotpFor, own);
export const regenerateRecoveryCodes = () => read(regenerateRecoveryCodesFor, own);
