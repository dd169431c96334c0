import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { referencedRenditions } from "@/lib/backup/create";
import { BackupError } from "@/lib/backup/errors";
import { assertDatabaseNotInUse } from "@/lib/backup/in-use";
import { stamp } from "@/lib/backup/layout";
import { swapIntoPlace } from "@/lib/backup/restore";
import { verifyDatabaseCopy } from "@/lib/backup/verify";
import { toVietnamIso } from "@/lib/vi/date-line";
import { writeLitestreamConfig } from "./litestream-config";
import { openReplicaFiles } from "./replica-files";
import { describeTarget, type ReplicationSettings } from "./settings";

const run = promisify(execFile);

export type Generation = { generation: string; start: Date; end: Date };

export type ReplicaRestoreResult = {
  from: string;
  generation: string;
  /** The latest change the restored database holds, as the replica dates it. */
  pointInTime: Date;
  /** Vietnamese: said when the replica could not give exactly the moment asked for. */
  note: string | null;
  migrations: number;
  media: { files: number; missing: string[] };
  setAside: string[];
};

/** `litestream generations`' table: name, generation, lag, start, end. */
export function parseGenerations(stdout: string): Generation[] {
  return stdout
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 5 && /^[0-9a-f]{16}$/.test(cols[1]!))
    .map((cols) => ({ generation: cols[1]!, start: new Date(cols[3]!), end: new Date(cols[4]!) }));
}

/**
 * Which generation and which Litestream options restore the moment asked for: a generation that
 * covers it, restored up to it; if the replica has no change after an earlier point (nothing was
 * written since), that point; never a moment before the replica's history begins.
 */
export function restorePlan(generations: Generation[], at: Date | null): { generation: Generation; args: string[]; note: string | null } {
  if (generations.length === 0) throw new BackupError("Bản sao chưa có dữ liệu nào: máy chủ chính chưa từng chép được sang đây.");
  const latest = (list: Generation[]) => list.reduce((a, b) => (b.end > a.end ? b : a));
  if (!at) {
    const generation = latest(generations);
    return { generation, args: ["-generation", generation.generation], note: null };
  }
  const covering = generations.filter((g) => g.start <= at && at <= g.end);
  if (covering.length > 0) {
    const generation = latest(covering);
    return { generation, args: ["-generation", generation.generation, "-timestamp", at.toISOString().replace(/\.\d{3}Z$/, "Z")], note: null };
  }
  const before = generations.filter((g) => g.end < at);
  if (before.length === 0) {
    const first = generations.reduce((a, b) => (b.start < a.start ? b : a));
    throw new BackupError(`Bản sao không có dữ liệu từ trước ${toVietnamIso(first.start)}: thời điểm yêu cầu đã ra ngoài thời gian lưu giữ (REPLICA_RETENTION_HOURS).`);
  }
  const generation = latest(before);
  return { generation, args: ["-generation", generation.generation], note: `Bản sao không có thay đổi nào từ ${toVietnamIso(generation.end)} đến thời điểm yêu cầu; đã khôi phục trạng thái lúc ${toVietnamIso(generation.end)}.` };
}

/** Folds the WAL Litestream's restore leaves into the file, so the copy is one file that can be renamed into place. */
function selfContained(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = DELETE");
  } finally {
    sqlite.close();
  }
}

async function litestream(binary: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(binary, args, { maxBuffer: 16 * 1024 * 1024, timeout: 30 * 60_000 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    const detail = (e.stderr || e.stdout || e.message).trim().split("\n").slice(-3).join(" ");
    throw new BackupError(`Litestream không đọc được bản sao: ${detail}`, { cause: error });
  }
}

/**
 * Restores the database and its media as they were at `at` (or as late as the replica goes) from
 * the replica REPLICA_URL names, with the safety of a backup restore: refused while anything uses
 * the database, the copy restored beside the live files and checked (integrity, migrations)
 * before anything is touched, the pictures it names fetched, and only then swapped in, the
 * previous database and media kept aside.
 */
export async function restoreFromReplica(options: { settings: ReplicationSettings; databaseFile: string; mediaDir: string; at: Date | null; now?: Date }): Promise<ReplicaRestoreResult> {
  const { settings, databaseFile, mediaDir } = options;
  const suffix = stamp(options.now ?? new Date());
  assertDatabaseNotInUse(databaseFile);
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });

  // Litestream finds a replica through a configured database path; a stand-in file is enough.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cms-restore-"));
  const stagedDatabase = `${databaseFile}.restore-${suffix}.tmp`;
  const stagedMedia = `${mediaDir}.restore-${suffix}.tmp`;
  try {
    const standIn = path.join(work, "cms.db");
    fs.writeFileSync(standIn, "");
    const config = writeLitestreamConfig(standIn, settings, path.join(work, "litestream.json"));
    const common = ["-config", config, "-no-expand-env"];
    const plan = restorePlan(parseGenerations(await litestream(settings.binary, ["generations", ...common, standIn])), options.at);
    await litestream(settings.binary, ["restore", ...common, "-o", stagedDatabase, ...plan.args, standIn]);
    selfContained(stagedDatabase);
    const { migrations } = verifyDatabaseCopy(stagedDatabase);

    const files = referencedRenditions(stagedDatabase);
    const missing: string[] = [];
    const replicaFiles = await openReplicaFiles(settings.target);
    try {
      for (const file of files) {
        const target = path.join(stagedMedia, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        // Names are content hashes: a file already in the live folder is the same file.
        if (fs.existsSync(path.join(mediaDir, file))) fs.copyFileSync(path.join(mediaDir, file), target);
        else await replicaFiles.get(file, target).catch(() => missing.push(file));
      }
    } finally {
      await replicaFiles.close();
    }
    fs.mkdirSync(stagedMedia, { recursive: true });
    const pointInTime = options.at && !plan.note ? options.at : plan.generation.end;
    const setAside = await swapIntoPlace({ databaseFile, mediaDir, stagedDatabase, stagedMedia, suffix });
    return { from: describeTarget(settings.target), generation: plan.generation.generation, pointInTime, note: plan.note, migrations, media: { files: files.length, missing }, setAside };
  } catch (error) {
    fs.rmSync(stagedDatabase, { force: true });
    fs.rmSync(stagedMedia, { recursive: true, force: true });
    throw error;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    for (const leftover of [`${stagedDatabase}.tmp`, `${stagedDatabase}.tmp-wal`, `${stagedDatabase}.tmp-shm`, `${stagedDatabase}-wal`, `${stagedDatabase}-shm`]) fs.rmSync(leftover, { force: true });
  }
}
