/**
 * Load with wrk (Debian's `wrk`) for the hot-path rows: one thread of C against one address, so
 * the load generator is not the limit when the server answers tens of thousands of requests a
 * second (autocannon, in Node, tops out near the bare reference's rate and would hide the gap).
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import type { LoadRow } from "./results";

const run = promisify(execFile);
export const WRK = "/usr/bin/wrk";

export function wrkInstalled(): boolean {
  return spawnSync(WRK, ["--version"]).error === undefined;
}

/** wrk prints times as 812.00us, 1.23ms or 2.01s. */
function toMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text.trim());
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
}

export function parseWrk(output: string): Pick<LoadRow, "requestsPerSecond" | "p50Ms" | "p99Ms" | "errors" | "non2xx"> {
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p50 = /^\s+50%\s+(\S+)/m.exec(output);
  const p99 = /^\s+99%\s+(\S+)/m.exec(output);
  if (!rate || !p50 || !p99) throw new Error(`could not read wrk's output:\n${output}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  return {
    requestsPerSecond: Math.round(Number(rate[1])),
    p50Ms: toMs(p50[1]!),
    p99Ms: toMs(p99[1]!),
    errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
  };
}

/** `script`: a wrk Lua script (e.g. one that makes each request's address). */
export async function measureWrk(options: { name: string; target: LoadRow["target"]; url: string; connections: number; seconds: number; headers: Record<string, string>; script?: string }): Promise<LoadRow> {
  const headerArgs = Object.entries(options.headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const scriptArgs = options.script ? ["-s", options.script] : [];
  const { stdout } = await run(WRK, ["-t1", `-c${options.connections}`, `-d${options.seconds}s`, "--latency", ...scriptArgs, ...headerArgs, options.url]);
  const url = new URL(options.url);
  return { name: options.name, target: options.target, path: `${url.pathname}${url.search}`, connections: options.connections, ...parseWrk(stdout), tool: "wrk" };
}
