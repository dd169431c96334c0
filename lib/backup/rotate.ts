import fs from "node:fs/promises";
import path from "node:path";
import { BACKUP_NAME } from "./layout";

const PARTIAL_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The finished backups in `dir`, oldest first (names sort by time). */
export async function listBackups(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch((error: { code?: string }) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  return names.filter((name) => BACKUP_NAME.test(name)).sort();
}

/**
 * Keeps the newest `keep` backups and removes the rest, plus folders a crashed backup left half
 * written (older than a day, so one another process is writing right now is left alone).
 * Returns the names removed.
 */
export async function rotateBackups(dir: string, keep: number, now: Date = new Date()): Promise<string[]> {
  const backups = await listBackups(dir);
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of removed) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  for (const name of await fs.readdir(dir)) {
    if (!name.startsWith(".") || !name.endsWith(".partial")) continue;
    const stat = await fs.stat(path.join(dir, name));
    if (now.getTime() - stat.mtimeMs > PARTIAL_MAX_AGE_MS) {
      await fs.rm(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
