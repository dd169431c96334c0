import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, killHard, makeDataDir, startServer, stopServer, type AppServer } from "./helpers/app-server";
import { npmRun } from "./helpers/cli";
import { firstCategoryId, integrity, missingPosts, readOnly } from "./helpers/database";
import { uploadImage } from "./helpers/media";
import { caughtUp, health, waitFor } from "./helpers/replication";
import { signIn } from "./helpers/session";
import { startWriting } from "./helpers/write-loop";

/*
 * Replication to the two remote kinds, each against a real server on loopback: SFTP against
 * Debian's OpenSSH sshd (started here with its own host key and an authorized key; .ci/run
 * installs openssh-server), S3 against s3rver (an S3 API stand-in from npm: no S3-compatible server
 * is packaged for npm or Debian). Writes and a picture are shipped, the server stops, and a restore
 * into an empty folder brings both back.
 */
const servers: AppServer[] = [];
const dirs: string[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const server of servers) killHard(server);
  for (const cleanup of cleanups) await cleanup();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function roundTrip(label: string, port: number, settings: Record<string, string>, replicaHas: (mediaName: string) => Promise<boolean> | boolean, restoreToo = true) {
  const live = makeDataDir(`${label}-live`);
  const restored = makeDataDir(`${label}-restored`);
  dirs.push(live, restored);
  const server = await startServer(live, port, { ...settings, WORKERS: "1" });
  servers.push(server);
  const cookie = await signIn(server.baseUrl, ADMIN.email, ADMIN.password);
  const image = await uploadImage(server.baseUrl, cookie);
  const writing = startWriting(server.baseUrl, cookie, readOnly(path.join(live, "cms.db"), firstCategoryId), { label, writers: 2 });
  while (writing.acked.length < 20) await new Promise((r) => setTimeout(r, 20));
  await writing.stop();
  const since = Date.now();
  await waitFor(`${label}: writes on the replica`, () => health(server.baseUrl), caughtUp(since), 30_000);
  await waitFor(`${label}: the picture on the replica`, () => replicaHas(image.replace(/^\/media\//, "")), Boolean, 15_000);
  expect(await stopServer(server)).toEqual({ code: 0, signal: null });
  if (!restoreToo) return;

  const restore = await npmRun("restore", ["--from-replica"], restored, settings);
  expect(restore.code, restore.stderr).toBe(0);
  expect(readOnly(path.join(restored, "cms.db"), (db) => ({ integrity: integrity(db), missing: missingPosts(db, writing.acked) }))).toEqual({ integrity: "ok", missing: [] });
  expect(fs.existsSync(path.join(restored, image.replace(/^\//, "")))).toBe(true);
}

const sshd = "/usr/sbin/sshd";
const canRunSshd = fs.existsSync(sshd) && process.getuid?.() === 0;

describe("replication to remote storage", () => {
  it.skipIf(!canRunSshd)("ships to an SFTP server and restores from it", async () => {
    const home = makeDataDir("sftp-server");
    dirs.push(home);
    const hostKey = path.join(home, "host_ed25519");
    const clientKey = path.join(home, "client_ed25519");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey]);
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", clientKey]);
    fs.writeFileSync(path.join(home, "authorized_keys"), fs.readFileSync(`${clientKey}.pub`));
    const config = path.join(home, "sshd_config");
    fs.writeFileSync(
      config,
      [
        `HostKey ${hostKey}`,
        "ListenAddress 127.0.0.1",
        `AuthorizedKeysFile ${path.join(home, "authorized_keys")}`,
        "PermitRootLogin prohibit-password",
        "PasswordAuthentication no",
        "StrictModes no",
        "UsePAM no",
        `PidFile ${path.join(home, "sshd.pid")}`,
        "Subsystem sftp internal-sftp",
      ].join("\n") + "\n",
    );
    fs.mkdirSync("/run/sshd", { recursive: true }); // sshd's privilege separation folder
    const server: ChildProcess = spawn(sshd, ["-D", "-e", "-f", config, "-p", "3251"], { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    cleanups.push(() => void server.kill("SIGTERM"));
    await waitFor("sshd listening", () => log, (text) => text.includes("Server listening"), 10_000);
    const remote = path.join(home, "replica");
    await roundTrip("sftp", 3252, { REPLICA_URL: `sftp://root@127.0.0.1:3251${remote}`, REPLICA_SFTP_KEY: clientKey }, (name) => fs.existsSync(path.join(remote, "media", name)));
    expect(fs.readdirSync(path.join(remote, "db", "generations")).length).toBe(1);
  });

  it("ships the database and pictures to S3-compatible storage", async () => {
    const directory = makeDataDir("s3-server");
    dirs.push(directory);
    const s3 = new S3rver({ port: 3253, address: "127.0.0.1", directory, silent: true, configureBuckets: [{ name: "cms-ban-sao", configs: [] }] });
    await s3.run();
    cleanups.push(() => s3.close());
    const settings = {
      REPLICA_URL: "s3://cms-ban-sao/cuc-shtt",
      REPLICA_S3_ENDPOINT: "http://127.0.0.1:3253",
      REPLICA_S3_ACCESS_KEY_ID: "S3RVER",
      REPLICA_S3_SECRET_ACCESS_KEY: "S3RVER",
    };
    await roundTrip("s3", 3254, settings, async (name) => (await fetch(`http://127.0.0.1:3253/cms-ban-sao/cuc-shtt/media/${name}`, { method: "HEAD" })).status === 200, false);
    // Litestream's snapshot and WAL segments are in the bucket. Restoring is not run here: s3rver
    // 3.7 answers a listing with a delimiter without its CommonPrefixes, which is how Litestream
    // finds generations (S3 itself and MinIO return them), so `litestream restore` finds nothing.
    const listing = await (await fetch("http://127.0.0.1:3253/cms-ban-sao?prefix=cuc-shtt/db/")).text();
    // A snapshot's name is the WAL index it was taken at: 00000000, or later when the WAL restarted first.
    expect(listing).toMatch(/cuc-shtt\/db\/generations\/[0-9a-f]{16}\/snapshots\/[0-9a-f]{8}\.snapshot\.lz4/);
    expect(listing).toMatch(/cuc-shtt\/db\/generations\/[0-9a-f]{16}\/wal\/[0-9a-f]{8}_[0-9a-f]{8}\.wal\.lz4/);
  });
});
