import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { configProblems } from "@/lib/config/check";
import { purgeCloudflare } from "@/lib/edge/cloudflare-purge";
import { refreshNginx } from "@/lib/edge/nginx-refresh";
import { ServedIndex } from "@/lib/edge/served";
import { readEdgeSettings } from "@/lib/edge/settings";
import { sharedCacheHeaders } from "@/lib/server/public-cache-headers";
import { startCloudflareStandIn, type CloudflareStandIn } from "../stand-ins/cloudflare";

const ZONE = "0123456789abcdef0123456789abcdef";
const TOKEN = "token-cho-kiem-thu-xoa-bo-nho-dem";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe("the settings for caches in front", () => {
  it("are off by default, and each bad one is named with what to do", () => {
    expect(readEdgeSettings({})).toEqual({ settings: null, problems: [] });
    const bad = readEdgeSettings({ NGINX_REFRESH_URL: "127.0.0.1:80, http://127.0.0.1:8080/purge", CDN_PURGE: "fastly", EDGE_CACHE_SECONDS: "0" });
    expect(bad.settings).toBeNull();
    expect(bad.problems.map((p) => p.variable)).toEqual(["NGINX_REFRESH_URL", "CDN_PURGE", "EDGE_CACHE_SECONDS"]);
    expect(bad.problems[0]!.message).toContain("127.0.0.1:80, http://127.0.0.1:8080/purge");
    // A long expiry with nobody told of changes would keep unpublished posts online.
    expect(readEdgeSettings({ EDGE_CACHE_SECONDS: "600" }).problems[0]).toMatchObject({ variable: "EDGE_CACHE_SECONDS", message: expect.stringContaining("NGINX_REFRESH_URL") });
    const cloudflare = readEdgeSettings({ CDN_PURGE: "cloudflare", CLOUDFLARE_ZONE_ID: "abc" });
    expect(cloudflare.problems.map((p) => p.variable)).toEqual(["CLOUDFLARE_ZONE_ID", "CLOUDFLARE_API_TOKEN", "SITE_URL"]);
    // The start refuses them, like every other setting.
    expect(configProblems({ NGINX_REFRESH_URL: "nginx" }).map((p) => p.variable)).toContain("NGINX_REFRESH_URL");
  });

  it("read nginx's and Cloudflare's targets and the time the caches may keep a page", () => {
    const { settings, problems } = readEdgeSettings({
      NGINX_REFRESH_URL: "http://127.0.0.1, http://10.0.0.2:8080/",
      CDN_PURGE: "Cloudflare",
      CLOUDFLARE_ZONE_ID: ZONE,
      CLOUDFLARE_API_TOKEN: TOKEN,
      SITE_URL: "https://sohuutritue.gov.vn/",
      EDGE_CACHE_SECONDS: "900",
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      nginx: ["http://127.0.0.1", "http://10.0.0.2:8080"],
      cloudflare: { zoneId: ZONE, apiToken: TOKEN, apiUrl: "https://api.cloudflare.com/client/v4" },
      cacheSeconds: 900,
      siteUrl: "https://sohuutritue.gov.vn",
    });
    expect(readEdgeSettings({ NGINX_REFRESH_URL: "http://127.0.0.1" }).settings?.cacheSeconds).toBe(600);
  });

  it("decide the headers: long only for what the caches will be told about", () => {
    expect(sharedCacheHeaders(600)).toEqual({ "cache-control": "public, max-age=0, s-maxage=600, stale-while-revalidate=30, stale-if-error=86400", "x-accel-expires": "600" });
    expect(sharedCacheHeaders(null, 1_700_000_000_500)).toEqual({ "cache-control": expect.stringContaining("s-maxage=10,"), "x-accel-expires": "@1700000000" });
  });
});

