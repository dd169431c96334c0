// What every post write shares: the locking transaction and how a title appears in the activity log.
import "server-only";

// IMMEDIATE: the write lock is taken before the version check reads, so two saves cannot both pass it.
export { WRITE } from "@/db/open";
export type { AppTransaction as Tx } from "@/db";

export { quoted } from "@/lib/activity/log";
