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
