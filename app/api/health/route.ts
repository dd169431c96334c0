import { isCacheReady } from "@/lib/cache/poller";

export const dynamic = "force-dynamic";

/** 200 once the server has migrated, seeded and refreshed its page cache; 503 until then. */
export function GET() {
  const ready = isCacheReady();
  return Response.json({ status: ready ? "ok" : "starting" }, { status: ready ? 200 : 503 });
}
