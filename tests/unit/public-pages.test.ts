import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { categories, postSlugHistory, posts } from "@/db/schema";
import { tagPage } from "@/lib/cache/page-tags";
import { invalidate } from "@/lib/cache/tagged-cache";
import type { Db } from "@/lib/dal/connection";
import { isPublicPagePath, servePublicPage } from "@/lib/server/public-pages";
import { pathnameOf } from "@/lib/server/http-parts";
import { createTempDatabase } from "./helpers/temp-db";

const PAGE =
  '<!DOCTYPE html><html lang="vi"><head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>' +
  '<script src="/_next/static/chunks/a.js" async=""></script></head><body><h1>Tin</h1>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"0:[]"])</script></body></html>';
const STRIPPED = '<!DOCTYPE html><html lang="vi"><head></head><body><h1>Tin</h1></body></html>';

let db: Db;
let cleanup: () => void;
let server: Server;
let origin: string;
const rendered: string[] = [];

// What Next does, in the ways it does it: streamed and compressed, whole with writeHead, a 404,
// and a route handler that waits for the response's `finish` before its promise settles.
function next(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = pathnameOf(req.url);
  rendered.push(req.url!);
  if (path === "/tin-tuc/bai-a") {
    tagPage("article:bai-a", "category:1");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Encoding", "gzip");
    res.setHeader("ETag", '"next-etag"');
    res.flushHeaders();
    const body = zlib.gzipSync(PAGE);
    res.write(body.subarray(0, 10));
    res.write(body.subarray(10), () => res.end());
    return Promise.resolve();
  }
  if (path === "/tin-tuc/bai-cham") {
    // A render that takes a while, as a page read from a large archive does.
    tagPage("article:bai-cham");
    return new Promise((resolve) =>
      setTimeout(() => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(PAGE);
        resolve();
      }, 150),
    );
  }
  if (path === "/tin-tuc/bai-treo" && rendered.filter((url) => url === "/tin-tuc/bai-treo").length === 1) {
    // The first render never finishes (Next may leave one whose client went away); later ones do.
    return new Promise(() => undefined);
  }
  if (path === "/tin-tuc/bai-treo") {
    tagPage("article:bai-treo");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(PAGE);
    return Promise.resolve();
  }
  if (path === "/rss.xml") {
    return new Promise((resolve) => {
      res.on("finish", () => resolve());
      res.setHeader("Content-Type", "application/rss+xml");
      res.end("<rss/>");
    });
  }
  if (path === "/tim-kiem") {
    tagPage("home");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<p>${new URL(req.url!, "http://x").searchParams.get("q")}</p>`);
    return Promise.resolve();
  }
  if (path === "/") {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(PAGE) });
    res.end(PAGE);
    return Promise.resolve();
  }
  if (path === "/khong-tim-thay") {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end("<h1>Không tìm thấy trang</h1>");
    return Promise.resolve();
  }
  // Next's own 404 of a page gone while rendering: its message lives in the flight data, for its runtime.
  res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
  res.end(PAGE);
  return Promise.resolve();
}

const published = (slug: string, categoryId: number) =>
  db
    .insert(posts)
    .values({ title: slug, slug, body: { type: "doc", content: [] }, categoryId, status: "published", publishedAt: new Date(Date.now() - 60_000) })
    .returning()
    .get().id;

beforeAll(async () => {
  ({ db, cleanup } = createTempDatabase());
  (globalThis as unknown as { __cmsDb?: Db }).__cmsDb = db;
  const categoryId = db.insert(categories).values({ name: "Tin tức", slug: "tin-tuc-su-kien" }).returning().get().id;
  published("bai-a", categoryId);
  published("bai-cham", categoryId);
  published("bai-treo", categoryId);
  const moved = published("bai-moi", categoryId);
  db.insert(postSlugHistory).values({ slug: "bai-cu", postId: moved }).run();
  server = createServer((req, res) => void servePublicPage(req, res, pathnameOf(req.url), () => next(req, res)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  (globalThis as unknown as { __cmsDb?: Db }).__cmsDb = undefined;
  cleanup();
});
beforeEach(() => {
  invalidate(["public"]);
  rendered.length = 0;
});

describe("servePublicPage", () => {
  it("sends a streamed, compressed page without Next's runtime, with its own length and ETag, then answers from its copy", async () => {
    const res = await fetch(`${origin}/tin-tuc/bai-a`, { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(await res.text()).toBe(STRIPPED);
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(etag).not.toBe('"next-etag"');
    expect(Number(res.headers.get("content-length"))).toBe(zlib.gzipSync(STRIPPED, { level: 9 }).byteLength);
    expect(res.headers.get("cache-control")).toMatch(/^public, .*s-maxage=/);
    expect(res.headers.get("x-cache")).toBe("MISS");
    const again = await fetch(`${origin}/tin-tuc/bai-a`, { headers: { "accept-encoding": "br" } });
    expect(again.headers.get("content-encoding")).toBe("br");
    expect(again.headers.get("x-cache")).toBe("HIT");
    expect(await again.text()).toBe(STRIPPED);
    expect(rendered).toEqual(["/tin-tuc/bai-a"]);
  });

  it("answers 304 when the reader already has that page, and 200 for another validator", async () => {
    const first = await fetch(`${origin}/tin-tuc/bai-a`);
    const etag = first.headers.get("etag")!;
    const again = await fetch(`${origin}/tin-tuc/bai-a`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await fetch(`${origin}/tin-tuc/bai-a`, { headers: { "if-none-match": '"next-etag"' } });
    expect(other.status).toBe(200);
  });

  it("rewrites a page sent whole with writeHead, and sends it uncompressed to who asks so", async () => {
    const res = await fetch(`${origin}/`, { headers: { "accept-encoding": "identity" } });
    expect(await res.text()).toBe(STRIPPED);
    expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(STRIPPED));
  });

  it("renders a page once for the requests that come while it is being rendered, each in its encoding", async () => {
    const encodings = ["br", "gzip", "identity", "gzip", "br"];
    const answers = await Promise.all(encodings.map((encoding) => fetch(`${origin}/tin-tuc/bai-cham`, { headers: { "accept-encoding": encoding } })));
    expect(rendered).toEqual(["/tin-tuc/bai-cham"]);
    expect(answers.map((res) => res.headers.get("content-encoding") ?? "identity")).toEqual(encodings);
    for (const res of answers) expect(await res.text()).toBe(STRIPPED);
    expect(answers.map((res) => res.headers.get("x-cache")).sort()).toEqual(["HIT", "HIT", "HIT", "HIT", "MISS"]);
    // A change while it renders: the copy is not kept, so those who waited render it anew rather than get a stale one.
    invalidate(["article:bai-cham"]);
    const first = fetch(`${origin}/tin-tuc/bai-cham`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waiting = fetch(`${origin}/tin-tuc/bai-cham`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    invalidate(["article:bai-cham"]);
    await Promise.all([first, waiting]);
    expect(rendered).toEqual(["/tin-tuc/bai-cham", "/tin-tuc/bai-cham", "/tin-tuc/bai-cham"]);
  });

  it("lets those waiting for a render go as soon as its reader leaves, even if that render never ends", async () => {
    const leaving = new AbortController();
    const first = fetch(`${origin}/tin-tuc/bai-treo`, { signal: leaving.signal }).catch(() => "left");
    await expect.poll(() => rendered).toEqual(["/tin-tuc/bai-treo"]);
    const started = performance.now();
    const waiting = fetch(`${origin}/tin-tuc/bai-treo`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    leaving.abort();
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe(STRIPPED);
    expect(await first).toBe("left");
    // Let go when the first reader left, not after the longest wait (render-once.ts).
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(rendered).toEqual(["/tin-tuc/bai-treo", "/tin-tuc/bai-treo"]);
    expect((await fetch(`${origin}/tin-tuc/bai-treo`)).headers.get("x-cache")).toBe("HIT");
  });

  it("renders a page again once a change names one of its tags, and not for other changes", async () => {
    await fetch(`${origin}/tin-tuc/bai-a`);
    invalidate(["category:2", "article:bai-b"]);
    await fetch(`${origin}/tin-tuc/bai-a`);
    invalidate(["category:1"]);
    await fetch(`${origin}/tin-tuc/bai-a`);
    expect(rendered).toEqual(["/tin-tuc/bai-a", "/tin-tuc/bai-a"]);
  });

  it("answers made-up addresses with the one kept 404 page: a lookup each, one render in all", async () => {
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${origin}/tin-tuc/khong-co-${i}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain("Không tìm thấy trang");
    }
    for (const path of ["/chuyen-muc/khong-co", "/trang/99", "/khong/co/dau", "/tin-tuc/CHU-HOA"]) expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
    expect(rendered).toEqual(["/khong-tim-thay"]);
  });

  it("slows down a client asking for one made-up address after another, and only that client", async () => {
    const ask = (client: string, n: number) => fetch(`${origin}/tin-tuc/khong-co-${n}`, { headers: { "x-cms-client-ip": client } });
    const statuses: number[] = [];
    const began = performance.now();
    for (let n = 0; n < 60; n++) statuses.push((await ask("10.9.9.9", n)).status);
    expect(new Set(statuses)).toEqual(new Set([404])); // a reader following broken links always gets the 404 page
    // Past the burst of 60, two a second: a loaded machine may take a while over the 60, earning a few more.
    let started = performance.now();
    let slowed = await ask("10.9.9.9", 60);
    let extra = 0;
    while (slowed.status === 404 && extra < 100) {
      extra++;
      started = performance.now();
      slowed = await ask("10.9.9.9", 60 + extra);
    }
    expect(slowed.status).toBe(429);
    expect(extra).toBeLessThanOrEqual(Math.ceil((2 * (started - began)) / 1000) + 1);
    expect(slowed.headers.get("retry-after")).toBe("60");
    expect(await slowed.text()).toContain("Quá nhiều yêu cầu");
    expect(performance.now() - started).toBeGreaterThanOrEqual(900); // held a second, at no cost but a timer
    expect((await ask("10.9.9.8", 62)).status).toBe(404);
    // Real pages are never counted.
    expect((await fetch(`${origin}/tin-tuc/bai-a`, { headers: { "x-cms-client-ip": "10.9.9.9" } })).status).toBe(200);
  });

  it("sends Next's own 404 (a page gone while it rendered) as Next made it, runtime and all, and keeps nothing of it", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${origin}/tin-tuc/bai-moi`);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(PAGE);
    }
    expect(rendered).toEqual(["/tin-tuc/bai-moi", "/tin-tuc/bai-moi"]);
  });

  it("redirects an old slug while its post is public, with one Location, and not after it is taken down", async () => {
    const res = await fetch(`${origin}/tin-tuc/bai-cu`, { redirect: "manual" });
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe("/tin-tuc/bai-moi");
    db.update(posts).set({ status: "unpublished" }).where(eq(posts.slug, "bai-moi")).run();
    expect((await fetch(`${origin}/tin-tuc/bai-cu`, { redirect: "manual" })).status).toBe(404);
    db.update(posts).set({ status: "published" }).where(eq(posts.slug, "bai-moi")).run();
    expect(rendered).toEqual(["/khong-tim-thay"]);
  });

  it("waits for a route handler that waits for its response to finish", async () => {
    const res = await fetch(`${origin}/rss.xml`);
    expect(await res.text()).toBe("<rss/>");
    expect(res.headers.get("content-type")).toBe("application/rss+xml");
  });

  it("keeps search results per query, until any post changes", async () => {
    expect(await (await fetch(`${origin}/tim-kiem?q=hoi`)).text()).toBe("<p>hoi</p>");
    expect(await (await fetch(`${origin}/tim-kiem?q=nghi`)).text()).toBe("<p>nghi</p>");
    await fetch(`${origin}/tim-kiem?q=hoi`);
    invalidate(["home"]);
    await fetch(`${origin}/tim-kiem?q=hoi`);
    expect(rendered).toEqual(["/tim-kiem?q=hoi", "/tim-kiem?q=nghi", "/tim-kiem?q=hoi"]);
  });
});

describe("isPublicPagePath", () => {
  it("is every address but staff screens, sign-in, APIs and files", () => {
    for (const path of ["/", "/tin-tuc/a", "/chuyen-muc/b/trang/2", "/tim-kiem", "/administration"]) expect(isPublicPagePath(path), path).toBe(true);
    for (const path of ["/admin", "/admin/posts/1", "/login", "/api/health", "/_next/static/x.js", "/media/a/1.webp", "/assets/page.js"]) {
      expect(isPublicPagePath(path), path).toBe(false);
    }
  });
});
