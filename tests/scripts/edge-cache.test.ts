import Database from "better-sqlite3";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nginxInstalled, startNginx, type Nginx } from "../../bench/nginx";
import { foldForSearch } from "../../lib/vi/fold";
import { startCloudflareStandIn, type CloudflareStandIn } from "../stand-ins/cloudflare";
import { makeDataDir, startServer, stopAndRemove, type AppServer } from "./helpers/app-server";

/*
 * Issue 18 (publish through nginx) and issue 17 (a CDN in front): the shipped nginx configuration
 * in front of `npm start` with two app processes. With NGINX_REFRESH_URL, nginx keeps pages for
 * minutes and a change shows through it within a fraction of a second, every encoding, never going
 * back to the old page; the CDN's purge API is told the same addresses. Without it (the app not
 * told about nginx), pages are kept about a second and changes show all the same.
 */
const ZONE = "0123456789abcdef0123456789abcdef";
const TOKEN = "token-cho-kiem-thu-xoa-bo-nho-dem";
const BROWSER = { "accept-encoding": "gzip, deflate, br" };

type World = { dataDir: string; server: AppServer; nginx: Nginx; post: { id: number; slug: string; title: string; categoryId: number } };

async function startWorld(label: string, appPort: number, told: boolean, extraEnv: Record<string, string> = {}): Promise<World> {
  if (!nginxInstalled()) throw new Error("cần nginx: apt-get install nginx (.ci/run cài sẵn)");
  const dataDir = makeDataDir(label);
  const env = { WORKERS: "2", TRUST_PROXY: "loopback", ...(told ? { NGINX_REFRESH_URL: `http://127.0.0.1:${appPort + 1}` } : {}), ...extraEnv };
  const server = await startServer(dataDir, appPort, env);
  const nginx = await startNginx({ dir: path.join(dataDir, "nginx"), appPort, port: appPort + 1, staticPort: appPort + 2, mediaDir: path.join(dataDir, "media"), staticHtml: "<p>tham chiếu</p>" });
  const db = new Database(path.join(dataDir, "cms.db"), { readonly: true });
  const post = db.prepare("SELECT id, slug, title, category_id AS categoryId FROM posts WHERE kind = 'post' AND status = 'published' ORDER BY id LIMIT 1").get() as World["post"];
  db.close();
  return { dataDir, server, nginx, post };
}

async function stopWorld(world: World | undefined): Promise<void> {
  if (!world) return;
  await world.nginx.stop();
  stopAndRemove(world);
}

/** A change as any writer makes it: the row and its outbox tags in one transaction (lib/dal/outbox.ts). */
function change(world: World, set: string, values: unknown[]): void {
  const db = new Database(path.join(world.dataDir, "cms.db"));
  db.pragma("busy_timeout = 10000");
  db.function("cms_fold", { deterministic: true }, (text: unknown) => (typeof text === "string" ? foldForSearch(text) : text)); // the search triggers call it (db/open.ts)
  try {
    db.transaction(() => {
      db.prepare(`UPDATE posts SET ${set}, version = version + 1 WHERE id = ?`).run(...values, world.post.id);
      const insert = db.prepare("INSERT INTO cache_invalidations (tag) VALUES (?)");
      for (const tag of [`article:${world.post.slug}`, "home", `category:${world.post.categoryId}`]) insert.run(tag);
    }).immediate();
  } finally {
    db.close();
  }
}

async function get(world: World, headers: Record<string, string> = BROWSER, target = `/tin-tuc/${world.post.slug}`) {
  const response = await fetch(`${world.nginx.origin}${target}`, { headers });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** Milliseconds until nginx answers `target` as `shows` says, polling every 20 ms. */
async function timeUntil(world: World, shows: (answer: Awaited<ReturnType<typeof get>>) => boolean, limitMs: number, headers = BROWSER): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (shows(await get(world, headers))) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`nginx did not show the change within ${limitMs} ms`);
}

