import { describe, expect, it } from "vitest";
import { cacheControlFor, PRIVATE_CACHE_CONTROL, PUBLIC_PAGE_CACHE_CONTROL, sharedCacheExpiry } from "@/lib/server/public-cache-headers";

describe("cacheControlFor", () => {
  it("shortens Next's year-long s-maxage on cached public pages, 404s included", () => {
    expect(cacheControlFor("/", "s-maxage=31536000")).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(cacheControlFor("/tin-tuc/bai-viet", "s-maxage=31536000")).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(cacheControlFor("/rss.xml", "s-maxage=31536000, stale-while-revalidate")).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(PUBLIC_PAGE_CACHE_CONTROL).toMatch(/s-maxage=\d{1,2},/);
    expect(PUBLIC_PAGE_CACHE_CONTROL).toContain("stale-while-revalidate=");
  });

  it("keeps staff pages, sign-in and API routes out of every shared cache", () => {
    for (const path of ["/admin", "/admin/posts/3/preview", "/login", "/api/auth/session", "/api/health"]) {
      expect(cacheControlFor(path, "s-maxage=31536000")).toBe(PRIVATE_CACHE_CONTROL);
      expect(cacheControlFor(path, undefined)).toBe(PRIVATE_CACHE_CONTROL);
    }
  });

  it("leaves what a route chose itself", () => {
    expect(cacheControlFor("/media/0123456789abcdef0123/480.webp", "public, max-age=31536000, immutable")).toBeUndefined();
    expect(cacheControlFor("/_next/static/chunks/a.js", "public, max-age=31536000, immutable")).toBeUndefined();
    expect(cacheControlFor("/tim-kiem", "private, no-cache, no-store, max-age=0, must-revalidate")).toBeUndefined();
    expect(cacheControlFor("/robots.txt", "public, max-age=0, must-revalidate")).toBeUndefined();
    expect(cacheControlFor("/", undefined)).toBeUndefined();
  });

  it("does not mistake public paths that merely start like private ones", () => {
    expect(cacheControlFor("/administration-news", "s-maxage=31536000")).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(cacheControlFor("/apis", "s-maxage=31536000")).toBe(PUBLIC_PAGE_CACHE_CONTROL);
  });
});

describe("sharedCacheExpiry", () => {
  it("expires nginx's copy at the end of the current second, as an absolute time", () => {
    expect(sharedCacheExpiry(Date.UTC(2026, 0, 1, 0, 0, 0, 999))).toBe(`@${Date.UTC(2026, 0, 1) / 1000}`);
    expect(sharedCacheExpiry(Date.UTC(2026, 0, 1, 0, 0, 1, 0))).toBe(`@${Date.UTC(2026, 0, 1) / 1000 + 1}`);
  });
});
