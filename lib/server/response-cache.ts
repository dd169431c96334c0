/**
 * A copy of each public page's finished response (head and compressed body) kept in the server
 * process. Next's full-route cache already spares the rendering, but every hit still walks Next's
 * router and gzips the page again: profiled, that was most of the time of a cached page, and it
 * held `npm start` to a few hundred requests per second. Answering repeats here skips both.
 *
 * It can never be staler than Next's cache: every content change reaches Next as a POST to
 * /api/internal/revalidate (the outbox poller, lib/cache/poller.ts), which passes through this
 * server, and that empties the copy. A response that was being made while a revalidation ran is
 * not kept, since it may show the content from before.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { chunkBytes } from "./http-parts";
import { PUBLIC_PAGE_CACHE_CONTROL, sharedCacheExpiry } from "./public-cache-headers";

type Entry = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;
const REVALIDATE_PATH = "/api/internal/revalidate";
// Headers of the connection or of the moment, which Node writes afresh for each answer.
const PER_RESPONSE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-accel-expires"]);
const CACHEABLE_STATUS = new Set([200, 404]);

const state = globalThis as unknown as { __cmsResponseCache?: { entries: Map<string, Entry>; bytes: number; generation: number } };
const cache = (state.__cmsResponseCache ??= { entries: new Map(), bytes: 0, generation: 0 });

export function clearResponseCache(): void {
  cache.entries.clear();
  cache.bytes = 0;
  cache.generation++;
}

/**
 * The key of a request that may be answered from the copy, or null. Client-side navigation
 * (RSC headers, `_rsc`), conditional ranges and anything but GET go to Next. Next varies pages
 * on Accept-Encoding, so it is part of the key.
 */
export function responseCacheKey(method: string | undefined, url: string | undefined, headers: IncomingMessage["headers"]): string | null {
  if (method !== "GET" || !url || url.includes("_rsc=") || headers.range) return null;
  if (headers.rsc !== undefined || Object.keys(headers).some((name) => name.startsWith("next-router-"))) return null;
  return `${url}\n${headers["accept-encoding"] ?? ""}`;
}

/** A finished response may be kept when the cache policy called it public and nothing in it is personal. */
export function isStorable(status: number, headers: OutgoingHttpHeaders): boolean {
  return (
    CACHEABLE_STATUS.has(status) &&
    headers["cache-control"] === PUBLIC_PAGE_CACHE_CONTROL &&
    headers["set-cookie"] === undefined &&
    headers["x-nextjs-cache"] !== "STALE"
  );
}

function store(key: string, entry: Entry): void {
  if (entry.body.byteLength > MAX_ENTRY_BYTES) return;
  const previous = cache.entries.get(key);
  if (previous) cache.bytes -= previous.body.byteLength;
  cache.entries.delete(key);
  cache.entries.set(key, entry);
  cache.bytes += entry.body.byteLength;
  // Oldest first: Map keeps insertion order, and a hit re-inserts (least recently used goes).
  for (const [oldKey, old] of cache.entries) {
    if (cache.bytes <= MAX_TOTAL_BYTES) break;
    cache.entries.delete(oldKey);
    cache.bytes -= old.body.byteLength;
  }
}

function answer(req: IncomingMessage, res: ServerResponse, key: string, entry: Entry): void {
  cache.entries.delete(key);
  cache.entries.set(key, entry);
  const etag = entry.headers.etag;
  if (etag !== undefined && req.headers["if-none-match"] === String(etag)) {
    res.writeHead(304, { etag, "cache-control": entry.headers["cache-control"], vary: entry.headers.vary });
    res.end();
    return;
  }
  // Every kept entry is a public page (isStorable), so nginx gets the same expiry as from Next.
  res.writeHead(entry.status, { ...entry.headers, "content-length": entry.body.byteLength, "x-accel-expires": sharedCacheExpiry() });
  res.end(entry.body);
}

/** Keeps what Next writes for this request, and stores it when it finishes, if it may be kept. */
function capture(res: ServerResponse, key: string): void {
  const generation = cache.generation;
  const chunks: Buffer[] = [];
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    const bytes = chunkBytes(chunk, rest[0]);
    if (bytes) chunks.push(bytes);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    const bytes = chunkBytes(chunk, rest[0]);
    if (bytes) chunks.push(bytes);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  res.once("finish", () => {
    const headers = res.getHeaders();
    if (cache.generation !== generation || !isStorable(res.statusCode, headers)) return;
    const kept: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) if (!PER_RESPONSE_HEADERS.has(name) && value !== undefined) kept[name] = value;
    // Every later answer from the copy is a cache hit, whatever Next did for this one.
    if (kept["x-nextjs-cache"] !== undefined) kept["x-nextjs-cache"] = "HIT";
    store(key, { status: res.statusCode, headers: kept, body: Buffer.concat(chunks) });
  });
}

/**
 * Answers the request from the copy when it can (true); otherwise lets it through to Next,
 * keeping the answer if it may be reused, or emptying the copy when it is a revalidation.
 */
export function serveFromResponseCache(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === "POST" && req.url === REVALIDATE_PATH) {
    // Before and after: nothing made while Next's cache is being expired is kept.
    clearResponseCache();
    res.once("finish", clearResponseCache);
    return false;
  }
  const key = responseCacheKey(req.method, req.url, req.headers);
  if (key === null) return false;
  const entry = cache.entries.get(key);
  if (entry) {
    answer(req, res, key, entry);
    return true;
  }
  capture(res, key);
  return false;
}
