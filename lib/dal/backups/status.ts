import "server-only";
import { can } from "@/lib/auth/permissions";
import { backupDirectory } from "@/lib/backup/layout";
import { logActivity } from "@/lib/dal/activity/log";
import { logActor, requireRole, type Actor } from "@/lib/dal/actor";
import { WRITE, type Db } from "@/lib/dal/connection";
import type { ChangeResult } from "@/lib/dal/result";
import { formatDateLine } from "@/lib/vi/date-line";
import { formatBytes } from "@/lib/vi/format-bytes";
import { backupSchedule, lastBackup, setBackupSchedule, type BackupSchedule, type BackupTrigger } from "./record";

export type BackupStatusDto = {
  last: { at: string; atLabel: string; ok: boolean; trigger: BackupTrigger; path: string | null; size: string | null; message: string | null } | null;
  schedule: BackupSchedule;
};

/**
 * The last backup and the schedule, for the box on /admin; null for anyone who may not manage
 * settings (not a refusal: the page asks for everyone and shows it to admins only).
 */
export function backupStatusFor(db: Db, actor: Actor | null): BackupStatusDto | null {
  if (!actor || !can(actor.role, "settings:manage")) return null;
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
    schedule: backupSchedule(db),
  };
}

/** The schedule and where backups go, for the settings page. */
export function backupSettingsFor(db: Db, actor: Actor | null): BackupSchedule & { directory: string } {
  requireRole(actor, "settings:manage");
  return { ...backupSchedule(db), directory: backupDirectory() };
}

export function updateBackupScheduleFor(db: Db, actor: Actor | null, schedule: BackupSchedule): ChangeResult {
  requireRole(actor, "settings:manage");
  const summary = schedule.enabled ? `Sao lưu tự động hằng ngày lúc ${String(schedule.hour).padStart(2, "0")}:00` : "Tắt sao lưu tự động";
  db.transaction((tx) => {
    setBackupSchedule(tx, schedule);
    logActivity(tx, { actor: logActor(actor), action: "settings.update", objectType: "settings", objectId: "backupSchedule", summary, ip: actor.ip });
  }, WRITE);
  return { ok: true, message: "Đã lưu cài đặt sao lưu." };
}