describe("the index of what the caches in front were allowed to keep", () => {
  it("gives the addresses a change's tags name, once, and every address for a change to every page", () => {
    const index = new ServedIndex(10);
    const now = 1_000_000;
    index.record("/tin-tuc/a", ["public", "article:a", "category:1"], now + 1000, now);
    index.record("/tin-tuc/a?utm_source=zalo", ["public", "article:a", "category:1"], now + 1000, now);
    index.record("/chuyen-muc/x", ["public", "category:1", "category-slug:x"], now + 1000, now);
    index.record("/", ["public", "home"], now + 1000, now);
    expect(index.take(["article:a"], now).sort()).toEqual(["/tin-tuc/a", "/tin-tuc/a?utm_source=zalo"]);
    expect(index.take(["article:a"], now)).toEqual([]); // purged: nginx asks again, and it is noted again then
    expect(index.take(["category:1", "home"], now).sort()).toEqual(["/", "/chuyen-muc/x"]);
    index.record("/gioi-thieu", ["public"], now + 1000, now);
    index.record("/lien-he", ["public"], now + 1000, now);
    expect(index.take(["public"], now).sort()).toEqual(["/gioi-thieu", "/lien-he"]);
    expect(index.size).toBe(0);
  });

  it("forgets what every cache has let go of, and refuses to note more than it can hold", () => {
    const index = new ServedIndex(2);
    index.record("/a", ["home"], 2000, 0);
    index.record("/b", ["home"], 5000, 0);
    expect(index.record("/c", ["home"], 5000, 1000)).toBe(false); // full, nothing expired: /c must go out short-lived
    expect(index.record("/c", ["home"], 5000, 3000)).toBe(true); // /a expired at 2000 and made room
    expect(index.take(["home"], 3000).sort()).toEqual(["/b", "/c"]);
    index.record("/d", ["home"], 4000, 3000);
    expect(index.take(["home"], 4500)).toEqual([]); // expired: no cache holds it any more
  });
});

describe("refreshing nginx", () => {
  it("asks for each address again once per encoding with X-Cms-Refresh, and counts only real failures", async () => {
    const seen: string[] = [];
    const server: Server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers["accept-encoding"]} ${req.headers["x-cms-refresh"]}`);
      // A page, a redirect and a page now gone are all fresh answers nginx keeps; a 500 is not.
      res.statusCode = req.url === "/hong" ? 500 : req.headers["accept-encoding"] === "br" ? 200 : req.headers["accept-encoding"] === "gzip" ? 308 : 404;
      if (res.statusCode === 308) res.setHeader("location", "/elsewhere");
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outcome = await refreshNginx([origin], ["/tin-tuc/a", "/hong"]);
    expect(seen.sort()).toEqual(["GET /hong br 1", "GET /hong gzip 1", "GET /hong identity 1", "GET /tin-tuc/a br 1", "GET /tin-tuc/a gzip 1", "GET /tin-tuc/a identity 1"]);
    expect(outcome.purged).toBe(3);
    expect(outcome.failures).toHaveLength(3);
    expect(outcome.failures[0]).toContain("HTTP 500");
    // nginx not running: a failure to report, not an exception.
    const down = await refreshNginx(["http://127.0.0.1:9"], ["/"]);
    expect(down.failures).toHaveLength(3);
  });
});

describe("purging Cloudflare (against a stand-in following its API)", () => {
  async function standIn(rateLimited = 0): Promise<CloudflareStandIn> {
    const server = await startCloudflareStandIn({ zoneId: ZONE, token: TOKEN, rateLimited });
    cleanups.push(server.close);
    return server;
  }

  it("sends the full URLs in requests of at most 100, and waits when the purge rate is spent", async () => {
    const api = await standIn(1);
    const urls = Array.from({ length: 250 }, (_, i) => `https://sohuutritue.gov.vn/tin-tuc/bai-${i}`);
    const outcome = await purgeCloudflare({ zoneId: ZONE, apiToken: TOKEN, apiUrl: api.apiUrl }, urls);
    expect(outcome).toEqual({ purged: 250, failures: [] });
    expect(api.purged.map((files) => files.length)).toEqual([100, 100, 50]);
    expect(api.purged.flat()).toEqual(urls);
    expect(api.requests).toBe(4); // one 429, then the same request again
  });

  it("reports a refused token with Cloudflare's own message, without trying again", async () => {
    const api = await standIn();
    const outcome = await purgeCloudflare({ zoneId: ZONE, apiToken: "sai-token-sai-token-sai", apiUrl: api.apiUrl }, ["https://sohuutritue.gov.vn/"]);
    expect(outcome.purged).toBe(0);
    expect(outcome.failures[0]).toContain("HTTP 403: 10000 Authentication error");
    expect(api.requests).toBe(1);
  });
});
