/**
 * The node arguments of `npm start`, read from package.json, so the benchmark and the operations
 * tests run the server exactly as a deployment does (heap size included) without a copy of the line.
 */
import fs from "node:fs";
import path from "node:path";

export function npmStartNodeArgs(root: string = process.cwd()): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== "node") throw new Error(`"npm start" should run node directly, not ${command}`);
  return args;
}
