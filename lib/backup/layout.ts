import path from "node:path";
import { dataDirectory } from "@/lib/config/paths";

/*
 * What a backup is on disk: one folder per backup, named by its UTC time so that names sort in
 * time order, holding the database (a single file, journal_mode=DELETE), the media renditions and
 * a manifest. A folder under construction carries a leading dot and is never counted or restored.
 */
export const BACKUP_PREFIX = "cms-backup-";
export const BACKUP_NAME = /^cms-backup-\d{8}-\d{6}-\d{3}$/;
export const BACKUP_DATABASE = "cms.db";
export const BACKUP_MEDIA = "media";
export const BACKUP_MANIFEST = "manifest.json";
export const DEFAULT_KEEP = 14;

export type BackupManifest = {
  format: 1;
  createdAt: string;
  databaseBytes: number;
  databaseSha256: string;
  migrations: number;
  mediaFiles: number;
};

/** BACKUP_DIR, or `backups` beside the database. */
export function backupDirectory(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.BACKUP_DIR || path.join(dataDirectory(), "backups"));
}

/** How many backups rotation keeps: BACKUP_KEEP, else 14. */
export function backupKeep(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.BACKUP_KEEP);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_KEEP;
}

/** `cms-backup-20260501-020000-123` for 2026-05-01 02:00:00.123 UTC. */
export function backupName(now: Date): string {
  const iso = now.toISOString(); // 2026-05-01T02:00:00.123Z
  return `${BACKUP_PREFIX}${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}-${iso.slice(20, 23)}`;
}

/** A timestamp for names of files set aside (`cms.db.before-restore-20260501-020000-123`). */
export function stamp(now: Date): string {
  return backupName(now).slice(BACKUP_PREFIX.length);
}
