import fs from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { BACKUP_DATABASE, BACKUP_MANIFEST, BACKUP_MEDIA, backupName, type BackupManifest } from "./layout";
import { copyMedia, missingRenditions } from "./media-copy";
import { listBackups } from "./rotate";
import { sha256File, verifyDatabaseCopy } from "./verify";

export type BackupCreated = {
  name: string;
  path: string;
  /** The database plus the media files, in bytes. */
  bytes: number;
  manifest: BackupManifest;
  /** Media rows of the copied database whose files are missing (also missing from the live folder). */
  missingMedia: string[];
};

const PAGES_PER_STEP = 1000;

/**
 * The SQLite backup API copies a live database page by page; a write through another connection
 * (another process) restarts it. Small steps keep the server responsive; after a restart the rest
 * is copied in one step, inside one read transaction, so a busy database cannot starve the backup.
 */
function backupSteps() {
  let lowest = Number.POSITIVE_INFINITY;
  let restarted = false;
  return ({ remainingPages }: { totalPages: number; remainingPages: number }) => {
    if (remainingPages > lowest) restarted = true;
    lowest = Math.min(lowest, remainingPages);
    return restarted ? 0x7fffffff : PAGES_PER_STEP;
  };
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** The rendition files the media rows of a database file name. */
export function referencedRenditions(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    const rows = sqlite.prepare("SELECT renditions FROM media").all() as Array<{ renditions: string }>;
    return rows.flatMap((row) => (JSON.parse(row.renditions) as Array<{ file: string }>).map((r) => r.file));
  } finally {
    sqlite.close();
  }
}

/**
 * Takes a consistent backup of a live database (through `source`, a connection to it) and of the
 * media folder, while the application keeps serving. Media is copied before and after the
 * database: files are written before their row is inserted and removed after it is deleted, so
 * every image the copied database names is in one of the two passes. The folder is built under a
 * dot-name and renamed when complete and verified, so a half backup is never mistaken for one.
 */
export async function createBackup(options: { source: Database.Database; mediaDir: string; backupDir: string; now?: Date }): Promise<BackupCreated> {
  const now = options.now ?? new Date();
  const name = backupName(now);
  const finalPath = path.join(options.backupDir, name);
  const partial = path.join(options.backupDir, `.${name}.partial`);
  await fs.mkdir(options.backupDir, { recursive: true });
  await fs.rm(partial, { recursive: true, force: true });
  await fs.mkdir(path.join(partial, BACKUP_MEDIA), { recursive: true });
  try {
    const previous = (await listBackups(options.backupDir)).at(-1);
    const previousMedia = previous ? path.join(options.backupDir, previous, BACKUP_MEDIA) : null;
    const databaseFile = path.join(partial, BACKUP_DATABASE);

    await copyMedia(options.mediaDir, path.join(partial, BACKUP_MEDIA), previousMedia);
    await options.source.backup(databaseFile, { progress: backupSteps() });
    const mediaFiles = await copyMedia(options.mediaDir, path.join(partial, BACKUP_MEDIA), previousMedia);

    // One self-contained file: a WAL-mode copy would need its -wal and -shm beside it to open.
    const copy = new Database(databaseFile);
    copy.pragma("journal_mode = DELETE");
    copy.close();

    const { migrations } = verifyDatabaseCopy(databaseFile);
    const missingMedia = await missingRenditions(referencedRenditions(databaseFile), path.join(partial, BACKUP_MEDIA));
    const databaseBytes = (await fs.stat(databaseFile)).size;
    const manifest: BackupManifest = {
      format: 1,
      createdAt: now.toISOString(),
      databaseBytes,
      databaseSha256: await sha256File(databaseFile),
      migrations,
      mediaFiles,
    };
    await fs.writeFile(path.join(partial, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const bytes = databaseBytes + (await bytesUnder(path.join(partial, BACKUP_MEDIA)));
    await fs.rename(partial, finalPath);
    return { name, path: finalPath, bytes, manifest, missingMedia };
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}
