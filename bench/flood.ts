/**
 * Made-up addresses beside readers (issue 19): wrk reads one cached article at 40 connections,
 * alone and then while another wrk asks 10 connections' worth of random addresses that do not
 * exist, each from its own client address (the app trusts the loopback proxy's X-Forwarded-For).
 * The data folder and the build folder are measured before and after: nothing may grow.
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

function diskKiB(folders: string[]): number {
  return folders.filter((f) => fs.existsSync(f)).reduce((sum, folder) => sum + Number(execFileSync("du", ["-sk", folder], { encoding: "utf8" }).split("\t")[0]), 0);
}

export async function measureFlood(options: { origin: string; path: string; dir: string; seconds: number; folders: string[] }): Promise<BenchResults["flood"] | null> {
  if (!wrkInstalled()) return null;
  const script = path.join(options.dir, "flood.lua");
  fs.writeFileSync(script, FLOOD_SCRIPT);
  const readers = (name: string) => measureWrk({ name, target: "app", url: `${options.origin}${options.path}`, connections: 40, seconds: options.seconds, headers: READER });
  await readers("readers (warm-up)");
  const alone = await readers("readers alone");
  const diskBeforeKiB = diskKiB(options.folders);
  const [beside, flood] = await Promise.all([
    readers("readers beside the flood"),
    measureWrk({ name: "made-up addresses", target: "app", url: `${options.origin}/tin-tuc/khong-co-0`, connections: 10, seconds: options.seconds, headers: {}, script }),
  ]);
  return { alone, beside, flood, diskBeforeKiB, diskAfterKiB: diskKiB(options.folders) };
}
