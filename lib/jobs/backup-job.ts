import "server-only";
import type { Db } from "@/lib/dal/connection";
import { runBackup } from "@/lib/backup/run";
import { dailyBackupDue, vietnamDayAndHour } from "@/lib/backup/schedule";
import { backupSchedule, lastScheduledDay, setLastScheduledDay } from "@/lib/dal/backups/record";

/**
 * The daily backup, when an admin has turned it on at /admin/settings. The day is marked before
 * the backup runs, so a failing backup is tried once a day (and shown on /admin), not every minute.
 */
export async function runDailyBackupIfDue(db: Db, now: Date): Promise<void> {
  if (!dailyBackupDue(backupSchedule(db), lastScheduledDay(db), now)) return;
  setLastScheduledDay(db, vietnamDayAndHour(now).day);
  const result = await runBackup(db, { trigger: "scheduled", now });
  if (result.ok) console.log(`[backup] ${result.path}`);
}
