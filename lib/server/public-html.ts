/**
 * Sends public HTML pages without Next's client runtime (strip-next-runtime.ts explains why).
 * Next streams the page, compressed; for a public HTML answer this holds it back, takes the
 * runtime out, compresses it again and sends it whole with its own ETag (Next's was of the page
 * with the runtime). server.ts installs it after the response cache, so the copy kept there is
 * the page as sent, and the work is done once per page and revalidation, not per request.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { chunkBytes, pathnameOf } from "./http-parts";
import { isPrivatePath } from "./public-cache-headers";
import { stripNextRuntime } from "./strip-next-runtime";

// Besides staff screens and sign-in (an app: they keep React) and APIs, files are not pages.
const FILES = /^\/(?:_next|media|assets)(?:\/|$)/;

type Codec = { decode(body: Buffer): Buffer; encode(body: Buffer): Buffer };
const CODECS: Record<string, Codec> = {
  identity: { decode: (body) => body, encode: (body) => body },
  gzip: { decode: zlib.gunzipSync, encode: zlib.gzipSync },
  deflate: { decode: zlib.inflateSync, encode: zlib.deflateSync },
  br: { decode: zlib.brotliDecompressSync, encode: zlib.brotliCompressSync },
};

export function isPublicPagePath(pathname: string): boolean {
  return !isPrivatePath(pathname) && !FILES.test(pathname);
}

function codecOf(res: ServerResponse): Codec | undefined {
  return CODECS[String(res.getHeader("content-encoding") ?? "identity").toLowerCase()];
}

const etagOf = (body: Buffer) => `"${createHash("sha1").update(body).digest("base64url")}"`;

/**
 * The page as sent: runtime taken out, compressed as Next had it, with its length and ETag set on
 * `res`. Anything unexpected (an encoding we do not know, a body that does not decode) leaves the
 * page as Next made it: still correct, only heavier.
 */
export function rewritePage(res: ServerResponse, body: Buffer): Buffer {
  const codec = codecOf(res);
  if (!codec) return body;
  let result = body;
  try {
    const html = codec.decode(body).toString("utf8");
    const stripped = stripNextRuntime(html);
    if (stripped !== html) {
      result = codec.encode(Buffer.from(stripped, "utf8"));
      res.setHeader("ETag", etagOf(result));
    }
  } catch {
    result = body;
  }
  res.setHeader("Content-Length", result.byteLength);
  return result;
}

/** Holds back a public HTML page while Next writes it, and sends it rewritten (rewritePage) at the end. */
export function sendPublicPagesWithoutRuntime(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "GET" || !isPublicPagePath(pathnameOf(req.url))) return;
  // The reader's validator is for the page we sent; Next would compare it with its own.
  const ifNoneMatch = req.headers["if-none-match"];
  delete req.headers["if-none-match"];

  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  const flushHeaders = res.flushHeaders;
  let mode: "undecided" | "hold" | "pass" = "undecided";
  let sending = false;
  const chunks: Buffer[] = [];

  const decide = () => {
    if (mode !== "undecided") return;
    const html = String(res.getHeader("content-type") ?? "").startsWith("text/html");
    // Only pages: a 404 of an ISR route has its message in the flight data alone, drawn by React.
    mode = html && res.statusCode === 200 && codecOf(res) ? "hold" : "pass";
  };
  const hold = (chunk: unknown, encoding?: unknown) => {
    const bytes = chunkBytes(chunk, encoding);
    if (bytes) chunks.push(bytes);
  };
  const callbackIn = (args: unknown[]) => args.find((arg): arg is () => void => typeof arg === "function");

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (sending || mode === "pass") return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
    // Headers given here are set on the response so that they can still change before sending.
    const headers = rest.find((arg): arg is OutgoingHttpHeaders => typeof arg === "object" && arg !== null && !Array.isArray(arg));
    if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    this.statusCode = statusCode;
    decide();
    return mode === "hold" ? this : (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode);
  } as ServerResponse["writeHead"];

  res.flushHeaders = function (this: ServerResponse) {
    decide();
    if (mode === "pass") flushHeaders.call(this);
  };

  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    decide();
    if (mode === "pass") return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    hold(chunk, rest[0]);
    const callback = callbackIn(rest);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];

  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    decide();
    if (mode === "pass") return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    hold(chunk, rest[0]);
    const callback = callbackIn(typeof chunk === "function" ? [chunk] : rest);
    const body = rewritePage(this, Buffer.concat(chunks));
    sending = true;
    const etag = this.getHeader("etag");
    if (this.statusCode === 200 && etag !== undefined && ifNoneMatch === String(etag)) {
      this.statusCode = 304;
      for (const name of ["content-length", "content-encoding", "content-type"]) this.removeHeader(name);
      return (end as (...args: unknown[]) => ServerResponse).call(this, callback);
    }
    return (end as (...args: unknown[]) => ServerResponse).call(this, body, callback);
  } as ServerResponse["end"];
}
