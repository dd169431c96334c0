import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicPagePath, sendPublicPagesWithoutRuntime } from "@/lib/server/public-html";

const PAGE =
  '<!DOCTYPE html><html lang="vi"><head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>' +
  '<script src="/_next/static/chunks/a.js" async=""></script></head><body><h1>Tin</h1>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"0:[]"])</script></body></html>';
const STRIPPED = '<!DOCTYPE html><html lang="vi"><head></head><body><h1>Tin</h1></body></html>';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

// What Next does, in the ways it does it: streamed and compressed, or whole with writeHead.
const HANDLERS: Record<string, Handler> = {
  "/tin-tuc/streamed": (_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Encoding", "gzip");
    res.setHeader("ETag", '"next-etag"');
    res.flushHeaders();
    const body = zlib.gzipSync(PAGE);
    res.write(body.subarray(0, 10));
    res.write(body.subarray(10), () => res.end());
  },
  "/chuyen-muc/whole": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(PAGE) });
    res.end(PAGE);
  },
  "/tin-tuc/missing": (_req, res) => {
    res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(PAGE);
  },
  "/admin/posts": (_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(PAGE);
  },
  "/rss.xml": (_req, res) => {
    res.setHeader("Content-Type", "application/rss+xml");
    res.end(PAGE);
  },
};

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    sendPublicPagesWithoutRuntime(req, res);
    HANDLERS[req.url!]!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("sendPublicPagesWithoutRuntime", () => {
  it("sends a streamed, compressed public page without Next's runtime, with its own length and ETag", async () => {
    const res = await fetch(`${origin}/tin-tuc/streamed`, { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(await res.text()).toBe(STRIPPED);
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(etag).not.toBe('"next-etag"');
    expect(Number(res.headers.get("content-length"))).toBe(zlib.gzipSync(STRIPPED).byteLength);
  });

  it("answers 304 when the reader already has that page, and 200 for another validator", async () => {
    const first = await fetch(`${origin}/tin-tuc/streamed`);
    const etag = first.headers.get("etag")!;
    const again = await fetch(`${origin}/tin-tuc/streamed`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await fetch(`${origin}/tin-tuc/streamed`, { headers: { "if-none-match": '"next-etag"' } });
    expect(other.status).toBe(200);
  });

  it("rewrites a page sent whole with writeHead, uncompressed", async () => {
    const res = await fetch(`${origin}/chuyen-muc/whole`);
    expect(await res.text()).toBe(STRIPPED);
    expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(STRIPPED));
  });

  it("leaves 404s, staff screens and feeds as Next made them", async () => {
    for (const path of ["/tin-tuc/missing", "/admin/posts", "/rss.xml"]) {
      expect(await (await fetch(`${origin}${path}`)).text(), path).toBe(PAGE);
    }
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
