/**
 * The primary process of `npm start`: it checks the settings, writes the pid file, then runs one
 * app process per core (WORKERS) with node:cluster, all on one port (the primary hands each new
 * connection to the next process in turn). The first prepares the database (migrations, demo
 * content, first admin) alone; the others start when it listens. A process that dies is started
 * again. On SIGTERM or Ctrl+C the processes are stopped in order: the one running the background
 * work (replication included) last, so that it ships the others' last writes.
 */
import cluster, { type Worker } from "node:cluster";
import { logLine } from "./request-log";

const STOP_TIMEOUT_MS = 30_000;

export async function runPrimary(options: { count: number; port: number; host: string; onStopped: () => void }): Promise<void> {
  let stopping = false;
  const background = new Set<number>(); // worker ids that hold the background lease
  const startedAt = new Map<number, number>();
  let quickDeaths = 0;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logLine({ level: "info", msg: "shutdown", signal, pid: process.pid });
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    const exited = (w: Worker) => (w.isDead() ? Promise.resolve() : new Promise<void>((resolve) => w.once("exit", () => resolve())));
    const killer = setTimeout(() => workers.forEach((w) => w.process.kill("SIGKILL")), STOP_TIMEOUT_MS);
    const last = workers.filter((w) => background.has(w.id));
    const first = workers.filter((w) => !background.has(w.id));
    for (const w of first) w.process.kill("SIGTERM");
    await Promise.all(first.map(exited));
    for (const w of last) w.process.kill("SIGTERM");
    await Promise.all(last.map(exited));
    clearTimeout(killer);
    options.onStopped();
    logLine({ level: "info", msg: "stopped", pid: process.pid });
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  const fork = (): Worker => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    worker.on("message", (message: { type?: string; holding?: boolean }) => {
      if (message?.type !== "cms:background") return;
      if (message.holding) background.add(worker.id);
      else background.delete(worker.id);
    });
    return worker;
  };

  const first = fork();
  const firstListening = await new Promise<boolean>((resolve) => {
    first.once("listening", () => resolve(true));
    first.once("exit", () => resolve(false));
  });
  if (stopping) return;
  if (!firstListening) {
    // The first process could not prepare the database or start: its own message says why.
    options.onStopped();
    process.exit(1);
  }
  const others = Array.from({ length: options.count - 1 }, fork);
  await Promise.all(others.map((worker) => new Promise((resolve) => (worker.once("listening", resolve), worker.once("exit", resolve)))));
  console.log(`▲ Trang tin đang chạy tại http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${options.port} (${options.count} tiến trình)`);

  cluster.on("exit", (worker, code, signal) => {
    background.delete(worker.id);
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    quickDeaths = lived < 10_000 ? quickDeaths + 1 : 0;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(quickDeaths, 6));
    logLine({ level: "error", msg: "app process exited", pid: worker.process.pid, code, signal, restartInMs: delay });
    setTimeout(() => !stopping && fork(), delay);
  });

}
