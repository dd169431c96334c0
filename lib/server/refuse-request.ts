/**
 * The answer server.ts gives itself, before or instead of Next, to a request it will not serve
 * (an address that cannot be decoded, a cross-site form post, a body over its limit or not UTF-8):
 * a short Vietnamese message with the headers every response carries, and the connection closed
 * without cutting the answer off.
 */
import { ServerResponse, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { pathnameOf } from "./http-parts";

/** How long the rest of a refused body is read and thrown away (up to a size: ./body-limit.ts) before the connection is dropped. */
const LINGER_MS = 5_000;

const HEADERS = {
  "Cache-Control": "private, no-store",
  "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  Connection: "close",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function bodyFor(pathname: string, message: string): { type: string; text: string } {
  // Both keys, as the app's JSON routes answer with one or the other (`error`, `message`).
  if (/^\/api(?:\/|$)/.test(pathname)) return { type: "application/json; charset=utf-8", text: JSON.stringify({ error: message, message }) };
  const html = escapeHtml(message);
  return {
    type: "text/html; charset=utf-8",
    text: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html}</title></head><body><h1>${html}</h1><p><a href="/">Về Trang chủ</a></p></body></html>`,
  };
}

/**
 * After the answer, the client may still be sending the body. Closing a socket with unread data
 * makes the kernel send a reset, which can destroy the answer before the client reads it; so the
 * connection is half-closed after the answer and the rest is read and dropped (no longer counted
 * or kept) until the client closes or LINGER_MS pass, as nginx's lingering close does.
 */
function lingerAndClose(socket: Socket): void {
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  // Node calls destroySoon once a `Connection: close` answer is written; end() alone keeps reading.
  socket.destroySoon = function (this: Socket) {
    if (this.writable) this.end();
  };
  socket.resume();
}

/** Whatever Next still writes for this request once it has been answered here goes nowhere. */
function silence(res: ServerResponse): void {
  const self = () => res;
  Object.assign(res, {
    writeHead: self,
    setHeader: self,
    appendHeader: self,
    removeHeader: () => undefined,
    flushHeaders: () => undefined,
    writeContinue: () => undefined,
    writeEarlyHints: () => undefined,
    write: (...args: unknown[]) => {
      const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
      callback?.();
      return true;
    },
    end: (...args: unknown[]) => {
      const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
      callback?.();
      return res;
    },
  });
}

/** Answers `status` with `message` (unless an answer has already started: then the connection is cut). */
export function refuseRequest(req: IncomingMessage, res: ServerResponse, status: 400 | 401 | 403 | 413, message: string): void {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  const { type, text } = bodyFor(pathnameOf(req.url), message);
  const body = Buffer.from(text, "utf8");
  const headers: Record<string, string | number> = { ...HEADERS, "Content-Type": type, "Content-Length": body.byteLength };
  if ((process.env.SITE_URL ?? "").startsWith("https://")) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  // The prototype's methods: the response wrappers server.ts installs for Next's pages are not for this answer.
  ServerResponse.prototype.writeHead.call(res, status, headers);
  (ServerResponse.prototype.end as (this: ServerResponse, chunk: Buffer) => ServerResponse).call(res, body);
  silence(res);
  lingerAndClose(req.socket);
}
