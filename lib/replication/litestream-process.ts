import { spawn, type ChildProcess } from "node:child_process";
import { isSameProcess, processIdentity } from "@/lib/server/pid-file";
import { parsePosition, type Position } from "./wal-position";

export type LitestreamHandlers = {
  /** A snapshot or WAL segment is on the replica, up to `position`. */
  onShipped: (position: Position, at: Date) => void;
  onError: (message: string, at: Date) => void;
  onExit: (code: number | null, signal: NodeJS.Signals | null) => void;
};

/** What a successor needs to make sure this Litestream is gone before it starts its own. */
export type LitestreamRecord = { pid: number; identity: string | null };

// Litestream's own routine lines, one or two a second while the site is written to: not worth a log line.
const QUIET = new Set(["write wal segment", "wal segment written", "replica sync", "snapshot interval adjusted"]);

/**
 * `litestream replicate` for the database, as a child of the process that holds the background
 * lease. `-exec "tail --pid=<this process>"` makes Litestream stop (with a final sync) within a
 * second if this process dies without stopping it, so no second Litestream is ever left running
 * on the same database. Its JSON log is read for what has reached the replica and for errors; the
 * lines worth keeping go to the server's log.
 */
export function startLitestream(binary: string, configFile: string, handlers: LitestreamHandlers): { child: ChildProcess; record: LitestreamRecord; stop: () => Promise<void> } {
  const child = spawn(binary, ["replicate", "-config", configFile, "-no-expand-env", "-exec", `tail --pid=${process.pid} -f /dev/null`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      handlers.onExit(code, signal);
      resolve();
    }),
  );
  child.once("error", (error) => handlers.onError(`Không chạy được Litestream: ${error.message}`, new Date()));
  let buffered = "";
  const readLines = (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      handleLine(buffered.slice(0, newline), handlers);
      buffered = buffered.slice(newline + 1);
    }
  };
  child.stdout!.on("data", readLines);
  child.stderr!.on("data", readLines);
  const record = { pid: child.pid ?? 0, identity: child.pid ? processIdentity(child.pid) : null };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM"); // Litestream syncs what is left, then exits
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
  };
  return { child, record, stop };
}

function handleLine(line: string, handlers: LitestreamHandlers): void {
  if (!line.trim()) return;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "litestream", line }));
    return;
  }
  const at = typeof entry.time === "string" ? new Date(entry.time) : new Date();
  const msg = String(entry.msg ?? "");
  if (msg === "wal segment written" || msg === "snapshot written") {
    const start = parsePosition(entry.position);
    // A segment's logged position is where it starts; `sz` counts the uncompressed bytes it carried.
    if (start) handlers.onShipped(msg === "snapshot written" ? start : { ...start, offset: start.offset + Number(entry.sz ?? 0) }, at);
  }
  const level = String(entry.level ?? "INFO").toLowerCase();
  if (level === "error") handlers.onError(`${msg}${entry.error ? `: ${String(entry.error)}` : ""}`, at);
  if (level === "error" || level === "warn" || !QUIET.has(msg)) {
    console.log(JSON.stringify({ time: at.toISOString(), level: level === "error" ? "error" : level === "warn" ? "warn" : "info", msg: `litestream: ${msg}`, ...withoutTimeAndLevel(entry) }));
  }
}

function withoutTimeAndLevel(entry: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...entry };
  delete rest.time;
  delete rest.level;
  delete rest.msg;
  return rest;
}

/**
 * Waits until the Litestream a previous holder of the lease started is gone: it stops by itself
 * within a second or two of its parent dying (above); one that is still there after that belongs
 * to a holder that stalled, and is told to stop, then killed.
 */
export async function awaitPreviousLitestream(record: LitestreamRecord | null | undefined): Promise<void> {
  if (!record || !isSameProcess(record.pid, record.identity)) return;
  const deadline = Date.now() + 20_000;
  let told = false;
  while (isSameProcess(record.pid, record.identity) && Date.now() < deadline) {
    if (!told && Date.now() > deadline - 17_000) {
      told = true;
      try {
        process.kill(record.pid, "SIGTERM");
      } catch {
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isSameProcess(record.pid, record.identity)) {
    try {
      process.kill(record.pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
}
