import { isCacheReady } from "@/lib/cache/follower";
import { databaseHealth, replicationHealthSummary } from "@/lib/dal/health";
import { holdsBackgroundLease } from "@/lib/jobs/leader";
import { isShuttingDown } from "@/lib/server/lifecycle";

export const dynamic = "force-dynamic";

/**
 * 200 when the database answers with every migration applied and the page cache has been refreshed
 * since start; 503 while starting, while stopping, or when the database is not right. Load
 * balancers and deploy scripts read the status; people read the body, which also says which app
 * process answered and how far the replica is behind (a lagging replica does not stop serving).
 */
export function GET() {
  const database = databaseHealth();
  const cache = isCacheReady() ? "ready" : "warming";
  const stopping = isShuttingDown();
  const ok = database.ok && cache === "ready" && !stopping;
  const status = ok ? "ok" : stopping ? "stopping" : !database.ok ? "error" : "starting";
  return Response.json(
    {
      status,
      database: database.ok ? "ok" : "error",
      migrations: database.migrations,
      cache,
      process: { pid: process.pid, background: holdsBackgroundLease() },
      replication: database.ok ? replicationHealthSummary() : null,
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
