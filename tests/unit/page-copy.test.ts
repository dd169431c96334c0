import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, makePageCopy } from "@/lib/server/page-copy";

describe("makePageCopy", () => {
  it("keeps the page's own headers, in every encoding, with an ETag of its content", () => {
    const html = Buffer.from("<!DOCTYPE html><html><body><h1>Tin</h1></body></html>");
    const page = makePageCopy(200, { "content-type": "text/html; charset=utf-8", "x-frame-options": "SAMEORIGIN", etag: '"next"', "content-length": "9", "set-cookie": "a=b", "cache-control": "private" }, html);
    expect(page.headers).toEqual({ "content-type": "text/html; charset=utf-8", "x-frame-options": "SAMEORIGIN" });
    expect(zlib.gunzipSync(page.bodies.gzip).equals(html)).toBe(true);
    expect(zlib.brotliDecompressSync(page.bodies.br).equals(html)).toBe(true);
    expect(page.etag).toMatch(/^"[\w-]+"$/);
    expect(makePageCopy(200, {}, Buffer.from("khác")).etag).not.toBe(page.etag);
  });
});

describe("chooseEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.8")).toBe("gzip");
    expect(chooseEncoding("gzip;q=0")).toBe("identity");
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("identity")).toBe("identity");
  });
});
