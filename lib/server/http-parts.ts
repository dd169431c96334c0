/** Small pieces of Node's HTTP objects that server.ts's response wrappers all need. */

/** The path of a request URL, without its query string or fragment. */
export function pathnameOf(url: string | undefined): string {
  const raw = url ?? "/";
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

/**
 * What was passed to `res.write(chunk, encoding?)` or `res.end(chunk?, encoding?)` as bytes, or
 * null when there is no chunk (nothing, or only the callback).
 */
export function chunkBytes(chunk: unknown, encoding?: unknown): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return Buffer.from(chunk as Uint8Array);
}
