/**
 * npm run restore -- BACKUP
 * Restores a backup folder made by `npm run backup` (or its cms.db) into DATABASE_PATH and the
 * media folder beside it. Refuses while the server or any other process has the database open;
 * the previous database and media are kept aside under `.before-restore-<time>` names.
 */
import path from "node:path";
import { openDb } from "@/lib/dal/connection";
import { databasePath } from "@/lib/config/paths";
import { logActivity } from "@/lib/dal/activity/log";
import { backupErrorMessage } from "@/lib/backup/errors";
import { restoreBackup } from "@/lib/backup/restore";
import { mediaDirectory } from "@/lib/media/store";

async function main(): Promise<number> {
  const given = process.argv.slice(2).filter((arg) => arg !== "--");
  if (given.length !== 1) {
    console.error("Cách dùng: npm run restore -- THƯ_MỤC_SAO_LƯU");
    return 2;
  }
  try {
    const result = await restoreBackup({ backup: given[0]!, databaseFile: databasePath(), mediaDir: mediaDirectory() });
    // Opening applies any migration newer than the backup, as the server would at its next start.
    const db = openDb(databasePath());
    logActivity(db, { actor: { id: null, name: "Dòng lệnh (npm run restore)" }, action: "backup.restore", objectType: "backup", objectId: result.from, summary: `Khôi phục từ ${path.basename(result.from)} (tạo lúc ${result.manifest.createdAt})` });
    db.$client.close();
    console.log(`Đã khôi phục từ ${result.from} vào ${databasePath()}.`);
    for (const aside of result.setAside) console.log(`Bản trước khi khôi phục được giữ lại: ${aside}`);
    return 0;
  } catch (error) {
    console.error(`Khôi phục thất bại: ${backupErrorMessage(error)}`);
    return 1;
  }
}

main().then((code) => (process.exitCode = code));
