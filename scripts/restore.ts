/**
 * npm run restore -- BACKUP
 * npm run restore -- --from-replica [--at "2026-12-03 10:15"]
 * Restores a backup folder made by `npm run backup` (or its cms.db), or the continuous replica
 * REPLICA_URL names (as late as it goes, or as it was at a moment: Vietnam time, or ISO 8601 with
 * an offset), into DATABASE_PATH and the media folder beside it. Refuses while the server or any
 * other process has the database open; the previous database and media are kept aside under
 * `.before-restore-<time>` names.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "@/lib/dal/connection";
import { databasePath } from "@/lib/config/paths";
import { logActivity } from "@/lib/dal/activity/log";
import { backupErrorMessage } from "@/lib/backup/errors";
import { restoreBackup } from "@/lib/backup/restore";
import { mediaDirectory } from "@/lib/media/store";
import { restoreFromReplica } from "@/lib/replication/restore";
import { parseRestoreTime } from "@/lib/replication/restore-time";
import { readReplicationSettings } from "@/lib/replication/settings";
import { toVietnamIso } from "@/lib/vi/date-line";

const USAGE = 'Cách dùng: npm run restore -- THƯ_MỤC_SAO_LƯU\n       npm run restore -- --from-replica [--at "2026-12-03 10:15"]   (giờ Việt Nam, hoặc ISO 8601 có múi giờ)';

function record(summary: string, objectId: string): void {
  // Opening applies any migration newer than the copy, as the server would at its next start.
  const db = openDb(databasePath());
  logActivity(db, { actor: { id: null, name: "Dòng lệnh (npm run restore)" }, action: "backup.restore", objectType: "backup", objectId, summary });
  db.$client.close();
}

async function fromReplica(at: string | undefined): Promise<number> {
  const { settings, problems } = readReplicationSettings();
  if (!settings) {
    console.error(problems.length ? problems.map((p) => `- ${p.variable}: ${p.message}`).join("\n") : "Chưa đặt REPLICA_URL: không biết bản sao ở đâu.");
    return 2;
  }
  const moment = at === undefined ? null : parseRestoreTime(at);
  if (at !== undefined && !moment) {
    console.error(`Thời điểm “${at}” không hợp lệ: viết theo giờ Việt Nam “2026-12-03 10:15” hoặc ISO 8601 có múi giờ “2026-12-03T03:15:00Z”.`);
    return 2;
  }
  const result = await restoreFromReplica({ settings, databaseFile: databasePath(), mediaDir: mediaDirectory(), at: moment });
  const when = toVietnamIso(result.pointInTime);
  record(`Khôi phục từ bản sao liên tục ${result.from} (thời điểm ${when})`, result.from);
  console.log(`Đã khôi phục từ bản sao ${result.from} vào ${databasePath()}: dữ liệu tới ${when} (thế hệ ${result.generation}), ${result.media.files} tệp ảnh.`);
  if (result.note) console.log(`Lưu ý: ${result.note}`);
  if (result.media.missing.length) console.log(`Lưu ý: ${result.media.missing.length} tệp ảnh không có trên bản sao: ${result.media.missing.slice(0, 5).join(", ")}${result.media.missing.length > 5 ? ", …" : ""}`);
  for (const aside of result.setAside) console.log(`Bản trước khi khôi phục được giữ lại: ${aside}`);
  return 0;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, args: process.argv.slice(2).filter((arg) => arg !== "--"), options: { "from-replica": { type: "boolean", default: false }, at: { type: "string" } } });
  } catch {
    console.error(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  try {
    if (values["from-replica"]) {
      if (positionals.length > 0) {
        console.error(USAGE);
        return 2;
      }
      return await fromReplica(values.at);
    }
    if (positionals.length !== 1 || values.at !== undefined) {
      console.error(USAGE);
      return 2;
    }
    const result = await restoreBackup({ backup: positionals[0]!, databaseFile: databasePath(), mediaDir: mediaDirectory() });
    record(`Khôi phục từ ${path.basename(result.from)} (tạo lúc ${result.manifest.createdAt})`, result.from);
    console.log(`Đã khôi phục từ ${result.from} vào ${databasePath()}.`);
    for (const aside of result.setAside) console.log(`Bản trước khi khôi phục được giữ lại: ${aside}`);
    return 0;
  } catch (error) {
    console.error(`Khôi phục thất bại: ${backupErrorMessage(error)}`);
    return 1;
  }
}

main().then((code) => (process.exitCode = code));
