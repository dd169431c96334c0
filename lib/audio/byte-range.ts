// The Range header of a GET for a file (RFC 9110, section 14): one range of bytes, or the whole
// file. Pure. A player seeks with ranges; a download asks for the whole file.

export type ByteRange =
  | { kind: "full" }
  | { kind: "partial"; start: number; end: number }
  /** Answered 416 with `Content-Range: bytes * /size`. */
  | { kind: "unsatisfiable" };

const FULL: ByteRange = { kind: "full" };
const UNSATISFIABLE: ByteRange = { kind: "unsatisfiable" };

/**
 * What to send for `header` on a file of `size` bytes. A header that is not one well-formed bytes
 * range (another unit, several ranges, nonsense) is ignored and the whole file is sent, as the RFC
 * allows; a well-formed range that starts past the end cannot be satisfied.
 */
export function parseByteRange(header: string | null | undefined, size: number): ByteRange {
  if (!header) return FULL;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return FULL;
  const [, first, last] = match;
  if (first === "") {
    // The last N bytes.
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix)) return FULL;
    if (suffix === 0 || size === 0) return UNSATISFIABLE;
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return FULL;
  if (start >= size) return UNSATISFIABLE;
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}
