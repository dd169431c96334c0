import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stripNextRuntime } from "@/lib/server/strip-next-runtime";

// An article page exactly as `next build` + Next's server wrote it (Next 16, Turbopack).
const page = fs.readFileSync(path.join(process.cwd(), "tests/fixtures/next/article-page.html"), "utf8");
const scripts = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => ({ attributes: attributes!, body: body! }));

describe("stripNextRuntime on a real article page", () => {
  const stripped = stripNextRuntime(page);

  it("loads no framework JavaScript and carries no flight data", () => {
    expect(page).toContain("/_next/static/chunks/");
    expect(page).toContain("self.__next_f");
    expect(stripped).not.toMatch(/<script[^>]*src="\/_next\//);
    expect(stripped).not.toMatch(/<link[^>]*as="script"/);
    expect(stripped).not.toContain("__next_f");
    expect(stripped).not.toContain("TURBOPACK");
    expect(stripped.length).toBeLessThan(page.length / 2);
  });

  it("keeps our own scripts: the pre-paint script, the page script and the JSON-LD", () => {
    const kept = scripts(stripped);
    // React puts the async page script first in <head>.
    expect(kept.map((s) => s.attributes.trim())).toEqual([
      expect.stringMatching(/^src="\/assets\/page\.js\?v=[\w-]+" async=""$/),
      "",
      'type="application/ld+json"',
    ]);
    expect(kept[1]!.body).toContain("reader-prefs");
    expect(JSON.parse(kept[2]!.body)).toMatchObject({ "@type": "NewsArticle" });
  });

  it("keeps the page itself: stylesheet, head, article and footer", () => {
    expect(stripped).toMatch(/<link rel="stylesheet" href="\/_next\/static\/chunks\/[\w-]+\.css"/);
    for (const part of ['<link rel="canonical"', "<h1", 'class="article-body', "data-reader-toolbar", "data-share-tools", "</footer>", "</html>"]) {
      expect(stripped).toContain(part);
    }
    const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<link[^>]*>/g, "");
    expect(text(stripped)).toBe(text(page));
  });
});

describe("stripNextRuntime leaves alone", () => {
  it("React's inline scripts that reveal streamed content, and scripts that only look alike", () => {
    const html =
      '<div hidden id="S:0"><p>Kết quả</p></div><script>$RC("B:0","S:0")</script>' +
      '<script src="/assets/page.js" async=""></script><script>window.__next_fake=1</script>';
    expect(stripNextRuntime(html)).toBe(html);
  });

  it("a page with nothing of Next's in it", () => {
    const html = "<!DOCTYPE html><html><head><title>x</title></head><body><p>Tin</p></body></html>";
    expect(stripNextRuntime(html)).toBe(html);
  });
});