describe("nginx and a CDN, told of every change", () => {
  let world: World | undefined;
  let cdn: CloudflareStandIn;
  beforeAll(async () => {
    cdn = await startCloudflareStandIn({ zoneId: ZONE, token: TOKEN });
    world = await startWorld("edge-purge", 3261, true, { CDN_PURGE: "cloudflare", CLOUDFLARE_ZONE_ID: ZONE, CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_URL: cdn.apiUrl });
  });
  afterAll(async () => {
    await stopWorld(world);
    await cdn?.close();
  });

  it("keeps a page for minutes, one copy per encoding, and tells the CDN it may too", async () => {
    const w = world!;
    const first = await get(w);
    expect(first.status).toBe(200);
    expect(first.html).toContain(w.post.title);
    const again = await get(w);
    expect(again.headers.get("x-cache-status")).toBe("HIT");
    expect(again.headers.get("cache-control")).toContain("s-maxage=600");
    expect(again.headers.get("x-accel-expires")).toBeNull(); // nginx's own, not passed on
    await get(w, { "accept-encoding": "gzip" });
    expect((await get(w, { "accept-encoding": "gzip" })).headers.get("x-cache-status")).toBe("HIT");
    // Search results and missing pages stay short-lived: they are never refreshed one by one.
    const search = await get(w, BROWSER, `/tim-kiem?q=${encodeURIComponent("hội nghị")}`);
    expect(search.headers.get("cache-control")).toContain("s-maxage=10,");
    const missing = await get(w, BROWSER, "/tin-tuc/khong-co-bai-nay");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toContain("s-maxage=10,");
  });

  it("shows each change within a fraction of a second in every encoding, and never the old page again", async () => {
    const w = world!;
    const times: number[] = [];
    for (let round = 1; round <= 4; round++) {
      await get(w);
      await get(w, { "accept-encoding": "gzip" });
      expect((await get(w)).headers.get("x-cache-status")).toBe("HIT");
      const title = `Tiêu đề sửa lần ${round} ${Date.now()}`;
      change(w, "title = ?", [title]);
      const [brotli, gzip] = await Promise.all([
        timeUntil(w, (answer) => answer.html.includes(title), 3_000),
        timeUntil(w, (answer) => answer.html.includes(title), 3_000, { "accept-encoding": "gzip" }),
      ]);
      times.push(Math.max(brotli, gzip));
      // Every process has the change: whichever answers nginx next, the old page does not come back.
      for (let i = 0; i < 20; i++) expect((await get(w)).html).toContain(title);
      expect((await get(w)).headers.get("x-cache-status")).toBe("HIT");
    }
    console.log(`change visible through nginx after ${times.map((t) => Math.round(t)).join(", ")} ms`);
    expect(Math.max(...times)).toBeLessThan(1_500);
    const articleUrl = `${w.server.baseUrl}/tin-tuc/${w.post.slug}`;
    expect(cdn.purged.flat()).toContain(articleUrl);
  });

  it("takes an unpublished post off nginx at once", async () => {
    const w = world!;
    await get(w);
    expect((await get(w)).headers.get("x-cache-status")).toBe("HIT");
    change(w, "status = 'draft'", []);
    await timeUntil(w, (answer) => answer.status === 404, 3_000);
  });
});

describe("nginx the app is not told about", () => {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld("edge-plain", 3271, false);
  });
  afterAll(() => stopWorld(world));

  it("keeps pages about a second, so a change shows within two", async () => {
    const w = world!;
    await get(w);
    const kept = await get(w);
    expect(kept.headers.get("cache-control")).toContain("s-maxage=10,");
    const title = `Tiêu đề không xoá ${Date.now()}`;
    change(w, "title = ?", [title]);
    expect(await timeUntil(w, (answer) => answer.html.includes(title), 5_000)).toBeLessThan(2_500);
  });
});
