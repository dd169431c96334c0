import fs from "node:fs/promises";
import path from "node:path";

// Renditions are `<hash>/<width>.<ext>`; anything else (a `.tmp` being written) is not copied.
const RENDITION = /^\d{1,4}\.(webp|jpg|png|gif)$/;

async function entries(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return [];
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Copies the media renditions under `source` that `target` lacks. Renditions are written once
 * under a name derived from their content and never changed, so a file already present in the
 * previous backup is hard-linked from there instead of copied: fourteen daily backups of the same
 * library take the room of one. Returns how many files `target` holds for `source`.
 */
export async function copyMedia(source: string, target: string, previous: string | null = null): Promise<number> {
  let count = 0;
  for (const folder of await entries(source)) {
    for (const name of await entries(path.join(source, folder))) {
      if (!RENDITION.test(name)) continue;
      const relative = path.join(folder, name);
      const destination = path.join(target, relative);
      count += 1;
      if (await exists(destination)) continue;
      await fs.mkdir(path.dirname(destination), { recursive: true });
      if (previous && (await linkFrom(path.join(previous, relative), destination))) continue;
      try {
        await fs.copyFile(path.join(source, relative), destination);
      } catch (error) {
        // Deleted from the library between listing and copying: it is not in the backup's database either.
        if ((error as { code?: string }).code === "ENOENT") count -= 1;
        else throw error;
      }
    }
  }
  return count;
}

async function linkFrom(existing: string, destination: string): Promise<boolean> {
  try {
    await fs.link(existing, destination);
    return true;
  } catch {
    return false; // not in the previous backup, or another file system: copy instead
  }
}

/** Relative paths of the renditions a database's media rows name that are missing under `mediaDir`. */
export async function missingRenditions(files: string[], mediaDir: string): Promise<string[]> {
  const missing: string[] = [];
  for (const file of files) if (!(await exists(path.join(mediaDir, file)))) missing.push(file);
  return missing;
}
