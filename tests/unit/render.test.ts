import fs from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { parseLegacyExport } from "@/lib/legacy/parse";
import { legacyBlocksToDocument } from "@/lib/legacy/to-document";
import { InvalidDocumentError, parseDocument, richTextSchema } from "@/lib/richtext/document";
import { renderDocument } from "@/lib/richtext/render";

const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const html = (...content: JSONContent[]) => renderDocument(doc(...content)).html;

const SIZES = "(min-width: 48rem) 48rem, 100vw";
const libraryFigure = (caption: string, id = 7): JSONContent => ({
  type: "figure",
  attrs: {
    src: `/media/0123456789abcdef012${id}/1600.jpg`,
    alt: "Toàn cảnh Hội nghị",
    width: 1600,
    height: 900,
    mediaId: id,
    srcset: `/media/0123456789abcdef012${id}/480.jpg 480w, /media/0123456789abcdef012${id}/1600.jpg 1600w`,
    srcsetWebp: `/media/0123456789abcdef012${id}/480.webp 480w, /media/0123456789abcdef012${id}/1600.webp 1600w`,
  },
  content: caption ? [text(caption)] : [],
});

describe("renderDocument: every node the editor makes, as the public page shows it", () => {
  it("paragraphs, headings 2–4 and alignment", () => {
    expect(
      html(
        { type: "heading", attrs: { level: 2, textAlign: "center" }, content: [text("Hai")] },
        { type: "heading", attrs: { level: 3 }, content: [text("Ba")] },
        { type: "heading", attrs: { level: 4 }, content: [text("Bốn")] },
        { type: "paragraph", attrs: { textAlign: "justify" }, content: [text("Đoạn")] },
        { type: "paragraph", attrs: { textAlign: "right" }, content: [text("Cục Sở hữu trí tuệ", [{ type: "bold" }])] },
      ),
    ).toBe(
      `<h2 style="text-align:center">Hai</h2><h3>Ba</h3><h4>Bốn</h4><p style="text-align:justify">Đoạn</p>` +
        `<p style="text-align:right"><strong>Cục Sở hữu trí tuệ</strong></p>`,
    );
  });

  it("bold, italic, underline, strike, line breaks and links", () => {
    expect(
      html(
        p(
          text("đậm", [{ type: "bold" }]),
          text("nghiêng", [{ type: "italic" }]),
          text("gạch", [{ type: "underline" }]),
          text("xoá", [{ type: "strike" }]),
          { type: "hardBreak" },
          text("ngoài", [{ type: "link", attrs: { href: "https://noip.gov.vn" } }]),
          text("trong", [{ type: "link", attrs: { href: "/tin-tuc/a" } }]),
          text("thư", [{ type: "link", attrs: { href: "mailto:a@noip.gov.vn" } }]),
        ),
      ),
    ).toBe(
      `<p><strong>đậm</strong><em>nghiêng</em><u>gạch</u><s>xoá</s><br />` +
        `<a href="https://noip.gov.vn" rel="noopener noreferrer nofollow">ngoài</a><a href="/tin-tuc/a">trong</a><a href="mailto:a@noip.gov.vn">thư</a></p>`,
    );
  });

  it("lists, quotations and horizontal rules", () => {
    expect(
      html(
        { type: "bulletList", content: [{ type: "listItem", content: [p(text("một"))] }] },
        { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(text("ba"))] }] },
        { type: "blockquote", content: [p(text("trích dẫn"))] },
        { type: "horizontalRule" },
      ),
    ).toBe(`<ul><li><p>một</p></li></ul><ol start="3"><li><p>ba</p></li></ol><blockquote><p>trích dẫn</p></blockquote><hr />`);
  });

  it("tables with header cells, and no editor-only widths or styles", () => {
    const cell = (type: string, value: string, attrs: object = {}): JSONContent => ({ type, attrs, content: [p(text(value))] });
    const out = html({
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Đơn vị"), cell("tableHeader", "Số lượng")] },
        { type: "tableRow", content: [cell("tableCell", "Văn phòng", { colwidth: [200] }), cell("tableCell", "12")] },
        { type: "tableRow", content: [cell("tableCell", "Tổng", { colspan: 2 })] },
      ],
    });
    expect(out).toMatch(/^<table><colgroup><col \/><col \/><\/colgroup><tbody>/);
    expect(out).toContain(`<tr><th><p>Đơn vị</p></th><th><p>Số lượng</p></th></tr>`);
    expect(out).toContain(`<td><p>Văn phòng</p></td>`);
    expect(out).toContain(`<td colspan="2"><p>Tổng</p></td>`);
    expect(out).not.toMatch(/style=|colwidth/);
  });

  it("a figure from the media library: <picture> with WebP and fallback srcsets, sizes, dimensions, lazy loading", () => {
    const f = "/media/0123456789abcdef0127";
    expect(html(libraryFigure("Toàn cảnh Hội nghị"))).toBe(
      `<figure class="figure"><picture>` +
        `<source type="image/webp" srcset="${f}/480.webp 480w, ${f}/1600.webp 1600w" sizes="${SIZES}" />` +
        `<img src="${f}/1600.jpg" srcset="${f}/480.jpg 480w, ${f}/1600.jpg 1600w" sizes="${SIZES}" width="1600" height="900" alt="Toàn cảnh Hội nghị" loading="lazy" decoding="async" />` +
        `</picture><figcaption>Toàn cảnh Hội nghị</figcaption></figure>`,
    );
  });

  it("keeps formatting inside captions and leaves out an empty caption", () => {
    const figure = { ...libraryFigure(""), content: [text("Ảnh: "), text("Văn phòng", [{ type: "italic" }])] };
    expect(html(figure)).toContain(`<figcaption>Ảnh: <em>Văn phòng</em></figcaption>`);
    expect(html(libraryFigure(""))).not.toContain("figcaption");
  });

  it("an older figure with only an address (imported legacy photo) stays a plain <img>", () => {
    expect(html({ type: "figure", attrs: { src: "http://noip.gov.vn/a.jpg", alt: "Ảnh" }, content: [text("Chú thích")] })).toBe(
      `<figure class="figure"><img src="http://noip.gov.vn/a.jpg" alt="Ảnh" loading="lazy" decoding="async" /><figcaption>Chú thích</figcaption></figure>`,
    );
  });

  it("a gallery of figures, each with its caption", () => {
    const out = html(p(text("Một số hình ảnh tại Hội nghị:")), { type: "gallery", content: [libraryFigure("Ảnh một", 1), libraryFigure("Ảnh hai", 2)] });
    expect(out).toMatch(/^<p>Một số hình ảnh tại Hội nghị:<\/p><div class="gallery"><figure class="figure"><picture>.*<figcaption>Ảnh một<\/figcaption><\/figure><figure class="figure">.*<figcaption>Ảnh hai<\/figcaption><\/figure><\/div>$/);
  });

  it("a caption paragraph", () => {
    expect(html({ type: "captionParagraph", content: [text("Toàn cảnh Hội nghị")] })).toBe(`<p class="caption">Toàn cảnh Hội nghị</p>`);
  });

  it("puts captions in the plain text, block by block", () => {
    const { text: plain } = renderDocument(doc(p(text("Mở đầu")), libraryFigure("Chú thích ảnh"), { type: "gallery", content: [libraryFigure("Một", 1)] }));
    expect(plain).toBe("Mở đầu\n\nChú thích ảnh\n\nMột");
  });

  it("does not expose the media id on the public page, but keeps it in the stored JSON", () => {
    const rendered = renderDocument(doc(libraryFigure("x", 5)));
    expect(rendered.html).not.toContain("data-media-id");
    expect(JSON.stringify(rendered.json)).toContain(`"mediaId":5`);
  });
});

