/** Load with autocannon: requests per second and latency percentiles for one address (or a rotation of them). */
import { createRequire } from "node:module";
import path from "node:path";
import autocannon from "autocannon";
import type { LoadRow } from "./results";

/*
 * autocannon appends every response body to a string (for its expectBody, verifyBody and
 * onResponse options, none of which is used here). Decoding each compressed page as UTF-8 made the
 * load generator, not the server, the limit on rotating addresses: against a bare Node server
 * answering 200 different 14 kB bodies it used a whole core and reached 5,800 requests/s, 38,000
 * without the decoding (one repeated body hid it: 12,900). Bytes are still counted.
 */
const autocannonQueue = createRequire(path.join(process.cwd(), "package.json"))("autocannon/lib/pipelinedRequestsQueue.js") as {
  prototype: { addBody(data: Buffer): void };
};
autocannonQueue.prototype.addBody = () => {};

// What a browser sends that changes the answer: compression is part of serving a page.
export const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "text/html,application/xhtml+xml" };

export type LoadTarget = { name: string; target: LoadRow["target"]; origin: string; paths: string[] };

export async function measureLoad(target: LoadTarget, connections: number, seconds: number): Promise<LoadRow> {
  const result = await autocannon({
    url: `${target.origin}${target.paths[0]}`,
    connections,
    duration: seconds,
    headers: BROWSER_HEADERS,
    // Several addresses (e.g. many articles) are taken in turn, so one hot cache entry is not all that
    // is measured; each is built once (a setupRequest function would rebuild every request).
    requests: target.paths.length > 1 ? target.paths.map((address) => ({ path: address })) : undefined,
  });
  return {
    name: target.name,
    target: target.target,
    path: target.paths.length > 1 ? `${target.paths[0]} (+${target.paths.length - 1})` : target.paths[0]!,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Warms every address (renders it into Next's cache, fills nginx's) before anything is timed. */
export async function warmUp(target: LoadTarget, seconds: number): Promise<void> {
  for (const path of target.paths) await fetch(`${target.origin}${path}`, { headers: BROWSER_HEADERS }).then((r) => r.arrayBuffer());
  await measureLoad(target, 10, seconds);
}

/** Latency of single requests one after another, in ms: at concurrency 1 on loopback this is the server's time. */
export async function sequentialLatencies(origin: string, paths: string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${origin}${path}`, { headers: BROWSER_HEADERS });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples;
}
