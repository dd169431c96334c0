import "server-only";
import { authSecret } from "@/lib/auth/secret";
import { startFollowingOutbox, stopFollowingOutbox } from "@/lib/cache/follower";
import { startEdgePurging } from "@/lib/edge/purge";
import { ensureFirstAdmin } from "@/lib/dal/auth/first-admin";
import { closeDb, getDb } from "@/lib/dal/connection";
import { backgroundWork, finishReplication } from "@/lib/jobs/background";
import { startLeadership, stopLeadership } from "@/lib/jobs/leader";
import { seedDemoContentIfEmpty } from "@/lib/seed/demo-content";
import { seedDemoDocuments } from "@/lib/seed/demo-documents";
import { siteUrl } from "@/lib/site";
import { onShutdown } from "./lifecycle";

/**
 * Runs once per server process, from server.ts, before it listens: the session key, the database
 * (opened and migrated by getDb), demo content on an empty database, the first admin, following
 * the outbox, and the competition for the background work (jobs, outbox pruning, replication),
 * which one process runs for all. Anything that fails here stops the start with its message.
 */
export async function startServer(): Promise<void> {
  authSecret();
  const db = getDb();
  const { seeded } = seedDemoContentIfEmpty(db);
  if (seeded) {
    const documents = await seedDemoDocuments(db);
    console.log(
      `[cms] Đã tạo nội dung mẫu: 3 bài viết trong 2 chuyên mục, các trang Giới thiệu, Liên hệ, Tuyên bố về khả năng tiếp cận, trình đơn đầu trang và chân trang, danh sách Liên kết, bố cục trang chủ và ${documents} văn bản trong sổ văn bản.`,
    );
  }
  const admin = await ensureFirstAdmin(db);
  if (admin) printFirstAdmin(admin);
  // Every process follows the outbox for its own caches; pruning it is a background job.
  startFollowingOutbox({ prune: false });
  // With NGINX_REFRESH_URL or CDN_PURGE, what this process let a cache in front keep is purged on change.
  startEdgePurging();
  startLeadership(db, backgroundWork(db));
  // server.ts runs these on SIGTERM once the last request is answered; the database goes last.
  onShutdown("outbox follower", stopFollowingOutbox);
  onShutdown("background work", () => stopLeadership(db));
  onShutdown("database", closeDb);
  onShutdown("replication", finishReplication);
}

function printFirstAdmin(admin: { email: string; password?: string }): void {
  const lines = [
    "Tài khoản quản trị đầu tiên đã được tạo.",
    `  Đăng nhập: ${siteUrl()}/login`,
    `  E-mail:    ${admin.email}`,
    admin.password
      ? `  Mật khẩu tạm: ${admin.password}   (chỉ hiện một lần; bạn sẽ phải đổi ở lần đăng nhập đầu)`
      : "  Mật khẩu:  giá trị của ADMIN_PASSWORD",
  ];
  console.log(`\n${"=".repeat(72)}\n${lines.join("\n")}\n${"=".repeat(72)}\n`);
}
