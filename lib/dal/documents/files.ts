/** Where a document's files live: under the data folder, named by content hash (lib/attachments/headers.ts). */
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { attachmentStorageName, parseAttachmentStorageName } from "@/lib/attachments/headers";
import type { AttachmentKind } from "@/lib/attachments/kinds";
import { dataDirectory } from "@/lib/config/paths";

export function attachmentsDirectory(): string {
  return path.join(dataDirectory(), "attachments");
}

/** Writes the file once (the same bytes uploaded twice are one file), atomically: a crash never leaves half a file. */
export async function storeAttachmentFile(bytes: Uint8Array, hash: string, kind: AttachmentKind, dir: string = attachmentsDirectory()): Promise<string> {
  const name = attachmentStorageName(hash, kind);
  const target = path.join(dir, name);
  await fs.mkdir(dir, { recursive: true });
  try {
    await fs.access(target);
    return name;
  } catch {
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
    return name;
  }
}

/** The path of a stored name, or null for anything that is not one (no `../` or guessed name leaves the folder). */
export function attachmentFilePath(name: string, dir: string = attachmentsDirectory()): string | null {
  return parseAttachmentStorageName(name) ? path.join(dir, name) : null;
}
