/**
 * Starting the production server from the benchmark and the operations tests: `npm start`'s node
 * arguments, read from package.json, so they run it exactly as a deployment does (heap size
 * included) without a copy of the line, and the wait for its health check.
 */
import fs from "node:fs";
import path from "node:path";

export function npmStartNodeArgs(root: string = process.cwd()): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== "node") throw new Error(`"npm start" should run node directly, not ${command}`);
  return args;
}

/**
 * Polls `/api/health` until it answers 200 (true), the time runs out or the server process ends
 * (false): what a script that started the server waits for before using it.
 */
export async function waitUntilHealthy(origin: string, options: { timeoutMs: number; exited?: Promise<unknown> }): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  let gone = false;
  void options.exited?.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    const status = await fetch(`${origin}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return false;
}
