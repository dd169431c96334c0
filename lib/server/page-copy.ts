/**
 * A public page as the server keeps and sends it: the body in each encoding a browser may ask
 * for (made once, when the page is rendered), its ETag, and the headers Next gave it. Sending a
 * kept page is the whole cost of a cache hit, so everything it needs is ready beforehand.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { sharedCacheHeaders } from "./public-cache-headers";

export type PageCopy = {
  status: number;
  /** What Next set that belongs to the page (type, security headers), without lengths, encodings or validators. */
  headers: OutgoingHttpHeaders;
  etag: string;
  bodies: { identity: Buffer; gzip: Buffer; br: Buffer };
  bytes: number;
  /** What the page shows (lib/cache/tags.ts), set when it is kept: a cache in front told of changes may keep it longer. */
  tags?: readonly string[];
};

// Headers of the connection or the moment, made afresh for each answer, and what the copy decides itself.
const NOT_KEPT = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "etag", "vary", "cache-control", "x-accel-expires", "x-request-id", "set-cookie", "x-nextjs-cache", "x-nextjs-stale-time", "x-nextjs-prerender"]);

export function makePageCopy(status: number, headers: OutgoingHttpHeaders, identity: Buffer): PageCopy {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!NOT_KEPT.has(name) && value !== undefined) kept[name] = value;
  const gzip = zlib.gzipSync(identity, { level: 9 });
  const br = zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength } });
  return {
    status,
    headers: kept,
    etag: `"${createHash("sha1").update(identity).digest("base64url")}"`,
    bodies: { identity, gzip, br },
    bytes: identity.byteLength + gzip.byteLength + br.byteLength + 512,
  };
}

// Accept-Encoding values seen, and the encoding each chooses: browsers send a handful of them.
const chosen = new Map<string, "br" | "gzip" | "identity">();
const CHOSEN_MAX = 256;

/** The encoding to send: brotli, then gzip, when the browser accepts them (and has not refused them with q=0). */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): "br" | "gzip" | "identity" {
  const header = String(acceptEncoding ?? "");
  const known = chosen.get(header);
  if (known) return known;
  const accepted = new Set<string>();
  for (const part of header.toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  const encoding = accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : "identity";
  if (chosen.size < CHOSEN_MAX) chosen.set(header, encoding);
  return encoding;
}

// A copy's own headers as the flat name, value list writeHead takes, made once per copy.
const headerLists = new WeakMap<PageCopy, string[]>();

function headerListOf(page: PageCopy): string[] {
  let list = headerLists.get(page);
  if (!list) {
    list = [];
    for (const [name, value] of Object.entries(page.headers)) {
      for (const one of Array.isArray(value) ? value : [value]) list.push(name, String(one));
    }
    list.push("etag", page.etag, "vary", "Accept-Encoding");
    headerLists.set(page, list);
  }
  return list;
}

/**
 * Answers with the kept page: 304 when the browser has it, the body in the best encoding it
 * accepts, nothing for HEAD. `X-Cache` says whether it came from the copy (HIT) or was just made
 * (MISS); `lifetime` is how long caches in front may keep it (null: briefly); `extra` are more
 * headers as name, value pairs. The head goes to writeHead as one list: the cost of a hit is
 * mostly the write itself.
 */
export function sendPageCopy(req: IncomingMessage, res: ServerResponse, page: PageCopy, cache: "HIT" | "MISS" = "HIT", lifetime: number | null = null, extra: readonly string[] = []): void {
  const shared = sharedCacheHeaders(lifetime);
  if (req.headers["if-none-match"] === page.etag && page.status === 200) {
    res.writeHead(304, ["etag", page.etag, "vary", "Accept-Encoding", "cache-control", shared["cache-control"], ...extra]);
    res.end();
    return;
  }
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  const body = page.bodies[encoding];
  const headers = headerListOf(page).concat("cache-control", shared["cache-control"], "x-accel-expires", shared["x-accel-expires"], "x-cache", cache, "content-length", String(body.byteLength), extra);
  if (encoding !== "identity") headers.push("content-encoding", encoding);
  res.writeHead(page.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}
