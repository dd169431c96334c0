import fs from "node:fs/promises";
import path from "node:path";
import { BackupError } from "./errors";
import { assertDatabaseNotInUse } from "./in-use";
import { BACKUP_DATABASE, BACKUP_MANIFEST, BACKUP_MEDIA, stamp, type BackupManifest } from "./layout";
import { copyMedia } from "./media-copy";
import { sha256File, verifyDatabaseCopy } from "./verify";

export type RestoreResult = { from: string; manifest: BackupManifest; setAside: string[] };

/** The backup folder for what the operator typed: the folder itself, or its cms.db or manifest. */
async function backupFolder(given: string): Promise<string> {
  const resolved = path.resolve(given);
  const stat = await fs.stat(resolved).catch(() => null);
  if (!stat) throw new BackupError(`Không tìm thấy bản sao lưu: ${given}`);
  return stat.isDirectory() ? resolved : path.dirname(resolved);
}

async function readManifest(folder: string): Promise<BackupManifest> {
  try {
    return JSON.parse(await fs.readFile(path.join(folder, BACKUP_MANIFEST), "utf8")) as BackupManifest;
  } catch (error) {
    throw new BackupError(`Thư mục ${folder} không phải một bản sao lưu hoàn chỉnh (thiếu ${BACKUP_MANIFEST}).`, { cause: error });
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Puts a backup in place of the live database and media folder. It refuses while the server (or
 * anything else) has the database open, checks the copy (checksum, integrity, migrations) before
 * touching anything, copies everything beside the live files first, and only then swaps by
 * renaming: the previous database (with its -wal, which may hold committed writes) and media
 * folder are kept aside under a `.before-restore-<time>` name, never deleted.
 */
export async function restoreBackup(options: { backup: string; databaseFile: string; mediaDir: string; now?: Date }): Promise<RestoreResult> {
  const { databaseFile, mediaDir } = options;
  const suffix = stamp(options.now ?? new Date());
  assertDatabaseNotInUse(databaseFile);

  const folder = await backupFolder(options.backup);
  const manifest = await readManifest(folder);
  const source = path.join(folder, BACKUP_DATABASE);
  if (!(await exists(source))) throw new BackupError(`Bản sao lưu ${folder} thiếu tệp ${BACKUP_DATABASE}.`);
  if ((await sha256File(source)) !== manifest.databaseSha256) {
    throw new BackupError("Tệp cơ sở dữ liệu của bản sao lưu đã bị thay đổi hoặc hỏng (mã kiểm tra không khớp).");
  }
  verifyDatabaseCopy(source);

  await fs.mkdir(path.dirname(databaseFile), { recursive: true });
  const stagedDatabase = `${databaseFile}.restore-${suffix}.tmp`;
  const stagedMedia = `${mediaDir}.restore-${suffix}.tmp`;
  try {
    await fs.copyFile(source, stagedDatabase);
    const handle = await fs.open(stagedDatabase, "r+");
    await handle.sync();
    await handle.close();
    await fs.mkdir(stagedMedia, { recursive: true });
    await copyMedia(path.join(folder, BACKUP_MEDIA), stagedMedia);
  } catch (error) {
    await fs.rm(stagedDatabase, { force: true });
    await fs.rm(stagedMedia, { recursive: true, force: true });
    throw error;
  }

  // Checked again: the copying took time, and a server may have been started meanwhile.
  assertDatabaseNotInUse(databaseFile);
  const setAside: string[] = [];
  for (const part of ["", "-wal", "-shm"]) {
    const live = `${databaseFile}${part}`;
    if (!(await exists(live))) continue;
    const aside = `${databaseFile}.before-restore-${suffix}${part}`;
    await fs.rename(live, aside);
    setAside.push(aside);
  }
  if (await exists(mediaDir)) {
    const aside = `${mediaDir}.before-restore-${suffix}`;
    await fs.rename(mediaDir, aside);
    setAside.push(aside);
  }
  await fs.rename(stagedDatabase, databaseFile);
  await fs.rename(stagedMedia, mediaDir);
  return { from: folder, manifest, setAside };
}
