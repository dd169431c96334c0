/** Backup status and schedule for /admin and its settings: ./status.ts run as the signed-in person (lib/dal/bind.ts). */
import "server-only";
import { change, read } from "@/lib/dal/bind";
import type { BackupSchedule } from "./record";
import { backupSettingsFor, backupStatusFor, updateBackupScheduleFor } from "./status";

export type { BackupSchedule } from "./record";
export type { BackupStatusDto } from "./status";

export const backupStatus = () => read(backupStatusFor);
export const backupSettings = () => read(backupSettingsFor);
export const updateBackupSchedule = (schedule: BackupSchedule) => change("settings:manage", "backupSchedule", (db, actor) => updateBackupScheduleFor(db, actor, schedule));
