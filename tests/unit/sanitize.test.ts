import { describe, expect, it } from "vitest";
import { isAllowedHref } from "@/lib/richtext/links";
import { sanitizeRichHtml } from "@/lib/richtext/sanitize";

// Attack corpus from SECURITY.md: none of these may leave an event handler or a script URL behind.
const attacks = [
  `<a href="javascript:alert(1)">x</a>`,
  `<a href="JaVaScRiPt:alert(1)">x</a>`,
  `<a href="  javascript:alert(1)">x</a>`,
  `<a href="java\tscript:alert(1)">x</a>`,
  `<a href="java&#x09;script:alert(1)">x</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
  `<svg><script>alert(1)</script></svg>`,
  `<img src="x" onerror="alert(1)">`,
  `<img src="javascript:alert(1)">`,
  `<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
  `<p style="background:url(javascript:alert(1))">x</p>`,
  `<p style="width: expression(alert(1))">x</p>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<iframe src="https://evil.example"></iframe>`,
  `<p onclick="alert(1)">x</p>`,
  `<form action="https://evil.example"><button>x</button></form>`,
  `<a href="//evil.example">x</a>`,
  `<object data="x.swf"></object><embed src="x">`,
  // Responsive images: every candidate of a srcset is checked, in <img> and in <source>.
  `<img src="/media/a/480.jpg" srcset="/media/a/480.jpg 480w, javascript:alert(1) 960w">`,
  `<img srcset="JaVaScRiPt:alert(1) 1x">`,
  `<picture><source type="image/webp" srcset="data:image/webp;base64,UklGRg== 480w"><img src="/media/a/480.jpg"></picture>`,
  `<picture><source type="image/webp" srcset="data:text/html,<script>alert(1)</script> 1x"></picture>`,
  `<picture><source type="text/html" srcset="/media/a/480.webp 480w" onerror="alert(1)"></picture>`,
  `<img src="data:image/png;base64,iVBORw0KGgo=" srcset="/media/a/1.jpg 1x, data:image/png;base64,AA== 2x">`,
  `<div class="gallery" onmouseover="alert(1)" style="background:url(javascript:alert(1))"><figure class="figure"><img src="x" onerror="alert(1)"></figure></div>`,
  `<img src="/media/../auth-secret" srcset="/media/a/1.jpg&#x20;1x,&#x20;java&#x09;script:alert(1)&#x20;2x">`,
];

describe("sanitizeRichHtml", () => {
  it.each(attacks)("neutralises %s", (input) => {
    const out = sanitizeRichHtml(input);
    expect(out).not.toMatch(/\son\w+\s*=/i);
    expect(out.toLowerCase()).not.toContain("javascript:");
    expect(out.toLowerCase()).not.toContain("data:");
    expect(out).not.toMatch(/<(script|svg|math|style|iframe|object|embed|form|noscript)/i);
    expect(out).not.toMatch(/expression\(/i);
  });

  it("keeps the formatting the editor produces", () => {
    const html =
      `<h2 style="text-align: center">Tiêu đề</h2><p><strong>đậm</strong> <em>nghiêng</em> <u>gạch</u> <s>xoá</s></p>` +
      `<figure class="figure"><img src="/media/a.webp" alt="Ảnh" width="800" height="600"><figcaption>Toàn cảnh</figcaption></figure>` +
      `<p class="caption">Chú thích</p><ul><li><p>một</p></li></ul><blockquote><p>trích</p></blockquote>`;
    // Only serialisation changes: `text-align:center` and a self-closed <img />.
    expect(sanitizeRichHtml(html)).toBe(html.replace("text-align: center", "text-align:center").replace(`height="600">`, `height="600" />`));
  });

  it("keeps responsive figures, galleries and tables as the renderer writes them", () => {
    const sizes = "(min-width: 48rem) 48rem, 100vw";
    const html =
      `<div class="gallery"><figure class="figure"><picture>` +
      `<source type="image/webp" srcset="/media/0123456789abcdef0123/480.webp 480w, /media/0123456789abcdef0123/960.webp 960w" sizes="${sizes}" />` +
      `<img src="/media/0123456789abcdef0123/960.jpg" srcset="/media/0123456789abcdef0123/480.jpg 480w, /media/0123456789abcdef0123/960.jpg 960w" sizes="${sizes}" width="960" height="640" alt="Ảnh" loading="lazy" decoding="async" />` +
      `</picture><figcaption>Chú thích</figcaption></figure></div>` +
      `<table><colgroup><col /></colgroup><tbody><tr><th><p>A</p></th></tr><tr><td colspan="2" rowspan="1"><p>B</p></td></tr></tbody></table>` +
      `<figure class="figure"><img src="https://noip.gov.vn/a.jpg" alt="" /></figure>`;
    expect(sanitizeRichHtml(html)).toBe(html);
  });

  it("drops what the renderer never writes around images", () => {
    expect(sanitizeRichHtml(`<figure class="figure" data-media-id="5" style="float:left"><img src="/media/a/1.jpg" title="x" sizes="100vw; color:red"></figure>`)).toBe(
      `<figure class="figure"><img src="/media/a/1.jpg" /></figure>`,
    );
    expect(sanitizeRichHtml(`<div class="MsoNormal">chữ</div><div class="gallery other">x</div>`)).toBe(`chữ<div class="gallery">x</div>`);
    expect(sanitizeRichHtml(`<picture><source srcset="/media/a/1.png 1x"><img src="/media/a/1.png"></picture>`)).toBe(`<picture><img src="/media/a/1.png" /></picture>`);
    for (const src of ["/api/auth/session", "//evil.example/a.jpg", "/media/../cms.db", "file:///etc/passwd", "blob:http://127.0.0.1/x"]) {
      expect(sanitizeRichHtml(`<img src="${src}">`), src).toBe(`<img />`);
    }
  });

  it("keeps alignment but no other style", () => {
    expect(sanitizeRichHtml(`<p style="text-align: right; color: red">x</p>`)).toBe(`<p style="text-align:right">x</p>`);
  });

  it("adds rel to external links and leaves site links alone", () => {
    expect(sanitizeRichHtml(`<a href="https://noip.gov.vn" target="_blank">x</a>`)).toBe(
      `<a href="https://noip.gov.vn" rel="noopener noreferrer nofollow">x</a>`,
    );
    expect(sanitizeRichHtml(`<a href="/tin-tuc/abc">x</a>`)).toBe(`<a href="/tin-tuc/abc">x</a>`);
    expect(sanitizeRichHtml(`<a href="mailto:a@b.vn">x</a>`)).toBe(`<a href="mailto:a@b.vn">x</a>`);
  });

  it("drops classes outside the allowlist", () => {
    expect(sanitizeRichHtml(`<p class="caption MsoNormal">x</p>`)).toBe(`<p class="caption">x</p>`);
  });
});

describe("isAllowedHref", () => {
  it.each([
    ["https://a.vn", true],
    ["http://a.vn", true],
    ["mailto:x@y.vn", true],
    ["/tin-tuc/x", true],
    ["#muc-1", true],
    ["//evil.example", false],
    ["/\\evil.example", false],
    ["javascript:alert(1)", false],
    [" JAVASCRIPT:alert(1)", false],
    ["java\nscript:alert(1)", false],
    ["data:text/html,x", false],
    ["vbscript:x", false],
    ["relative/path", false],
    ["", false],
  ])("%j → %s", (href, allowed) => {
    expect(isAllowedHref(href)).toBe(allowed);
  });
});
