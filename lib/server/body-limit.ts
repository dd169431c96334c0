/**
 * A request body's size limit, enforced as the body arrives rather than after it was read: by its
 * declared length before anything is read, and while it streams (chunked bodies declare none),
 * with a 413 as soon as it goes over. Text bodies must also be valid UTF-8 (400), since Next and
 * the web platform would otherwise store U+FFFD in place of every bad byte without a word.
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

/** Whether the request says it has a body: a declared length above 0, or a transfer coding (chunked). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/**
 * Applies `rule` to the request's body. Returns false when it was refused at once (declared too
 * large); otherwise the body is counted (and decoded, for text) as Node's parser hands it to the
 * request stream, and refused the moment it breaks the rule: the reader (Next) gets nothing more.
 */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse, rule: BodyRule): boolean {
  if (!hasBody(req)) return true;
  if (Number(req.headers["content-length"] ?? 0) > rule.limit) {
    refuseRequest(req, res, 413, rule.tooLarge);
    return false;
  }
  let received = 0;
  let refused = false;
  const decoder = rule.utf8 ? new TextDecoder("utf-8", { fatal: true }) : null;
  const refuse = (status: 400 | 413, message: string) => {
    refused = true;
    refuseRequest(req, res, status, message);
    return true;
  };
  // Node's HTTP parser hands every piece of the body to the stream through push() (null at the end).
  const push = req.push;
  req.push = function (this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding): boolean {
    if (refused) return true; // dropped: the client is answered and the rest is thrown away
    if (chunk === null) {
      try {
        decoder?.decode();
      } catch {
        return refuse(400, NOT_UTF8);
      }
      return push.call(this, chunk, encoding);
    }
    const bytes = chunk as Buffer;
    received += bytes.byteLength;
    if (received > rule.limit) return refuse(413, rule.tooLarge);
    try {
      decoder?.decode(bytes, { stream: true });
    } catch {
      return refuse(400, NOT_UTF8);
    }
    return push.call(this, chunk, encoding);
  };
  return true;
}
