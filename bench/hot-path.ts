/**
 * The hot path (issue 18): one cached article as fast as the server sends it, next to a bare Node
 * server sending the same gzip bytes from memory, both measured by wrk (-t1 -c50) in the same run.
 */
import path from "node:path";
import { startReferenceNode } from "./reference-node";
import type { LoadRow } from "./results";
import { measureWrk, wrkInstalled } from "./wrk";

export const HOT_PATH_CONNECTIONS = 50;
const GZIP = { "accept-encoding": "gzip" };

export async function measureHotPath(options: { origin: string; path: string; dir: string; port: number; seconds: number }): Promise<{ app: LoadRow; node: LoadRow; nginx?: LoadRow } | null> {
  if (!wrkInstalled()) return null;
  const response = await fetch(`${options.origin}${options.path}`, { headers: GZIP });
  // fetch decodes; the reference sends what the app sent, compressed the same way.
  const { gzipSync } = await import("node:zlib");
  const gzipBody = gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 });
  const reference = await startReferenceNode({ dir: path.join(options.dir, "reference"), port: options.port, gzipBody, contentType: response.headers.get("content-type") ?? "text/html" });
  try {
    const measure = (name: string, target: LoadRow["target"], origin: string) =>
      measureWrk({ name, target, url: `${origin}${options.path}`, connections: HOT_PATH_CONNECTIONS, seconds: options.seconds, headers: GZIP });
    await measure("one article (warm-up)", "app", options.origin);
    const app = await measure("one article", "app", options.origin);
    const node = await measure("one article", "node", reference.origin);
    return { app, node };
  } finally {
    await reference.stop();
  }
}
