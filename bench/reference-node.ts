/**
 * The bare Node reference for the hot path: a minimal HTTP server, in a process of its own like
 * the app's, answering every request with the same compressed bytes the app sends for a page,
 * from memory. What the app does on a cache hit beyond this is its own cost.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SERVER = `
const http = require("node:http");
const fs = require("node:fs");
const body = fs.readFileSync(process.env.BODY_FILE);
const type = process.env.BODY_TYPE;
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": type, "content-encoding": "gzip", "content-length": body.length, vary: "Accept-Encoding" });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1", () => process.send && process.send("ready"));
`;

export type ReferenceServer = { origin: string; stop(): Promise<void> };

export async function startReferenceNode(options: { dir: string; port: number; gzipBody: Buffer; contentType: string }): Promise<ReferenceServer> {
  fs.mkdirSync(options.dir, { recursive: true });
  const bodyFile = path.join(options.dir, "page.html.gz");
  fs.writeFileSync(bodyFile, options.gzipBody);
  const child = spawn(process.execPath, ["-e", SERVER], {
    env: { ...process.env, BODY_FILE: bodyFile, BODY_TYPE: options.contentType, PORT: String(options.port) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`reference server exited (${code})`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    origin: `http://127.0.0.1:${options.port}`,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
