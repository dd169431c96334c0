import fs from "node:fs";
import path from "node:path";
import { readOnly } from "./database";

export type HealthBody = {
  process: { pid: number; background: boolean };
  replication: { state: string; lagSeconds: number; lastShipped: { position: string; at: string } | null; mediaPending: number; pid: number | null } | null;
};

export async function health(baseUrl: string): Promise<HealthBody> {
  return (await (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })).json()) as HealthBody;
}

/** Polls until `check` holds (or throws after `timeoutMs`, saying what it waited for). */
export async function waitFor<T>(what: string, read: () => Promise<T> | T, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await Promise.resolve(read()).catch((error: unknown) => error as T);
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  } while (Date.now() < deadline);
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
}

/** Everything written so far is on the replica: no lag, no picture waiting, something shipped since `since`. */
export function caughtUp(since: number) {
  return (body: HealthBody) =>
    body.replication?.state === "ok" && body.replication.lagSeconds === 0 && body.replication.mediaPending === 0 && Date.parse(body.replication.lastShipped?.at ?? "") > since;
}

/** The Litestream the background lease's holder started for this data folder (from the lease row). */
export function litestreamPid(dataDir: string): number {
  return readOnly(path.join(dataDir, "cms.db"), (db) => {
    const row = db.prepare("SELECT detail FROM leases WHERE name = 'background'").get() as { detail: string };
    return (JSON.parse(row.detail) as { litestream: { pid: number } }).litestream.pid;
  });
}

/** Running Litestream processes replicating this data folder's database. */
export function litestreamsFor(dataDir: string): number[] {
  const config = path.join(dataDir, ".litestream.json");
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        return cmdline[1] === "replicate" && cmdline.includes(config);
      } catch {
        return false;
      }
    })
    .map(Number);
}
