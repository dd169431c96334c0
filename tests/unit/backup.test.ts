import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/lib/dal/connection";
import { activityLog, categories, media, posts } from "@/db/schema";
import { createBackup } from "@/lib/backup/create";
import { BackupError } from "@/lib/backup/errors";
import { listBackups, rotateBackups } from "@/lib/backup/rotate";
import { runBackup } from "@/lib/backup/run";
import { lastBackup } from "@/lib/dal/backups/record";
import { verifyDatabaseCopy } from "@/lib/backup/verify";

let dir: string;
let db: Db;
let mediaDir: string;
let backupDir: string;
const savedPath = process.env.DATABASE_PATH;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-backup-"));
  process.env.DATABASE_PATH = path.join(dir, "data", "cms.db");
  db = openDb(process.env.DATABASE_PATH);
  mediaDir = path.join(dir, "data", "media");
  backupDir = path.join(dir, "backups");
});
afterEach(() => {
  if (db.$client.open) db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.env.DATABASE_PATH = savedPath;
});

function addPosts(n: number, prefix = "bai") {
  const category = db.select().from(categories).get() ?? db.insert(categories).values({ name: "Tin", slug: "tin" }).returning().get();
  for (let i = 0; i < n; i++) {
    db.insert(posts).values({ title: `${prefix} ${i}`, slug: `${prefix}-${i}-${Math.random().toString(36).slice(2)}`, body: { type: "doc", content: [] }, categoryId: category.id, status: "draft" }).run();
  }
}

function addImage(hash: string) {
  fs.mkdirSync(path.join(mediaDir, hash), { recursive: true });
  fs.writeFileSync(path.join(mediaDir, hash, "480.webp"), `ảnh ${hash}`);
  db.insert(media)
    .values({ hash, width: 480, height: 320, fallbackFormat: "jpeg", renditions: [{ width: 480, height: 320, format: "webp", file: `${hash}/480.webp`, bytes: 10 }] })
    .run();
}

const postCount = (file: string) => {
  const copy = new Database(file, { readonly: true });
  try {
    return (copy.prepare("SELECT count(*) AS n FROM posts").get() as { n: number }).n;
  } finally {
    copy.close();
  }
};

describe("createBackup", () => {
  it("copies the live database and media into a verified, self-contained folder", async () => {
    addPosts(25);
    addImage("a".repeat(20));
    const created = await createBackup({ source: db.$client, mediaDir, backupDir });
    expect(await listBackups(backupDir)).toEqual([created.name]);
    const copy = path.join(created.path, "cms.db");
    expect(postCount(copy)).toBe(25);
    expect(fs.existsSync(`${copy}-wal`)).toBe(false);
    expect(new Database(copy, { readonly: true }).pragma("journal_mode", { simple: true })).toBe("delete");
    expect(fs.readFileSync(path.join(created.path, "media", "a".repeat(20), "480.webp"), "utf8")).toBe(`ảnh ${"a".repeat(20)}`);
    expect(created.manifest).toMatchObject({ format: 1, mediaFiles: 1, migrations: verifyDatabaseCopy(copy).migrations });
    expect(created.missingMedia).toEqual([]);
    // The live database keeps working after the backup.
    addPosts(1, "sau");
    expect(db.select({ n: count() }).from(posts).get()?.n).toBe(26);
  });

  it("hard-links media already in the previous backup instead of copying it again", async () => {
    addImage("b".repeat(20));
    const first = await createBackup({ source: db.$client, mediaDir, backupDir, now: new Date("2026-01-01T00:00:00Z") });
    const second = await createBackup({ source: db.$client, mediaDir, backupDir, now: new Date("2026-01-02T00:00:00Z") });
    const inode = (p: string) => fs.statSync(path.join(p, "media", "b".repeat(20), "480.webp")).ino;
    expect(inode(second.path)).toBe(inode(first.path));
  });

  it("names media rows whose files are gone from the media folder", async () => {
    addImage("c".repeat(20));
    fs.rmSync(path.join(mediaDir, "c".repeat(20)), { recursive: true });
    const created = await createBackup({ source: db.$client, mediaDir, backupDir });
    expect(created.missingMedia).toEqual([`${"c".repeat(20)}/480.webp`]);
  });
});

