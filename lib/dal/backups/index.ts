import "server-only";
import { getDb } from "@/lib/dal/connection";
import { WRITE } from "@/lib/dal/connection";
import { logActivity } from "@/lib/dal/activity/log";
import { backupDirectory } from "@/lib/backup/layout";
import { formatBytes } from "@/lib/backup/run";
import { backupSchedule as readSchedule, lastBackup, setBackupSchedule, type BackupSchedule, type BackupTrigger } from "@/lib/dal/backups/record";
import { formatDateLine } from "@/lib/vi/date-line";
import { mayPerform, requirePermission, verifySession, type SessionUser } from "@/lib/dal/session";

export type { BackupSchedule };

export type BackupStatusDto = {
  last: { at: string; atLabel: string; ok: boolean; trigger: BackupTrigger; path: string | null; size: string | null; message: string | null } | null;
  schedule: BackupSchedule;
};

/**
 * The last backup and the schedule, for the box on /admin; null for anyone who may not manage
 * settings, so the page can ask for everyone and show it to admins only.
 */
export async function backupStatus(): Promise<BackupStatusDto | null> {
  const user = await verifySession();
  if (!user || !mayPerform(user, "settings:manage")) return null;
  const db = getDb();
  const last = lastBackup(db);
  return {
    last: last && {
      at: last.at,
      atLabel: formatDateLine(new Date(last.at)),
      ok: last.ok,
      trigger: last.trigger,
      path: last.path,
      size: last.bytes === null ? null : formatBytes(last.bytes),
      message: last.message,
    },
    schedule: readSchedule(db),
  };
}

/** The schedule and where backups go, for the settings page. */
export async function backupSettings(): Promise<BackupSchedule & { directory: string }> {
  await requirePermission("settings:manage");
  return { ...readSchedule(getDb()), directory: backupDirectory() };
}

/** Saves the schedule; `user` comes from authorizedAction, and the permission is checked again beside the write. */
export function updateBackupSchedule(user: SessionUser, schedule: BackupSchedule, ip: string): boolean {
  if (!mayPerform(user, "settings:manage")) return false;
  const summary = schedule.enabled ? `Sao lưu tự động hằng ngày lúc ${String(schedule.hour).padStart(2, "0")}:00` : "Tắt sao lưu tự động";
  getDb().transaction((tx) => {
    setBackupSchedule(tx, schedule);
    logActivity(tx, { actor: { id: user.id, name: user.name }, action: "settings.update", objectType: "settings", objectId: "backupSchedule", summary, ip });
  }, WRITE);
  return true;
}
