import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Client, type SFTPWrapper } from "ssh2";
import { REPLICA_MEDIA_FOLDER } from "./litestream-config";
import { MEDIA_NAME, type ReplicaFiles } from "./replica-files-type";
import type { ReplicaTarget } from "./settings";

type SftpTarget = Extract<ReplicaTarget, { kind: "sftp" }>;

function call<T>(run: (done: (error: Error | null | undefined, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
}

/** The media folder on an SFTP server, over one SSH connection (ssh2, pure JavaScript). */
export async function openSftpFiles(target: SftpTarget): Promise<ReplicaFiles> {
  const client = new Client();
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
    client
      .on("ready", () => client.sftp((error, wrapper) => (error ? reject(error) : resolve(wrapper))))
      .on("error", reject)
      .connect({
        host: target.host,
        port: target.port,
        username: target.user,
        readyTimeout: 20_000,
        ...(target.keyPath ? { privateKey: fs.readFileSync(target.keyPath) } : {}),
        ...(target.password ? { password: target.password } : {}),
      });
  });
  const root = path.posix.join(target.path, REPLICA_MEDIA_FOLDER);
  const made = new Set<string>();
  const mkdirs = async (dir: string) => {
    if (made.has(dir) || dir === "/" || dir === ".") return;
    await mkdirs(path.posix.dirname(dir));
    await call<void>((done) => sftp.mkdir(dir, (error) => done(error && (error as { code?: number }).code !== 4 ? error : null))).catch(async (error) => {
      // Servers answer a folder that exists with a generic failure: check that it is there.
      await call((done) => sftp.stat(dir, done)).catch(() => Promise.reject(error));
    });
    made.add(dir);
  };
  const readdir = (dir: string) => call<Array<{ filename: string }>>((done) => sftp.readdir(dir, done)).catch(() => [] as Array<{ filename: string }>);
  return {
    async list() {
      const names = new Set<string>();
      for (const folder of await readdir(root)) {
        for (const file of await readdir(path.posix.join(root, folder.filename))) {
          const name = `${folder.filename}/${file.filename}`;
          if (MEDIA_NAME.test(name)) names.add(name);
        }
      }
      return names;
    },
    async put(name, source) {
      const target = path.posix.join(root, name);
      await mkdirs(path.posix.dirname(target));
      const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      await call<void>((done) => sftp.fastPut(source, temp, done));
      // posix-rename replaces an existing file (the plain SFTP rename refuses to).
      await call<void>((done) => sftp.ext_openssh_rename(temp, target, done));
    },
    async get(name, destination) {
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      await call<void>((done) => sftp.fastGet(path.posix.join(root, name), destination, done));
    },
    async close() {
      client.end();
    },
  };
}