describe("verifyDatabaseCopy", () => {
  it("refuses a file that is not a database, a database of another application, and a damaged one", async () => {
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "không phải cơ sở dữ liệu".repeat(200));
    expect(() => verifyDatabaseCopy(junk)).toThrow(BackupError);

    const foreign = path.join(dir, "foreign.db");
    new Database(foreign).exec("CREATE TABLE t (x)");
    expect(() => verifyDatabaseCopy(foreign)).toThrow(/thiếu bảng migration/);

    addPosts(400);
    const created = await createBackup({ source: db.$client, mediaDir, backupDir });
    const damaged = path.join(dir, "damaged.db");
    const bytes = fs.readFileSync(path.join(created.path, "cms.db"));
    bytes.fill(0x5a, 8192, 8192 + 4096 * 6); // overwrite a few pages in the middle
    fs.writeFileSync(damaged, bytes);
    expect(() => verifyDatabaseCopy(damaged)).toThrow(BackupError);
    expect(verifyDatabaseCopy(path.join(created.path, "cms.db")).migrations).toBeGreaterThan(0);
  });
});

describe("rotateBackups", () => {
  it("keeps the newest N and clears half-written folders older than a day", async () => {
    fs.mkdirSync(backupDir, { recursive: true });
    const names = ["cms-backup-20260101-020000-000", "cms-backup-20260102-020000-000", "cms-backup-20260103-020000-000", "cms-backup-20260104-020000-000"];
    for (const name of names) fs.mkdirSync(path.join(backupDir, name));
    const oldPartial = path.join(backupDir, ".cms-backup-20251231-020000-000.partial");
    const freshPartial = path.join(backupDir, ".cms-backup-20260104-030000-000.partial");
    fs.mkdirSync(oldPartial);
    fs.mkdirSync(freshPartial);
    fs.mkdirSync(path.join(backupDir, "khong-phai-ban-sao-luu"));
    const now = new Date();
    fs.utimesSync(oldPartial, new Date(now.getTime() - 2 * 86_400_000), new Date(now.getTime() - 2 * 86_400_000));

    const removed = await rotateBackups(backupDir, 2, now);
    expect(removed).toEqual([names[0], names[1], path.basename(oldPartial)]);
    expect(fs.readdirSync(backupDir).sort()).toEqual([path.basename(freshPartial), names[2], names[3], "khong-phai-ban-sao-luu"].sort());
  });
});

describe("runBackup", () => {
  it("records a successful backup for the admin pages and the activity log", async () => {
    addPosts(3);
    const result = await runBackup(db, { trigger: "manual", backupDir, keep: 2 });
    expect(result.ok).toBe(true);
    const recorded = lastBackup(db);
    expect(recorded).toMatchObject({ ok: true, trigger: "manual", path: result.path, message: null });
    expect(recorded?.bytes).toBeGreaterThan(0);
    expect(db.select().from(activityLog).where(eq(activityLog.action, "backup.run")).get()).toMatchObject({ actorId: null, actorName: "Dòng lệnh (npm run backup)", summary: expect.stringContaining("Sao lưu bằng lệnh") });
  });

  it("records a failure with a Vietnamese reason instead of throwing", async () => {
    const notADirectory = path.join(dir, "tep");
    fs.writeFileSync(notADirectory, "");
    const result = await runBackup(db, { trigger: "scheduled", backupDir: path.join(notADirectory, "backups"), keep: 2 });
    expect(result).toMatchObject({ ok: false, path: null, message: "Đường dẫn thư mục sao lưu đang là một tệp, không phải thư mục." });
    expect(lastBackup(db)).toMatchObject({ ok: false, trigger: "scheduled" });
    expect(db.select().from(activityLog).where(eq(activityLog.action, "backup.run")).get()?.summary).toContain("Sao lưu tự động thất bại");
  });

  it("keeps only the configured number of backups", async () => {
    for (let day = 1; day <= 4; day++) await runBackup(db, { trigger: "manual", backupDir, keep: 3, now: new Date(`2026-02-0${day}T02:00:00Z`) });
    expect(await listBackups(backupDir)).toEqual(["cms-backup-20260202-020000-000", "cms-backup-20260203-020000-000", "cms-backup-20260204-020000-000"]);
  });
});
