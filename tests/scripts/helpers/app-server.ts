import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { npmStartNodeArgs, waitUntilHealthy } from "../../../lib/server/start-command";
import { firstCategoryId, readOnly } from "./database";
import { signIn } from "./session";

/** The production server (what `npm start` runs) on its own port and data folder. */
export type AppServer = {
  baseUrl: string;
  process: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export const ADMIN = { email: "quantri@ops.test", password: "Mật khẩu quản trị vận hành 2026" };
// Fixed, so a cookie signed by one server is read by the next one on a restored copy.
const AUTH_SECRET = "kiem-thu-van-hanh-khong-dung-that-0123456789";
const ROOT = process.cwd(); // vitest runs from the repository root

export function makeDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cms-${label}-`));
}

export function serverEnv(dataDir: string, port?: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_PATH: path.join(dataDir, "cms.db"),
    AUTH_SECRET,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...(port ? { PORT: String(port), HOST: "127.0.0.1", SITE_URL: `http://127.0.0.1:${port}` } : {}),
  };
}

/** Starts the server and waits until /api/health says 200. */
export async function startServer(dataDir: string, port: number, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  // As `npm start` runs it (one node process with tsx's loader), in its own process group so that
  // SIGKILL takes it and anything it started in one blow.
  const child = spawn(process.execPath, npmStartNodeArgs(ROOT), { cwd: ROOT, env: { ...serverEnv(dataDir, port), ...extraEnv }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const server: AppServer = { baseUrl: `http://${extraEnv.HOST ?? "127.0.0.1"}:${port}`, process: child, output: () => output, exited };
  if (await waitUntilHealthy(server.baseUrl, { timeoutMs: 60_000, exited })) return server;
  killHard(server);
  throw new Error(`server on port ${port} did not become healthy:\n${output.slice(-3000)}`);
}

/** kill -9 of the whole server (tsx and its node child). */
export function killHard(server: AppServer): void {
  try {
    process.kill(-server.process.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

/** SIGTERM, as `systemctl stop` or `docker stop` sends it; resolves with how the server exited. */
export async function stopServer(server: AppServer) {
  server.process.kill("SIGTERM");
  return server.exited;
}

/** A server on its own data folder, and the first admin's session on it. */
export type SignedInServer = { dataDir: string; databaseFile: string; server: AppServer; admin: string; categoryId: number };

/** Starts the production server on a fresh data folder and signs the first admin in (the demo content gives a category). */
export async function startSignedIn(label: string, port: number): Promise<SignedInServer> {
  const dataDir = makeDataDir(label);
  const databaseFile = path.join(dataDir, "cms.db");
  const server = await startServer(dataDir, port);
  return { dataDir, databaseFile, server, admin: await signIn(server.baseUrl, ADMIN.email, ADMIN.password), categoryId: readOnly(databaseFile, firstCategoryId) };
}

/** kill -9 and the data folder removed. */
export function stopAndRemove(world: Pick<SignedInServer, "server" | "dataDir">): void {
  killHard(world.server);
  fs.rmSync(world.dataDir, { recursive: true, force: true });
}
