import type { Server } from "node:http";

/**
 * Stops the HTTP server the way a deploy or `systemctl stop` expects: no new connections, requests
 * in flight are answered (up to `timeoutMs`), keep-alive connections are closed as soon as they are
 * idle (and told `Connection: close` on any last request), then `cleanup` runs and the process
 * exits 0. A second signal while draining is ignored rather than cutting requests short.
 */
export function installGracefulShutdown(
  server: Server,
  options: { timeoutMs: number; onStart: (signal: string) => void; cleanup: (timedOut: boolean) => Promise<void>; signals?: NodeJS.Signals[] },
): (reason: string) => Promise<void> {
  let draining = false;
  server.on("request", (_req, res) => {
    if (!draining) return;
    res.setHeader("Connection", "close");
    res.once("finish", () => server.closeIdleConnections());
  });

  const stop = async (signal: string) => {
    if (draining) return;
    draining = true;
    options.onStart(signal);
    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(false)));
    server.closeIdleConnections();
    // Connections that finish their request later become idle; close them then, not after the timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), options.timeoutMs)));
    const late = await Promise.race([closed, timedOut]);
    clearInterval(sweep);
    clearTimeout(timer);
    if (late) server.closeAllConnections();
    await options.cleanup(late);
    process.exit(0);
  };
  for (const signal of options.signals ?? ["SIGTERM", "SIGINT"]) process.on(signal, () => void stop(signal));
  return stop;
}
