import "server-only";
import type { Db } from "@/lib/dal/connection";
import { logActivity } from "@/lib/dal/activity/log";
import { mediaDirectory } from "@/lib/media/store";
import { formatBytes } from "@/lib/vi/format-bytes";
import { createBackup } from "./create";
import { backupErrorMessage } from "./errors";
import { backupDirectory, backupKeep } from "./layout";
import { rotateBackups } from "./rotate";
import { setLastBackup, type BackupTrigger, type LastBackup } from "@/lib/dal/backups/record";

const TRIGGER_LABELS: Record<BackupTrigger, string> = { scheduled: "Sao lưu tự động", manual: "Sao lưu bằng lệnh" };
/** How the activity log names who ran it: nobody signed in, the server or an operator's shell. */
const ACTORS: Record<BackupTrigger, string> = { scheduled: "Hệ thống (sao lưu tự động)", manual: "Dòng lệnh (npm run backup)" };

/**
 * One backup of the database behind `db` and of the media folder into the backup folder, then
 * rotation; the result, success or failure, is recorded where the admin pages read it and in the
 * activity log. Never throws: a failed backup is a recorded fact, not a crash.
 */
export async function runBackup(
  db: Db,
  options: { trigger: BackupTrigger; backupDir?: string; keep?: number; now?: Date },
): Promise<LastBackup & { removed: string[] }> {
  const now = options.now ?? new Date();
  const backupDir = options.backupDir ?? backupDirectory();
  let record: LastBackup;
  let removed: string[] = [];
  try {
    const created = await createBackup({ source: db.$client, mediaDir: mediaDirectory(), backupDir, now });
    removed = await rotateBackups(backupDir, options.keep ?? backupKeep(), now);
    const missing = created.missingMedia.length;
    record = {
      at: now.toISOString(),
      ok: true,
      trigger: options.trigger,
      path: created.path,
      bytes: created.bytes,
      message: missing > 0 ? `Có ${missing} tệp ảnh được cơ sở dữ liệu nhắc tới nhưng không còn trong thư mục ảnh.` : null,
    };
  } catch (error) {
    console.error("[backup] failed", error);
    record = { at: now.toISOString(), ok: false, trigger: options.trigger, path: null, bytes: null, message: backupErrorMessage(error) };
  }
  const summary = record.ok
    ? `${TRIGGER_LABELS[record.trigger]}: ${record.path} (${formatBytes(record.bytes ?? 0)})`
    : `${TRIGGER_LABELS[record.trigger]} thất bại: ${record.message}`;
  db.transaction((tx) => {
    setLastBackup(tx, record);
    logActivity(tx, { actor: { id: null, name: ACTORS[record.trigger] }, action: "backup.run", objectType: "backup", objectId: record.path ?? "", summary });
  });
  return { ...record, removed };
}
