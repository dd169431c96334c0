import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/lib/dal/connection";
import { categories, posts } from "@/db/schema";
import { createBackup, type BackupCreated } from "@/lib/backup/create";
import { databaseInUse } from "@/lib/backup/in-use";
import { restoreBackup } from "@/lib/backup/restore";
import { PID_FILE, removePidFile, runningServer, writePidFile } from "@/lib/server/pid-file";

let dir: string;
let dataDir: string;
let databaseFile: string;
let mediaDir: string;
let db: Db;
let backup: BackupCreated;

const HASH = "d".repeat(20);
const titles = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare("SELECT title FROM posts ORDER BY id").all() as Array<{ title: string }>).map((r) => r.title);
  } finally {
    sqlite.close();
  }
};

function addPost(title: string) {
  const category = db.select().from(categories).get() ?? db.insert(categories).values({ name: "Tin", slug: "tin" }).returning().get();
  db.insert(posts).values({ title, slug: title.replaceAll(" ", "-"), body: { type: "doc", content: [] }, categoryId: category.id, status: "draft" }).run();
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-restore-"));
  dataDir = path.join(dir, "data");
  databaseFile = path.join(dataDir, "cms.db");
  mediaDir = path.join(dataDir, "media");
  db = openDb(databaseFile);
  addPost("truoc sao luu");
  fs.mkdirSync(path.join(mediaDir, HASH), { recursive: true });
  fs.writeFileSync(path.join(mediaDir, HASH, "480.webp"), "ảnh trong bản sao lưu");
  backup = await createBackup({ source: db.$client, mediaDir, backupDir: path.join(dir, "backups") });
  addPost("sau sao luu");
  fs.writeFileSync(path.join(mediaDir, HASH, "960.webp"), "ảnh thêm sau");
});
afterEach(() => {
  if (db.$client.open) db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("restoreBackup", () => {
  it("refuses while the database is open, and changes nothing", async () => {
    expect(databaseInUse(databaseFile)).toBe(true);
    await expect(restoreBackup({ backup: backup.path, databaseFile, mediaDir })).rejects.toThrow(/đang được một tiến trình khác mở/);
    expect(titles(databaseFile)).toEqual(["truoc sao luu", "sau sao luu"]);
  });

  it("refuses while a live server's pid file is there, even with the database closed", async () => {
    db.$client.close();
    writePidFile(dataDir, 3000);
    await expect(restoreBackup({ backup: backup.path, databaseFile, mediaDir })).rejects.toThrow(new RegExp(`Máy chủ đang chạy \\(pid ${process.pid}`));
    removePidFile(dataDir);
    expect(fs.existsSync(path.join(dataDir, PID_FILE))).toBe(false);
  });

  it("restores the database and media, keeping the previous ones aside", async () => {
    db.$client.close();
    const now = new Date("2026-03-04T05:06:07.089Z");
    const result = await restoreBackup({ backup: path.join(backup.path, "cms.db"), databaseFile, mediaDir, now });
    expect(result.from).toBe(backup.path);
    expect(titles(databaseFile)).toEqual(["truoc sao luu"]);
    expect(fs.readdirSync(path.join(mediaDir, HASH))).toEqual(["480.webp"]);
    const asideDb = path.join(dataDir, "cms.db.before-restore-20260304-050607-089");
    expect(result.setAside).toContain(asideDb);
    expect(titles(asideDb)).toEqual(["truoc sao luu", "sau sao luu"]);
    expect(fs.readdirSync(path.join(dataDir, "media.before-restore-20260304-050607-089", HASH)).sort()).toEqual(["480.webp", "960.webp"]);
    expect(new Database(databaseFile, { readonly: true }).pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("refuses a backup whose database was changed after it was made", async () => {
    db.$client.close();
    const copy = new Database(path.join(backup.path, "cms.db"));
    copy.exec("UPDATE categories SET name = 'sua len'");
    copy.close();
    await expect(restoreBackup({ backup: backup.path, databaseFile, mediaDir })).rejects.toThrow(/mã kiểm tra không khớp/);
    expect(titles(databaseFile)).toEqual(["truoc sao luu", "sau sao luu"]);
  });

  it("refuses a folder that is not a backup", async () => {
    db.$client.close();
    await expect(restoreBackup({ backup: dataDir, databaseFile, mediaDir })).rejects.toThrow(/không phải một bản sao lưu hoàn chỉnh/);
  });
});

describe("runningServer", () => {
  it("ignores a pid file left by a killed server, or whose pid now belongs to another process", () => {
    expect(runningServer(dataDir)).toBeNull();
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    const deadPid = Number(child.stdout.toString());
    fs.writeFileSync(path.join(dataDir, PID_FILE), JSON.stringify({ pid: deadPid, identity: null, startedAt: "x" }));
    expect(runningServer(dataDir)).toBeNull();
    // Our own pid, recorded with another process's identity: the pid was reused after a reboot or kill -9.
    fs.writeFileSync(path.join(dataDir, PID_FILE), JSON.stringify({ pid: process.pid, identity: "khac:1", startedAt: "x" }));
    expect(runningServer(dataDir)).toBeNull();
    writePidFile(dataDir, 3000);
    expect(runningServer(dataDir)?.pid).toBe(process.pid);
  });
});
