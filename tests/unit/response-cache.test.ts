import { describe, expect, it } from "vitest";
import { PUBLIC_PAGE_CACHE_CONTROL } from "@/lib/server/public-cache-headers";
import { isStorable, responseCacheKey } from "@/lib/server/response-cache";

describe("responseCacheKey", () => {
  it("keys a plain page request by address and accepted encodings", () => {
    expect(responseCacheKey("GET", "/tin-tuc/a", { "accept-encoding": "gzip" })).toBe("/tin-tuc/a\ngzip");
    expect(responseCacheKey("GET", "/tin-tuc/a", {})).not.toBe(responseCacheKey("GET", "/tin-tuc/a", { "accept-encoding": "gzip" }));
  });

  it("lets client navigation, ranges and other methods through to Next", () => {
    expect(responseCacheKey("POST", "/", {})).toBeNull();
    expect(responseCacheKey("HEAD", "/", {})).toBeNull();
    expect(responseCacheKey("GET", "/?_rsc=abc", {})).toBeNull();
    expect(responseCacheKey("GET", "/", { rsc: "1" })).toBeNull();
    expect(responseCacheKey("GET", "/", { "next-router-prefetch": "1" })).toBeNull();
    expect(responseCacheKey("GET", "/", { range: "bytes=0-10" })).toBeNull();
  });
});

describe("isStorable", () => {
  const publicPage = { "cache-control": PUBLIC_PAGE_CACHE_CONTROL, "content-type": "text/html" };

  it("keeps public pages and their 404s", () => {
    expect(isStorable(200, publicPage)).toBe(true);
    expect(isStorable(404, publicPage)).toBe(true);
  });

  it("never keeps private, personal, stale or failed answers", () => {
    expect(isStorable(200, { "cache-control": "private, no-store" })).toBe(false);
    expect(isStorable(200, { ...publicPage, "set-cookie": ["a=b"] })).toBe(false);
    expect(isStorable(200, { ...publicPage, "x-nextjs-cache": "STALE" })).toBe(false);
    expect(isStorable(500, publicPage)).toBe(false);
    expect(isStorable(307, publicPage)).toBe(false);
    expect(isStorable(200, { "cache-control": "public, max-age=31536000, immutable" })).toBe(false);
  });
});
