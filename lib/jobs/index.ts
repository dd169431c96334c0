import "server-only";
import { pruneInvalidations } from "@/lib/dal/outbox";
import { purgeExpiredTrash } from "@/lib/dal/posts/purge";
import { announceDuePosts } from "@/lib/dal/posts/schedule";
import { refreshValidityOnNewDay } from "@/lib/dal/documents/validity-day";
import { makeReadAloudAudio } from "./audio-job";
import { runDailyBackupIfDue } from "./backup-job";
import type { Job } from "./runner";

/** Everything the server does on its own, run by the one process that holds the background lease (lib/jobs/leader.ts). */
export const JOBS: readonly Job[] = [
  // Every 5 s: a scheduled post is on the public pages within seconds of its time (the promise is 60 s).
  { name: "publish-scheduled", everyMs: 5_000, run: (db, now) => void announceDuePosts(db, now) },
  // Hourly: the 30 days of the trash are counted in days, an hour late is nobody's loss.
  { name: "purge-trash", everyMs: 60 * 60 * 1000, run: (db, now) => void purgeExpiredTrash(db, now) },
  // Every minute: is the daily backup due (turned on at /admin/settings, its hour reached)?
  { name: "daily-backup", everyMs: 60_000, run: runDailyBackupIfDue },
  // Hourly: every process follows the outbox forward from its start, so a day of it is plenty.
  { name: "prune-outbox", everyMs: 60 * 60 * 1000, run: (db, now) => pruneInvalidations(db, new Date(now.getTime() - 24 * 60 * 60 * 1000)) },
  // Every minute: at Vietnam midnight documents take effect or expire by their dates; their pages are made again.
  { name: "document-validity-day", everyMs: 60_000, run: (db, now) => void refreshValidityOnNewDay(db, now) },
  // Every second: read-aloud audio of what was published, corrected or asked for (one synthesis at a time by default).
  { name: "read-aloud-audio", everyMs: 1_000, run: makeReadAloudAudio },
];
