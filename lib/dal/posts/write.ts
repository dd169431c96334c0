// What every post write shares: the locking transaction and how a title appears in the activity log.
import "server-only";
import type { AppDatabase } from "@/db";

// IMMEDIATE takes the write lock before the version check reads, so two saves cannot both pass it.
export const WRITE = { behavior: "immediate" } as const;
export type Tx = Parameters<Parameters<AppDatabase["transaction"]>[0]>[0];

export { quoted } from "@/lib/activity/log";
