import "server-only";
import { getDb } from "@/db";
import { startInvalidationPoller } from "@/lib/cache/poller";
import { seedDemoContentIfEmpty } from "@/lib/seed/demo-content";

/** Runs once per server process before it serves: migrate (in getDb), seed an empty database, start background work. */
export function startServer(): void {
  const db = getDb();
  const { seeded } = seedDemoContentIfEmpty(db);
  if (seeded) console.log("[cms] Đã tạo nội dung mẫu: 3 bài viết trong 2 chuyên mục.");
  startInvalidationPoller();
}
