import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { dataDirectory } from "@/lib/config/paths";

const EXT_MIME: Record<string, string> = { webp: "image/webp", jpg: "image/jpeg", png: "image/png", gif: "image/gif" };
// The only names that exist under the media folder: <content hash>/<width>.<ext>.
const MEDIA_PATH = /^([0-9a-f]{20})\/(\d{1,4})\.(webp|jpg|png|gif)$/;

export function mediaDirectory(): string {
  return path.join(dataDirectory(), "media");
}

/** Writes renditions atomically (temp file, then rename), so a crash never leaves half an image. */
export async function saveMediaFiles(files: Array<{ file: string; data: Buffer }>): Promise<void> {
  const root = mediaDirectory();
  for (const { file, data } of files) {
    if (!MEDIA_PATH.test(file)) throw new Error(`refusing to write media path ${file}`);
    const target = path.join(root, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    await fs.writeFile(temp, data);
    await fs.rename(temp, target);
  }
}

/**
 * The file and its exact type for a request path, or null. Only names we generate match, so
 * `../`, encoded dots, NUL bytes or anything else can never leave the media folder.
 */
export function resolveMediaPath(requestPath: string): { file: string; contentType: string } | null {
  const match = MEDIA_PATH.exec(requestPath);
  if (!match) return null;
  return { file: path.join(mediaDirectory(), match[1]!, `${match[2]}.${match[3]}`), contentType: EXT_MIME[match[3]!]! };
}

export function mediaUrl(file: string): string {
  return `/media/${file}`;
}
