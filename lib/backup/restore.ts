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

  const setAside = await swapIntoPlace({ databaseFile, mediaDir, stagedDatabase, stagedMedia, suffix });
  return { from: folder, manifest, setAside };
}

/**
 * The last step of every restore: checks again that nothing uses the database (the copying took
 * time, and a server may have been started meanwhile), sets the live database (with its -wal,
 * which may hold committed writes), media folder and Litestream state aside under
 * `.before-restore-<suffix>` names, never deleted, and renames the staged copies into place.
 */
export async function swapIntoPlace(options: { databaseFile: string; mediaDir: string; stagedDatabase: string; stagedMedia: string; suffix: string }): Promise<string[]> {
  const { databaseFile, mediaDir, suffix } = options;
  assertDatabaseNotInUse(databaseFile);
  const setAside: string[] = [];
  for (const part of ["", "-wal", "-shm"]) {
    const live = `${databaseFile}${part}`;
    if (!(await exists(live))) continue;
    const aside = `${databaseFile}.before-restore-${suffix}${part}`;
    await fs.rename(live, aside);
    setAside.push(aside);
  }
  // Litestream's record of the old database: the restored one starts a new generation.
  const meta = path.join(path.dirname(databaseFile), `.${path.basename(databaseFile)}-litestream`);
  for (const folder of [mediaDir, meta]) {
    if (!(await exists(folder))) continue;
    const aside = `${folder}.before-restore-${suffix}`;
    await fs.rename(folder, aside);
    setAside.push(aside);
  }
  await fs.rename(options.stagedDatabase, databaseFile);
  await fs.rename(options.stagedMedia, mediaDir);
  return setAside;
}
