/** Starts and stops the production server (`npm start`) for the benchmark, and reads its memory. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { npmStartNodeArgs, waitUntilHealthy } from "../lib/server/start-command";

export type AppServer = { process: ChildProcess; origin: string; stop(): Promise<void> };

/**
 * Runs the server as `npm start` does, on its own port and data folder (never the e2e suite's
 * 3100 or anyone's data/), with a fixed AUTH_SECRET so nothing secret is written next to the archive.
 */
export async function startAppServer(options: { port: number; databasePath: string; logFile: string; trustProxy?: string; workers?: number; env?: Record<string, string> }): Promise<AppServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const log = fs.openSync(options.logFile, "a");
  // As `npm start` does: one node process with tsx's loader (the tsx command would add a second).
  const child = spawn(process.execPath, npmStartNodeArgs(), {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATABASE_PATH: options.databasePath,
      SITE_URL: origin,
      AUTH_SECRET: "benchmark-only-secret-0123456789abcdef",
      ADMIN_PASSWORD: "Benchmark-only-password-2024",
      TRUST_PROXY: options.trustProxy ?? "",
      ...(options.workers ? { WORKERS: String(options.workers) } : {}),
      ...options.env,
    },
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopped = false;
  // Idempotent: a run that fails half way stops what it started in its own `finally` as well.
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    fs.closeSync(log);
  };
  if (!(await waitUntilHealthy(origin, { timeoutMs: 120_000, exited }))) {
    await stop();
    throw new Error(`${origin}/api/health did not answer 200 within 120 s (log: ${options.logFile})`);
  }
  return { process: child, origin, stop };
}

/** The pid and its descendants, from /proc (anything the server starts counts towards its memory). */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  const walk = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(rootPid);
  return tree;
}

/** Peak resident memory (VmHWM) of each process of the tree, in MiB. */
export function peakMemory(rootPid: number): { pid: number; command: string; hwmMiB: number }[] {
  return processTree(rootPid).flatMap((pid) => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 4).join(" ");
      return [{ pid, command, hwmMiB: Math.round(kb / 1024) }];
    } catch {
      return [];
    }
  });
}

/** Resident memory now (VmRSS) and the peak so far (VmHWM) of the whole process tree, in MiB. */
export function currentMemory(rootPid: number): { rssMiB: number; peakMiB: number } {
  let rss = 0;
  let peak = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      rss += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      peak += Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return { rssMiB: Math.round(rss / 1024), peakMiB: Math.round(peak / 1024) };
}
