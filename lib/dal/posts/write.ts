// What every post write shares: the locking transaction and how a title appears in the activity log.
import "server-only";

// IMMEDIATE takes the write lock before the version check reads, so two saves cannot both pass it.
export const WRITE = { behavior: "immediate" } as const;
export type { AppTransaction as Tx } from "@/db";

export { quoted } from "@/lib/activity/log";
