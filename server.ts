/**
 * The production server (npm start): Next's request handler behind a plain Node HTTP server, so
 * that the client's address comes from the socket, not from a header anyone can send. Behind a
 * reverse proxy, set TRUST_PROXY to the proxy's address(es) (or "loopback") and the last hop of
 * X-Forwarded-For is used instead.
 */
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { applyCachePolicy } from "./lib/server/public-cache-headers";
import { serveFromResponseCache } from "./lib/server/response-cache";

const CLIENT_IP_HEADER = "x-cms-client-ip"; // lib/auth/client-ip.ts reads it
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
  const app = next({ dev: false, hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientAddress(req);
    // Without a trusted proxy these headers come from the client; Next must not believe them.
    if (!isTrustedProxy(req.socket.remoteAddress ?? "")) {
      // Next compares a server action's Origin with X-Forwarded-Host when present; only a proxy may set it.
      for (const header of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"]) {
        delete req.headers[header];
      }
    }
    applyCachePolicy(req, res);
    if (serveFromResponseCache(req, res)) return;
    void handle(req, res);
  });
  server.listen(port, host, () => console.log(`▲ Trang tin đang chạy tại http://localhost:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
