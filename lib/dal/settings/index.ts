/** Site-wide settings for the settings page: run as the signed-in admin (lib/dal/bind.ts). */
import "server-only";
import type { Role } from "@/db/vocabulary";
import { change, read } from "@/lib/dal/bind";
import { twoFactorPolicyFor, updateTwoFactorPolicyFor } from "./two-factor-policy";

export const twoFactorPolicy = () => read(twoFactorPolicyFor);
export const updateTwoFactorPolicy = (roles: Role[]) => change("settings:manage", "totpRequiredRoles", (db, actor) => updateTwoFactorPolicyFor(db, actor, roles));
