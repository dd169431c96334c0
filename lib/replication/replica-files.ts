import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { REPLICA_MEDIA_FOLDER } from "./litestream-config";
import type { ReplicaTarget } from "./settings";

import { MEDIA_NAME, type ReplicaFiles } from "./replica-files-type";

export type { ReplicaFiles } from "./replica-files-type";

/** The media part of a replica, whatever kind it is. */
export async function openReplicaFiles(target: ReplicaTarget): Promise<ReplicaFiles> {
  if (target.kind === "sftp") return (await import("./sftp-files")).openSftpFiles(target);
  if (target.kind === "s3") return (await import("./s3-files")).openS3Files(target);
  return folderFiles(path.join(target.path, REPLICA_MEDIA_FOLDER));
}

/** A folder on a local or mounted disk. */
export function folderFiles(root: string): ReplicaFiles {
  return {
    async list() {
      const names = new Set<string>();
      for (const folder of await fs.readdir(root).catch(() => [] as string[])) {
        for (const file of await fs.readdir(path.join(root, folder)).catch(() => [] as string[])) {
          const name = `${folder}/${file}`;
          if (MEDIA_NAME.test(name)) names.add(name);
        }
      }
      return names;
    },
    async put(name, source) {
      const target = path.join(root, name);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      await fs.copyFile(source, temp);
      const handle = await fs.open(temp, "r+");
      await handle.sync();
      await handle.close();
      await fs.rename(temp, target);
    },
    async get(name, destination) {
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.copyFile(path.join(root, name), destination);
    },
    async close() {},
  };
}
