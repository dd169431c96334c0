/**
 * npm run drill:failover -- [--seconds 10] [--workers N] [--port 3290] [--keep]
 * The failover drill (README, "Standby and failover"), on this machine with throw-away folders: a
 * primary (`npm start`, N app processes) replicates to a replica folder while editors save drafts
 * through the app (POST /api/admin/posts, signed in); mid-writing the primary's whole process tree
 * (Litestream included: the machine is lost) gets `kill -9`; the standby procedure
 * (`npm run standby`: restore from the replica, then start) brings the site up in another folder
 * on another port. It prints how many acknowledged saves the standby lacks and how many seconds of
 * writing they span (the recovery point), and how long from the kill until the standby answered
 * /api/health with 200 (the recovery time). Needs the built app (`npm run build`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { npmStartNodeArgs, waitUntilHealthy } from "../lib/server/start-command";
import { signIn } from "../tests/scripts/helpers/session";
import { startWriting } from "../tests/scripts/helpers/write-loop";

export type DrillResult = {
  workers: number;
  writeSeconds: number;
  acknowledged: number;
  missing: number;
  /** Seconds of writing the missing saves span, up to the kill: 0 when none is missing. */
  recoveryPointSeconds: number;
  /** From the kill to the standby's first 200 from /api/health. */
  recoveryTimeSeconds: number;
  restoreSeconds: number;
  standbyPosts: number;
};

const EDITOR = { email: "bientap@drill.test", password: "Mật khẩu biên tập viên diễn tập 2026" };
const ADMIN_PASSWORD = "Mật khẩu quản trị diễn tập 2026";
const AUTH_SECRET = "dien-tap-chuyen-may-khong-dung-that-0123456789";
const ROOT = process.cwd();

function env(databaseFile: string, port: number, replica: string, workers: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_PATH: databaseFile,
    REPLICA_URL: replica,
    WORKERS: String(workers),
    PORT: String(port),
    HOST: "127.0.0.1",
    SITE_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET,
    ADMIN_EMAIL: "quantri@drill.test",
    ADMIN_PASSWORD,
  };
}

