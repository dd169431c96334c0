/**
 * npm run backup -- [DIR] [--keep N] [--json]
 * A consistent backup of the database and the media folder, safe while the server runs (SQLite's
 * backup API, never a file copy). DIR defaults to BACKUP_DIR, else data/backups; the newest N
 * backups are kept (BACKUP_KEEP, else 14). The result is recorded and shown to admins at /admin.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { getDb } from "@/lib/dal/connection";
import { backupDirectory, backupKeep } from "@/lib/backup/layout";
import { runBackup } from "@/lib/backup/run";
import { formatBytes } from "@/lib/vi/format-bytes";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { keep: { type: "string" }, json: { type: "boolean", default: false } },
});

async function main(): Promise<number> {
  const keep = values.keep === undefined ? backupKeep() : Number(values.keep);
  if (!Number.isInteger(keep) || keep < 1 || positionals.length > 1) {
    console.error("Cách dùng: npm run backup -- [THƯ_MỤC] [--keep SỐ_BẢN_GIỮ_LẠI] [--json]");
    return 2;
  }
  const backupDir = positionals[0] ? path.resolve(positionals[0]) : backupDirectory();
  const result = await runBackup(getDb(), { trigger: "manual", backupDir, keep });
  if (values.json) console.log(JSON.stringify(result));
  else if (result.ok) {
    console.log(`Đã sao lưu: ${result.path} (${formatBytes(result.bytes ?? 0)})`);
    if (result.message) console.log(`Lưu ý: ${result.message}`);
    for (const name of result.removed) console.log(`Đã xoá bản cũ: ${name}`);
  } else console.error(`Sao lưu thất bại: ${result.message}`);
  return result.ok ? 0 : 1;
}

main().then((code) => (process.exitCode = code));
