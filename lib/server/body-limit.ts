/**
 * A request body's size limit, enforced as the body arrives rather than after it was read: by its
 * declared length before anything is read, and while it streams (chunked bodies declare none),
 * with a 413 as soon as it goes over. Text bodies must also be valid UTF-8 (400), since Next and
 * the web platform would otherwise store U+FFFD in place of every bad byte without a word.
 *
 * Node's HTTP parser hands every piece of a body to the request stream through `push()` (null at
 * the end), and, once the answer is sent with the body still coming, has the stream throw the rest
 * away (`_dump()`, after which push is no longer called). Both are watched on this one request, so
 * no body is ever read past its limit: not while Next reads it, not after Next answered without
 * reading it (a 401 before the body), and not after a refusal here.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { refuseRequest } from "./refuse-request";

export type BodyRule = {
  /** Bytes the body may have. */
  limit: number;
  /** The 413's message. */
  tooLarge: string;
  /** The body must be UTF-8 text (every endpoint but image uploads). */
  utf8: boolean;
};

export const NOT_UTF8 = "Dữ liệu gửi lên có ký tự không hợp lệ (không phải văn bản UTF-8). Hãy kiểm tra lại nội dung rồi gửi lại.";

/**
 * After an answer given before the body was read, how much more of it is read (and thrown away)
 * before the connection is cut. Cutting it with unread data makes the kernel send a reset, which
 * can destroy the answer before the client reads it; what a polite client still has in flight
 * when the answer arrives (socket buffers: a few megabytes) must fit. A client that goes on
 * sending costs this much reading, nothing kept.
 */
const LINGER_BYTES = 16 * 1024 * 1024;

type Dumpable = IncomingMessage & { _dump?: () => void };

/** Whether the request says it has a body: a declared length above 0, or a transfer coding (chunked). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/**
 * Applies `rule` to the request's body. Returns false when it was refused at once (`refuseNow`,
 * or declared too large); otherwise it is refused the moment it breaks the rule, and the reader
 * (Next) gets nothing more.
 */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse, rule: BodyRule, refuseNow?: { status: 400 | 401 | 403; message: string }): boolean {
  if (!hasBody(req)) return true;
  let received = 0;
  // "reading": passed on to Next; "draining": answered already, the rest is counted and dropped;
  // "refused": answered here, a little more is dropped so the answer is not cut off.
  let mode: "reading" | "draining" | "refused" = "reading";
  let dropped = 0;
  const decoder = rule.utf8 ? new TextDecoder("utf-8", { fatal: true }) : null;
  const refuse = (status: 400 | 401 | 403 | 413, message: string) => {
    mode = "refused";
    refuseRequest(req, res, status, message);
  };

  const push = req.push;
  req.push = function (this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) {
      // A refused body never ends for its reader: a cut-off body must not pass for a whole one.
      if (mode === "refused") return true;
      if (mode === "draining") return push.call(this, null);
      try {
        decoder?.decode();
      } catch {
        refuse(400, NOT_UTF8);
        return true;
      }
      return push.call(this, null);
    }
    const size = (chunk as Buffer).byteLength;
    if (mode === "refused") {
      dropped += size;
      if (dropped > LINGER_BYTES) this.socket.destroy();
      return true;
    }
    received += size;
    if (mode === "draining") {
      if (received > rule.limit + LINGER_BYTES) this.socket.destroy();
      return true;
    }
    if (received > rule.limit) {
      refuse(413, rule.tooLarge);
      return true;
    }
    try {
      decoder?.decode(chunk as Buffer, { stream: true });
    } catch {
      refuse(400, NOT_UTF8);
      return true;
    }
    return push.call(this, chunk, encoding);
  };

  // Node's own dump stops calling push(); this one keeps the count (and the limit) going.
  (req as Dumpable)._dump = function (this: IncomingMessage) {
    if (mode === "reading") mode = "draining";
    this.removeAllListeners("data");
    this.resume();
  };

  if (refuseNow) refuse(refuseNow.status, refuseNow.message);
  else if (Number(req.headers["content-length"] ?? 0) > rule.limit) refuse(413, rule.tooLarge);
  return mode === "reading";
}
