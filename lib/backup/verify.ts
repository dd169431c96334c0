import { createHash } from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import { BackupError } from "./errors";

const MIGRATIONS_TABLE = "__drizzle_migrations";

/**
 * Checks a database copy before it counts as a backup (and again before it is restored): it opens,
 * `PRAGMA integrity_check` says `ok`, and it has the migrations table with at least one row, i.e.
 * it is this application's database and not an empty or foreign file. Returns the migration count.
 */
export function verifyDatabaseCopy(file: string): { migrations: number } {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError("Không mở được tệp cơ sở dữ liệu của bản sao lưu.", { cause: error });
  }
  try {
    let result: unknown;
    try {
      result = sqlite.pragma("integrity_check", { simple: true });
    } catch (error) {
      throw new BackupError("Tệp cơ sở dữ liệu của bản sao lưu bị hỏng hoặc không phải cơ sở dữ liệu SQLite.", { cause: error });
    }
    if (result !== "ok") throw new BackupError(`Bản sao lưu không qua kiểm tra toàn vẹn (integrity_check: ${String(result)}).`);
    const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
    if (!table) throw new BackupError("Bản sao lưu không phải cơ sở dữ liệu của hệ thống này (thiếu bảng migration).");
    const { n } = sqlite.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get() as { n: number };
    if (n < 1) throw new BackupError("Bản sao lưu không có migration nào đã chạy.");
    return { migrations: n };
  } finally {
    sqlite.close();
  }
}

/** sha256 of a file, streamed so a large database is not read into memory at once. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
