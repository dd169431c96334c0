import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { dataDirectory } from "@/lib/config/paths";
import { AUDIO_FILE } from "./names";

// The recordings on disk: data/audio/<sha256 of the bytes, 32 hex digits>.mp3, written once, never changed.

/** Beside the database, like the media folder (not in backups: every recording can be made again). */
export function audioDirectory(): string {
  return path.join(dataDirectory(), "audio");
}

/** The path of a recording, or null for a name that is not one of ours (nothing else can be reached). */
export function audioFilePath(directory: string, file: string): string | null {
  return AUDIO_FILE.test(file) ? path.join(directory, `${file}.mp3`) : null;
}

/** Stores the bytes under their content's name (temp file, then rename, so a crash never leaves half a file); returns the name. */
export async function writeAudioFile(directory: string, bytes: Uint8Array): Promise<string> {
  const file = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  const target = path.join(directory, `${file}.mp3`);
  await fs.mkdir(directory, { recursive: true });
  const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  await fs.writeFile(temp, bytes);
  await fs.rename(temp, target);
  return file;
}

export async function audioFileExists(directory: string, file: string): Promise<boolean> {
  const at = audioFilePath(directory, file);
  return at !== null && (await fs.stat(at).then((s) => s.isFile(), () => false));
}

export async function removeAudioFile(directory: string, file: string): Promise<void> {
  const at = audioFilePath(directory, file);
  if (at) await fs.rm(at, { force: true });
}

/**
 * Files in the folder that no row names, older than `graceMs`: what a remake replaced, what was
 * made for text that changed meanwhile, what another process is about to name (hence the grace).
 */
export async function leftoverAudioFiles(directory: string, named: ReadonlySet<string>, now: Date, graceMs: number): Promise<string[]> {
  const entries = await fs.readdir(directory).catch(() => [] as string[]);
  const leftovers: string[] = [];
  for (const entry of entries) {
    const match = /^([0-9a-f]{32})\.mp3(?:\.[0-9a-f]{12}\.tmp)?$/.exec(entry);
    if (!match || (named.has(match[1]!) && !entry.endsWith(".tmp"))) continue;
    const stat = await fs.stat(path.join(directory, entry)).catch(() => null);
    if (stat && now.getTime() - stat.mtimeMs >= graceMs) leftovers.push(entry);
  }
  return leftovers;
}

export async function removeLeftover(directory: string, entry: string): Promise<void> {
  if (/^[0-9a-f]{32}\.mp3(?:\.[0-9a-f]{12}\.tmp)?$/.test(entry)) await fs.rm(path.join(directory, entry), { force: true });
}
