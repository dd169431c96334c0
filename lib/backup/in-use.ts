import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { runningServer } from "@/lib/server/pid-file";
import { BackupError } from "./errors";

/**
 * Whether any process has the database open. A WAL-mode connection keeps a shared lock on the file
 * while it is open, so a connection in exclusive locking mode cannot begin a transaction until all
 * the others are closed: this catches a server started without a pid file, or an import running
 * from the shell. The operating system drops the locks of a killed process, so it never goes stale.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const sqlite = new Database(file, { timeout: 0 });
  try {
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.exec("BEGIN EXCLUSIVE");
    sqlite.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    sqlite.close();
  }
}

/** Refuses (with the reason) when the server or any other process uses the database. */
export function assertDatabaseNotInUse(databaseFile: string): void {
  const server = runningServer(path.dirname(databaseFile));
  if (server) {
    throw new BackupError(`Máy chủ đang chạy (pid ${server.pid}, từ ${server.startedAt}) trên thư mục dữ liệu này. Hãy dừng máy chủ rồi chạy lại lệnh khôi phục.`);
  }
  if (databaseInUse(databaseFile)) {
    throw new BackupError("Cơ sở dữ liệu đang được một tiến trình khác mở (máy chủ hoặc một lệnh khác). Hãy dừng tiến trình đó rồi chạy lại lệnh khôi phục.");
  }
}
