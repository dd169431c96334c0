import net from "node:net";

/** An HTTP answer as read off the socket. */
export type RawAnswer = { status: number; headers: Record<string, string>; body: string; sentBodyBytes: number };

type RawRequest = {
  method?: string;
  /** Sent as is, byte for byte (latin1), so malformed escapes and raw bytes reach the server. */
  target: string;
  headers?: Record<string, string>;
  /** The body, or how many bytes of filler to send. */
  body?: Buffer | { filler: number };
  chunked?: boolean;
  /**
   * Go on sending after the answer, as a hostile client would: how much the server takes then is in
   * sentBodyBytes. The server may then cut the connection with a reset, which can take the unread
   * answer with it: status 0.
   */
  keepSending?: boolean;
};

const BLOCK = 64 * 1024;

function parseAnswer(raw: Buffer): { status: number; headers: Record<string, string>; body: Buffer; complete: boolean } | null {
  const end = raw.indexOf("\r\n\r\n");
  if (end === -1) return null;
  const [statusLine, ...lines] = raw.subarray(0, end).toString("latin1").split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(":");
    headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  const status = Number(statusLine!.split(" ")[1]);
  const rest = raw.subarray(end + 4);
  if (headers["transfer-encoding"] === "chunked") return { status, headers, ...dechunk(rest) };
  const length = Number(headers["content-length"] ?? NaN);
  return { status, headers, body: rest, complete: Number.isFinite(length) && rest.byteLength >= length };
}

/** A chunked body as far as it has come, and whether its last (empty) chunk has. */
function dechunk(raw: Buffer): { body: Buffer; complete: boolean } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf("\r\n", at);
    if (lineEnd === -1) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString("latin1"), 16);
    if (size === 0) return { body: Buffer.concat(parts), complete: true };
    if (!Number.isFinite(size) || raw.byteLength < lineEnd + 2 + size + 2) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return { body: Buffer.concat(parts), complete: false };
}

/**
 * One request over a raw socket. The body is written block by block while the server reads it,
 * and sending stops as soon as an answer arrives, as a client would after an early 413; the
 * answer is what the server sent, whether or not it read the whole body.
 */
export function rawRequest(origin: string, request: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  const body = request.body;
  const total = body === undefined ? 0 : Buffer.isBuffer(body) ? body.byteLength : body.filler;
  const head = [
    `${request.method ?? (body ? "POST" : "GET")} ${request.target} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    ...Object.entries(request.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    ...(body === undefined ? [] : request.chunked ? ["Transfer-Encoding: chunked"] : [`Content-Length: ${total}`]),
    "",
    "",
  ].join("\r\n");

  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let sent = 0;
    let settled = false;
    let sending = true;
    const finish = () => {
      if (settled || (request.keepSending && sending)) return;
      const answer = parseAnswer(received);
      if (!answer) return;
      settled = true;
      socket.destroy();
      resolve({ status: answer.status, headers: answer.headers, body: answer.body.toString("utf8"), sentBodyBytes: sent });
    };
    socket.on("data", (data: Buffer) => {
      received = Buffer.concat([received, data]);
      if (parseAnswer(received)?.complete) finish();
    });
    socket.on("error", () => undefined); // a reset after the answer: the answer is what counts
    socket.on("close", () => {
      sending = false;
      finish();
      if (settled) return;
      if (request.keepSending) resolve({ status: 0, headers: {}, body: "", sentBodyBytes: sent });
      else reject(new Error(`no answer (sent ${sent} body bytes); got: ${received.toString("latin1").slice(0, 200)}`));
    });
    socket.write(Buffer.from(head, "latin1"));
    void (async () => {
      const filler = Buffer.alloc(BLOCK, 0x61);
      while (sent < total && (request.keepSending || received.byteLength === 0) && !socket.destroyed) {
        const size = Math.min(BLOCK, total - sent);
        const piece = Buffer.isBuffer(body) ? body.subarray(sent, sent + size) : filler.subarray(0, size);
        const framed = request.chunked ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), piece, Buffer.from("\r\n")]) : piece;
        sent += size;
        if (!socket.write(framed)) await new Promise((r) => (socket.once("drain", r), socket.once("close", r)));
      }
      if (request.chunked && sent >= total && !socket.destroyed) socket.write("0\r\n\r\n");
      sending = false;
      finish();
    })();
  });
}
