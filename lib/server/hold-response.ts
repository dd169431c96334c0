/**
 * Holds back what Next writes for a response, so the server can look at the whole page before
 * anything is sent (take Next's runtime out, compress it, keep a copy). Next writes the way Node
 * lets it: headers set one by one or given to writeHead, body streamed in chunks or in one end().
 */
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { chunkBytes } from "./http-parts";

export type HeldResponse = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

const DECODE: Record<string, (body: Buffer) => Buffer> = {
  identity: (body) => body,
  gzip: zlib.gunzipSync,
  deflate: zlib.inflateSync,
  br: zlib.brotliDecompressSync,
};

/** The body as bytes without any content encoding, or null when the encoding is unknown or the bytes do not decode. */
export function decodedBody(held: HeldResponse): Buffer | null {
  const decode = DECODE[String(held.headers["content-encoding"] ?? "identity").toLowerCase()];
  try {
    return decode ? decode(held.body) : null;
  } catch {
    return null;
  }
}

/**
 * From now on nothing written to `res` is sent: the promise gives what was written once `end()`
 * is called. `release()` gives `res` back its own methods, for sending.
 */
export function holdResponse(res: ServerResponse): { held: Promise<HeldResponse>; release: () => void } {
  const chunks: Buffer[] = [];
  let resolve!: (held: HeldResponse) => void;
  const held = new Promise<HeldResponse>((r) => (resolve = r));
  const callbackIn = (args: unknown[]) => args.find((arg): arg is () => void => typeof arg === "function");
  const overrides = {
    writeHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
      const headers = rest.find((arg): arg is OutgoingHttpHeaders => typeof arg === "object" && arg !== null && !Array.isArray(arg));
      if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
      this.statusCode = statusCode;
      return this;
    },
    flushHeaders() {},
    write(chunk: unknown, ...rest: unknown[]) {
      const bytes = chunkBytes(chunk, rest[0]);
      if (bytes) chunks.push(bytes);
      const callback = callbackIn(rest);
      if (callback) process.nextTick(callback);
      return true;
    },
    end(this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      const bytes = chunkBytes(chunk, rest[0]);
      if (bytes) chunks.push(bytes);
      const callback = callbackIn(typeof chunk === "function" ? [chunk] : rest);
      if (callback) process.nextTick(callback);
      resolve({ status: this.statusCode, headers: this.getHeaders(), body: Buffer.concat(chunks) });
      return this;
    },
  };
  Object.assign(res, overrides);
  return {
    held,
    release: () => {
      for (const name of Object.keys(overrides)) delete (res as unknown as Record<string, unknown>)[name];
    },
  };
}
