/**
 * The production server (npm start): Next's request handler behind a plain Node HTTP server, so
 * that the client's address comes from the socket, not from a header anyone can send. Behind a
 * reverse proxy, set TRUST_PROXY to the proxy's address(es) (or "loopback") and the last hop of
 * X-Forwarded-For is used instead.
 */
import "./lib/server/source-maps-off";
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { dataDirectory } from "./db/open";
import { installGracefulShutdown } from "./lib/server/graceful-shutdown";
import { markShuttingDown, runShutdownHooks } from "./lib/server/lifecycle";
import { removePidFile, writePidFile } from "./lib/server/pid-file";
import { applyCachePolicy } from "./lib/server/public-cache-headers";
import { sendPublicPagesWithoutRuntime } from "./lib/server/public-html";
import { flushLog, logLine, logRequest, logRequestError, requestIdFor } from "./lib/server/request-log";
import { admitRequest } from "./lib/server/request-guards";
import { serveFromResponseCache } from "./lib/server/response-cache";

const CLIENT_IP_HEADER = "x-cms-client-ip"; // lib/auth/client-ip.ts reads it
const SHUTDOWN_TIMEOUT_MS = 10_000;
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const trusted = (process.env.TRUST_PROXY || "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

function isTrustedProxy(address: string): boolean {
  const plain = address.replace(/^::ffff:/, "");
  if (trusted.includes("loopback") && (plain === "127.0.0.1" || plain === "::1")) return true;
  return trusted.includes(plain);
}

function clientAddress(req: IncomingMessage): string {
  const socketAddress = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  if (!isTrustedProxy(socketAddress)) return socketAddress;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded.at(-1) ?? socketAddress;
}

async function main() {
  // Written before Next opens the database, so `npm run restore` refuses from the first moment.
  writePidFile(dataDirectory(), port);
  const app = next({ dev: false, hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    const fromProxy = isTrustedProxy(req.socket.remoteAddress ?? "");
    const ip = clientAddress(req);
    const id = requestIdFor(req, fromProxy);
    req.headers[CLIENT_IP_HEADER] = ip;
    req.headers["x-request-id"] = id;
    res.setHeader("X-Request-Id", id);
    // Without a trusted proxy these headers come from the client; Next must not believe them.
    if (!fromProxy) {
      // Next compares a server action's Origin with X-Forwarded-Host when present; only a proxy may set it.
      for (const header of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"]) {
        delete req.headers[header];
      }
    }
    logRequest(req, res, { id, ip });
    // Undecodable addresses, cross-site form posts, bodies over their limit or not UTF-8: answered here (400/403/413).
    if (!admitRequest(req, res)) return;
    applyCachePolicy(req, res);
    if (serveFromResponseCache(req, res)) return;
    // After the response cache, so that what it keeps is the page as sent.
    sendPublicPagesWithoutRuntime(req, res);
    handle(req, res).catch((error: unknown) => {
      logRequestError(error, { id, method: req.method, path: req.url });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  installGracefulShutdown(server, {
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    onStart: (signal) => {
      markShuttingDown();
      logLine({ level: "info", msg: "shutdown", signal });
    },
    cleanup: async (timedOut) => {
      await runShutdownHooks();
      removePidFile(dataDirectory());
      logLine({ level: "info", msg: "stopped", timedOut });
      flushLog();
    },
  });
  server.listen(port, host, () => console.log(`▲ Trang tin đang chạy tại http://localhost:${port}`));
}

main().catch((error) => {
  console.error(error);
  removePidFile(dataDirectory());
  process.exit(1);
});
