import "server-only";
import type { Db } from "@/lib/dal/connection";
import { readSetting, writeSetting } from "@/lib/dal/settings/store";

/*
 * Backup state lives in the settings table, so every process (the server's daily job, `npm run
 * backup` from the shell) reads and writes the same record.
 */
const SCHEDULE = "backupSchedule";
const LAST = "backupLast";
const SCHEDULED_DAY = "backupScheduledDay";

export type BackupSchedule = { enabled: boolean; hour: number };
export type BackupTrigger = "scheduled" | "manual";
export type LastBackup = {
  at: string;
  ok: boolean;
  trigger: BackupTrigger;
  /** Folder of the backup (null when it failed). */
  path: string | null;
  bytes: number | null;
  /** Vietnamese: why it failed, or what is worth knowing about a backup that succeeded. */
  message: string | null;
};

export const DEFAULT_SCHEDULE: BackupSchedule = { enabled: false, hour: 2 };

type Reader = Pick<Db, "select">;
type Writer = Pick<Db, "insert">;

export function backupSchedule(db: Reader): BackupSchedule {
  const value = readSetting(db, SCHEDULE) as Partial<BackupSchedule> | undefined;
  const hour = Number(value?.hour);
  return { enabled: value?.enabled === true, hour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_SCHEDULE.hour };
}

export function setBackupSchedule(db: Writer, schedule: BackupSchedule): void {
  writeSetting(db, SCHEDULE, schedule);
}

export function lastBackup(db: Reader): LastBackup | null {
  const value = readSetting(db, LAST) as LastBackup | undefined;
  return value && typeof value.at === "string" ? value : null;
}

export function setLastBackup(db: Writer, record: LastBackup): void {
  writeSetting(db, LAST, record);
}

/** The Vietnam calendar day (`yyyy-mm-dd`) of the last scheduled backup attempt. */
export function lastScheduledDay(db: Reader): string | null {
  const value = readSetting(db, SCHEDULED_DAY);
  return typeof value === "string" ? value : null;
}

export function setLastScheduledDay(db: Writer, day: string): void {
  writeSetting(db, SCHEDULED_DAY, day);
}