describe("the schema", () => {
  it("makes the plain paragraph the default block (new lines, splits and the trailing node), not the caption style", () => {
    expect(richTextSchema().topNodeType.contentMatch.defaultType?.name).toBe("paragraph");
  });
});

describe("parseDocument refuses documents the editor cannot make", () => {
  const figure = (attrs: Record<string, unknown>) => doc({ type: "figure", attrs: { src: "/media/0123456789abcdef0123/480.jpg", ...attrs } });
  it.each([
    ["a data: picture", figure({ src: "data:image/png;base64,iVBORw0KGgo=" })],
    ["a blob: picture", figure({ src: "blob:http://127.0.0.1/abc" })],
    ["a javascript: picture", figure({ src: "javascript:alert(1)" })],
    ["a figure without a picture", doc({ type: "figure" })],
    ["a protocol-relative picture", figure({ src: "//evil.example/a.jpg" })],
    ["a site path outside /media", figure({ src: "/api/auth/session" })],
    ["a srcset with javascript:", figure({ srcset: "/media/a/480.jpg 480w, javascript:alert(1) 960w" })],
    ["a WebP srcset with data:", figure({ srcsetWebp: "data:image/webp;base64,AAAA 480w" })],
    ["a media id that is not a number", figure({ mediaId: "7 or 1=1" })],
    ["an unknown attribute", figure({ onerror: "alert(1)" })],
    ["an unknown attribute on a paragraph", doc({ type: "paragraph", attrs: { style: "color:red" } })],
    ["an unknown attribute on a mark", doc(p(text("x", [{ type: "link", attrs: { href: "/a", onclick: "x" } }])))],
    ["an unknown key on a node", doc({ type: "paragraph", html: "<script>" })],
    ["a gallery holding a paragraph", doc({ type: "gallery", content: [p(text("x"))] })],
    ["an empty gallery", doc({ type: "gallery", content: [] })],
    ["an unknown node", doc({ type: "iframe" })],
  ])("%s", (_name, json) => {
    expect(() => parseDocument(json)).toThrow(InvalidDocumentError);
  });

  it("accepts figures with dimensions stored as digits by older pastes", () => {
    expect(() => parseDocument(figure({ width: "800", height: "600" }))).not.toThrow();
  });
});

describe("the sample posts", () => {
  const dir = path.join("samples", "legacy-export");
  it.each(fs.readdirSync(dir))("%s renders every caption as before", (file) => {
    const parsed = parseLegacyExport(fs.readFileSync(path.join(dir, file), "utf8"));
    if (!parsed.ok) throw new Error(`sample ${file} does not parse`);
    const blocks = parsed.post.blocks;
    const { html: out } = renderDocument(legacyBlocksToDocument(blocks));
    const captions = blocks.filter((b) => b.type === "caption").map((b) => (b as { text: string }).text);
    expect(captions.length).toBeGreaterThan(0);
    expect(out.match(/<p class="caption">/g)).toHaveLength(captions.length);
    for (const caption of captions) expect(out).toContain(`<p class="caption">${caption.replace(/&/g, "&amp;")}</p>`);
    expect(out).not.toMatch(/<figure|<picture|<div/);
  });
});
