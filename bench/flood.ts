/**
 * Made-up addresses beside readers (issue 19): wrk reads one cached article at 40 connections
 * alone, then while another wrk asks, from one client address of its own (the app trusts the
 * loopback proxy's X-Forwarded-For), 10 connections' worth of random addresses that do not exist,
 * then alone again: the readers beside the flood are compared with the mean of the two runs alone,
 * as the machine's own load drifts. The data folder and the build folder are measured before and
 * after: nothing may grow but the database's write-ahead log, which the server's own background
 * work (the lease, the outbox) writes to whatever readers do.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { BenchResults } from "./results";
import { measureWrk, wrkInstalled } from "./wrk";

const READER = { "accept-encoding": "gzip", "x-forwarded-for": "10.1.0.1" };
const FLOOD_SCRIPT = `
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/tin-tuc/khong-co-" .. math.random(1, 1000000000), { ["Accept-Encoding"] = "gzip", ["X-Forwarded-For"] = "10.2.0.1" })
end
`;

const DATABASE_FILES = ["--exclude=*.db", "--exclude=*.db-wal", "--exclude=*.db-shm"];

function diskKiB(folders: string[]): number {
  return folders.filter((f) => fs.existsSync(f)).reduce((sum, folder) => sum + Number(execFileSync("du", ["-sk", ...DATABASE_FILES, folder], { encoding: "utf8" }).split("\t")[0]), 0);
}

export async function measureFlood(options: { origin: string; path: string; dir: string; seconds: number; folders: string[] }): Promise<BenchResults["flood"] | null> {
  if (!wrkInstalled()) return null;
  const script = path.join(options.dir, "flood.lua");
  fs.writeFileSync(script, FLOOD_SCRIPT);
  const readers = (name: string) => measureWrk({ name, target: "app", url: `${options.origin}${options.path}`, connections: 40, seconds: options.seconds, headers: READER });
  await readers("readers (warm-up)");
  const before = await readers("readers alone");
  const diskBeforeKiB = diskKiB(options.folders);
  const [beside, flood] = await Promise.all([
    readers("readers beside the flood"),
    measureWrk({ name: "made-up addresses", target: "app", url: `${options.origin}/tin-tuc/khong-co-0`, connections: 10, seconds: options.seconds, headers: {}, script }),
  ]);
  const diskAfterKiB = diskKiB(options.folders);
  const after = await readers("readers alone again");
  const alone = { ...before, requestsPerSecond: Math.round((before.requestsPerSecond + after.requestsPerSecond) / 2), p99Ms: Math.max(before.p99Ms, after.p99Ms) };
  return { alone, beside, flood, diskBeforeKiB, diskAfterKiB };
}
