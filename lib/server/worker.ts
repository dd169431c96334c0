/**
 * One app process of `npm start` (server.ts forks one per core): Next's request handler behind a
 * plain Node HTTP server on the port all of them share. It takes the client's address from the
 * socket, not from a header anyone can send (behind a reverse proxy, TRUST_PROXY names the proxy
 * and the last hop of X-Forwarded-For is used), and answers public pages from its own copies
 * (lib/server/public-pages.ts). The primary process has checked the settings and written the pid
 * file; the first worker prepares the database before the others start.
 */
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { installGracefulShutdown } from "./graceful-shutdown";
import { pathnameOf } from "./http-parts";
import { markShuttingDown, runShutdownHooks } from "./lifecycle";
import { isAttachmentRequest, sendAttachment } from "./attachment-files";
import { isAudioRequest, sendAudio } from "./audio-files";
import { applyCachePolicy } from "./public-cache-headers";
import { isPublicPageRequest, serveKeptPage, servePublicPage } from "./public-pages";
import { admitRequest, needsNoGuard } from "./request-guards";
import { flushLog, logAnswered, logLine, logRequest, logRequestError, requestIdFor } from "./request-log";
import { startServer } from "./startup";

const CLIENT_IP_HEADER = "x-cms-client-ip"; // lib/auth/client-ip.ts reads it
const SHUTDOWN_TIMEOUT_MS = 10_000;
// Next compares a server action's Origin with X-Forwarded-Host when present; only a trusted proxy may set these.
const PROXY_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];

function trustedProxies(): string[] {
  return (process.env.TRUST_PROXY || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function runWorker(): Promise<void> {
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || "0.0.0.0";
  const trusted = trustedProxies();
  const isTrustedProxy = (address: string): boolean => {
    const plain = address.replace(/^::ffff:/, "");
    if (trusted.includes("loopback") && (plain === "127.0.0.1" || plain === "::1")) return true;
    return trusted.includes(plain);
  };
  const clientAddress = (req: IncomingMessage): string => {
    const socketAddress = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    if (!isTrustedProxy(socketAddress)) return socketAddress;
    const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    return forwarded.at(-1) ?? socketAddress;
  };

  await startServer();
  const app = next({ dev: false, hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    const fromProxy = isTrustedProxy(req.socket.remoteAddress ?? "");
    const ip = clientAddress(req);
    const id = requestIdFor(req, fromProxy);
    req.headers[CLIENT_IP_HEADER] = ip;
    req.headers["x-request-id"] = id;
    // Without a trusted proxy these headers come from the client; Next must not believe them.
    if (!fromProxy) {
      for (const header of PROXY_HEADERS) delete req.headers[header];
    }
    const pathname = pathnameOf(req.url);
    // Most readers' requests: a page this process keeps, sent from memory in one go, before anything else is set up.
    if (isPublicPageRequest(req.method, pathname) && needsNoGuard(req, pathname)) {
      const started = performance.now();
      if (serveKeptPage(req, res, pathname, ["x-request-id", id])) return logAnswered(req, res.statusCode, performance.now() - started, { id, ip });
    }
    res.setHeader("X-Request-Id", id);
    logRequest(req, res, { id, ip });
    // Undecodable addresses, cross-site form posts, bodies over their limit or not UTF-8: answered here (400/403/413).
    if (!admitRequest(req, res)) return;
    const failed = (error: unknown) => {
      logRequestError(error, { id, method: req.method, path: req.url });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    };
    // Read-aloud recordings, with their lengths (Next drops Content-Length from route handlers).
    if (isAudioRequest(req.method, pathname)) {
      sendAudio(req, res, pathname).catch(failed);
      return;
    }
    // Documents' files, with their lengths, for the same reason.
    if (isAttachmentRequest(req.method, pathname)) {
      sendAttachment(req, res, pathname).catch(failed);
      return;
    }
    if (isPublicPageRequest(req.method, pathname)) {
      // nginx refreshing a page on this site's own request (lib/edge/nginx-refresh.ts): it asks again for
      // pages just taken down, which the limit on made-up addresses must not slow.
      const internal = req.headers["x-cms-refresh"] !== undefined && (ip === "127.0.0.1" || ip === "::1");
      servePublicPage(req, res, pathname, () => handle(req, res), internal).catch(failed);
      return;
    }
    applyCachePolicy(req, res);
    handle(req, res).catch(failed);
  });
  const stop = installGracefulShutdown(server, {
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    // The primary sends SIGTERM in order (the process running the background work last); Ctrl+C
    // reaches every process of the terminal at once, so SIGINT is left to the primary.
    signals: ["SIGTERM"],
    onStart: (signal) => {
      markShuttingDown();
      logLine({ level: "info", msg: "shutdown", signal, pid: process.pid });
    },
    cleanup: async (timedOut) => {
      await runShutdownHooks();
      logLine({ level: "info", msg: "stopped", timedOut, pid: process.pid });
      flushLog();
    },
  });
  process.on("SIGINT", () => undefined);
  // The primary is gone (killed): stop cleanly rather than serve on alone.
  process.on("disconnect", () => void stop("disconnect"));
  server.listen(port, host);
}
