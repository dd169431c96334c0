// @vitest-environment happy-dom
import fs from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import mammoth from "mammoth";
import { describe, expect, it, vi } from "vitest";
import { DOCX_MESSAGES, DOCX_STYLE_MAP, htmlToPost, readDocxFile } from "@/components/editor/docx-import";
import type { Uploader } from "@/components/editor/editor-extensions";
import type { MediaDto } from "@/lib/dal/media/store";
import { parseDocument } from "@/lib/richtext/document";
import { renderDocument } from "@/lib/richtext/render";

const DOCX = path.join("tests", "fixtures", "docx", "bao-cao.docx");

const media: MediaDto = {
  id: 9,
  name: "anh-tu-word-1.png",
  width: 1,
  height: 1,
  alt: "",
  caption: "",
  src: "/media/0123456789abcdef0129/480.png",
  srcsetWebp: "/media/0123456789abcdef0129/480.webp 480w",
  srcsetFallback: "/media/0123456789abcdef0129/480.png 480w",
};

const types = (json: JSONContent): string[] => [json.type ?? "", ...(json.content ?? []).flatMap(types)];

// In the browser mammoth reads an ArrayBuffer (its browser build); under Node it reads a Buffer. The HTML is the same.
async function mammothHtml(): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: fs.readFileSync(DOCX) }, { styleMap: DOCX_STYLE_MAP })).value;
}

describe("Nhập từ Word", () => {
  it("takes the first heading as the title and the rest as the body: marks, headings, lists, tables, a figure with its caption", async () => {
    const upload = vi.fn<Uploader>().mockResolvedValue(media);
    const result = await htmlToPost(await mammothHtml(), upload);
    expect(result.title).toBe("Hội nghị tổng kết công tác năm 2020");
    expect(result.warnings).toEqual([]);
    const all = types(result.content);
    for (const type of ["heading", "bulletList", "orderedList", "table", "figure"]) expect(all).toContain(type);
    expect(upload).toHaveBeenCalledTimes(1);
    expect(upload.mock.calls[0]![0].type).toBe("image/png");
    const { html } = renderDocument(result.content);
    expect(html).not.toContain("Hội nghị tổng kết công tác năm 2020");
    expect(html).toContain("<strong>Đảng bộ Cục Sở hữu trí tuệ</strong>");
    expect(html).toContain("<h2>Kết quả đạt được</h2>");
    expect(html).toContain("<ul><li><p>Kiện toàn cơ cấu tổ chức;</p></li>");
    expect(html).toContain("<ol><li><p>Bước một</p></li>");
    expect(html).toMatch(/<table>.*<td><p>Văn phòng<\/p><\/td>/);
    expect(html).toMatch(/<figure class="figure"><picture><source type="image\/webp" srcset="\/media\/0123456789abcdef0129\/480.webp 480w".*alt="Toàn cảnh Hội nghị".*<figcaption>Toàn cảnh Hội nghị<\/figcaption><\/figure>/);
  });

  it("leaves a picture out, with a warning, when its upload fails, and never keeps a data: address", async () => {
    const result = await htmlToPost(await mammothHtml(), vi.fn<Uploader>().mockRejectedValue(new Error("415")));
    expect(types(result.content)).not.toContain("figure");
    expect(JSON.stringify(result.content)).not.toContain("data:");
    expect(result.warnings.join(" ")).toMatch(/Không tải được 1 ảnh/);
    expect(() => parseDocument(result.content)).not.toThrow();
  });

  it("uses the first paragraph as the title when there is no heading", async () => {
    const result = await htmlToPost("<p>Thông báo   nghỉ lễ</p><p>Nội dung.</p>", vi.fn());
    expect(result.title).toBe("Thông báo nghỉ lễ");
    expect(renderDocument(result.content).html).toBe("<p>Nội dung.</p>");
  });

  it("refuses files that are not .docx, with a Vietnamese message", async () => {
    await expect(readDocxFile(new File(["abc"], "bao-cao.doc"))).rejects.toThrow(DOCX_MESSAGES.notDocx);
    await expect(readDocxFile(new File(["{\"khong\":\"phai word\"}"], "gia-mao.docx"))).rejects.toThrow(DOCX_MESSAGES.notZip);
    await expect(readDocxFile(new File([fs.readFileSync(DOCX)], "bao-cao.DOCX"))).resolves.toBeInstanceOf(ArrayBuffer);
  });
});