function launch(command: string, args: string[], environment: NodeJS.ProcessEnv, log: string): { child: ChildProcess; exited: Promise<unknown> } {
  // Its own process group, so that one kill -9 takes the whole tree: the machine is lost.
  const out = fs.openSync(log, "a");
  const child = spawn(command, args, { cwd: ROOT, env: environment, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  return { child, exited: new Promise((resolve) => child.once("exit", resolve)) };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // gone already
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function runDrill(options: { writeSeconds: number; workers: number; port: number; keep?: boolean; say?: (line: string) => void }): Promise<DrillResult> {
  const say = options.say ?? (() => undefined);
  if (!fs.existsSync(path.join(ROOT, "dist", "server.js"))) throw new Error("the app is not built: run `npm run build` first");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-drill-"));
  const replica = path.join(dir, "replica");
  const primaryDb = path.join(dir, "primary", "cms.db");
  const standbyDb = path.join(dir, "standby", "cms.db");
  const primaryEnv = env(primaryDb, options.port, replica, options.workers);
  const standbyEnv = env(standbyDb, options.port + 1, replica, options.workers);
  let primary: ReturnType<typeof launch> | null = null;
  let standby: ReturnType<typeof launch> | null = null;
  try {
    fs.mkdirSync(path.dirname(primaryDb), { recursive: true });
    const created = launch(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/create-user.ts", "--email", EDITOR.email, "--name", "Biên tập viên diễn tập", "--role", "editor", "--password", EDITOR.password], primaryEnv, path.join(dir, "primary.log"));
    await created.exited;

    say(`primary: npm start with ${options.workers} app processes, replicating to ${replica}`);
    primary = launch(process.execPath, npmStartNodeArgs(ROOT), primaryEnv, path.join(dir, "primary.log"));
    const origin = `http://127.0.0.1:${options.port}`;
    if (!(await waitUntilHealthy(origin, { timeoutMs: 90_000, exited: primary.exited }))) throw new Error(`the primary did not start: see ${dir}/primary.log`);
    await until(async () => ((await (await fetch(`${origin}/api/health`)).json()) as { replication?: { lastShipped?: unknown } }).replication?.lastShipped != null, 30_000, "the first shipment to the replica");

    const cookie = await signIn(origin, EDITOR.email, EDITOR.password);
    const db = new Database(primaryDb, { readonly: true });
    const categoryId = (db.prepare("SELECT id FROM categories ORDER BY id LIMIT 1").get() as { id: number }).id;
    db.close();
    say(`writing: 4 editors saving drafts through POST /api/admin/posts for ${options.writeSeconds} s`);
    const writing = startWriting(origin, cookie, categoryId, { label: "Diễn tập" });
    await new Promise((resolve) => setTimeout(resolve, options.writeSeconds * 1000));
    const killedAt = Date.now();
    killGroup(primary.child, "SIGKILL");
    await primary.exited;
    await writing.stop();
    say(`kill -9 of the primary's process group after ${writing.acked.length} acknowledged saves`);

    const standbyOrigin = `http://127.0.0.1:${options.port + 1}`;
    standby = launch("bash", ["scripts/standby.sh"], standbyEnv, path.join(dir, "standby.log"));
    let restoredAt = 0;
    void until(async () => fs.existsSync(standbyDb), 120_000, "the restore").then(() => (restoredAt = Date.now()), () => undefined);
    if (!(await waitUntilHealthy(standbyOrigin, { timeoutMs: 120_000, exited: standby.exited }))) throw new Error(`the standby did not start: see ${dir}/standby.log`);
    const healthyAt = Date.now();

    // Read beside the running standby (WAL: a reader does not disturb it).
    const restored = new Database(standbyDb, { readonly: true });
    const present = new Set((restored.prepare("SELECT id FROM posts").all() as Array<{ id: number }>).map((r) => r.id));
    restored.close();
    const missingAt = writing.acked.map((id, i) => ({ id, at: writing.ackedAt[i]! })).filter((w) => !present.has(w.id));
    const oldestMissing = missingAt.reduce((t, w) => Math.min(t, w.at), Number.POSITIVE_INFINITY);
    const result: DrillResult = {
      workers: options.workers,
      writeSeconds: options.writeSeconds,
      acknowledged: writing.acked.length,
      missing: missingAt.length,
      recoveryPointSeconds: missingAt.length ? Math.round((killedAt - oldestMissing) / 100) / 10 : 0,
      recoveryTimeSeconds: Math.round((healthyAt - killedAt) / 100) / 10,
      restoreSeconds: Math.round(((restoredAt || healthyAt) - killedAt) / 100) / 10,
      standbyPosts: present.size,
    };
    // Through the standby app too: the last surviving saves are served.
    for (const id of writing.acked.filter((id) => present.has(id)).slice(-3)) {
      const response = await fetch(`${standbyOrigin}/admin/posts/${id}`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`the standby does not serve post ${id} (${response.status})`);
    }
    return result;
  } finally {
    if (primary) killGroup(primary.child, "SIGKILL");
    if (standby) {
      killGroup(standby.child, "SIGTERM");
      await Promise.race([standby.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      killGroup(standby.child, "SIGKILL");
    }
    if (options.keep) say(`folders kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatDrill(result: DrillResult): string {
  return [
    `| measure | figure | goal |`,
    `| --- | --- | --- |`,
    `| app processes on the primary | ${result.workers} | |`,
    `| saves acknowledged before the kill | ${result.acknowledged} in ${result.writeSeconds} s | |`,
    `| acknowledged saves missing on the standby (recovery point) | ${result.missing}, spanning ${result.recoveryPointSeconds} s of writing | under 5 s |`,
    `| kill -9 → standby restored from the replica | ${result.restoreSeconds} s | |`,
    `| kill -9 → standby answers /api/health 200 (recovery time) | ${result.recoveryTimeSeconds} s | under 60 s |`,
  ].join("\n");
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: { seconds: { type: "string", default: "10" }, workers: { type: "string", default: String(os.availableParallelism()) }, port: { type: "string", default: "3290" }, keep: { type: "boolean", default: false } },
  });
  const result = await runDrill({ writeSeconds: Number(values.seconds), workers: Number(values.workers), port: Number(values.port), keep: values.keep, say: (line) => console.error(`[drill] ${line}`) });
  console.log(`Failover drill, ${new Date().toISOString()} (${os.availableParallelism()} cores, Node ${process.version})\n\n${formatDrill(result)}`);
  return result.recoveryPointSeconds < 5 && result.recoveryTimeSeconds < 60 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("scripts/drill-failover.ts")) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
