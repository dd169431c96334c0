// @vitest-environment happy-dom
import fs from "node:fs";
import path from "node:path";
import { Editor, type JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { editorExtensions, withoutPendingImages, type Uploader } from "@/components/editor/editor-extensions";
import type { MediaDto } from "@/lib/dal/media/store";
import { parseDocument } from "@/lib/richtext/document";

const fixture = (name: string) => fs.readFileSync(path.join("tests", "fixtures", "paste", name), "utf8");

// A 1×1 PNG, as Word and Docs put pictures on the clipboard.
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

const media = (id: number): MediaDto => ({
  id,
  name: "anh.png",
  width: 1,
  height: 1,
  alt: "Ảnh trong thư viện",
  caption: "",
  src: `/media/0123456789abcdef012${id}/480.png`,
  srcsetWebp: `/media/0123456789abcdef012${id}/480.webp 480w`,
  srcsetFallback: `/media/0123456789abcdef012${id}/480.png 480w`,
});

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((e) => e.destroy()));

function makeEditor(upload: Uploader, notify = vi.fn()) {
  const editor = new Editor({ element: document.createElement("div"), extensions: editorExtensions({ upload, notify }), content: { type: "doc", content: [{ type: "paragraph" }] } });
  editors.push(editor);
  return { editor, notify };
}

const types = (json: JSONContent): string[] => [json.type ?? "", ...(json.content ?? []).flatMap(types)];
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("pasting into the editor", () => {
  it("runs Word's clipboard HTML through the cleaner: real lists and tables, no Office markup, a valid document", () => {
    const { editor } = makeEditor(vi.fn());
    editor.view.pasteHTML(fixture("word.html"));
    const json = editor.getJSON();
    const all = types(json);
    expect(all).toContain("heading");
    expect(all).toContain("bulletList");
    expect(all).toContain("orderedList");
    expect(all).toContain("table");
    const html = editor.getHTML();
    expect(html).toContain("Tập trung kiện toàn cơ cấu tổ chức;");
    expect(html).not.toMatch(/mso-|Mso|o:p|font-family|·/);
    expect(html).not.toContain("bản cũ"); // a tracked deletion
    expect(() => parseDocument(withoutPendingImages(json))).not.toThrow();
  });

  it("keeps Google Docs formatting", () => {
    const { editor } = makeEditor(vi.fn<Uploader>().mockResolvedValue(media(3)));
    editor.view.pasteHTML(fixture("google-docs.html"));
    expect(editor.getHTML()).toMatch(/<strong>|<em>/);
    expect(editor.getHTML()).not.toMatch(/docs-internal-guid|font-weight:normal/);
  });

  it("stores pasted text as NFC", () => {
    const { editor } = makeEditor(vi.fn());
    editor.view.pasteHTML(`<p>${"Hội nghị".normalize("NFD")}</p>`);
    editor.view.pasteText(" Đảng bộ".normalize("NFD"));
    const text = editor.getText();
    expect(text).toBe(text.normalize("NFC"));
    expect(text).toContain("Hội nghị Đảng bộ");
  });

  it("uploads a pasted data: picture to the library and turns it into a library figure", async () => {
    const upload = vi.fn<Uploader>().mockResolvedValue(media(4));
    const { editor } = makeEditor(upload);
    editor.view.pasteHTML(`<p>Trước ảnh</p><p><img src="${PNG}" alt="Toàn cảnh"></p><p>Sau ảnh</p>`);
    // While it uploads, the picture stands in the editor but is never part of what is saved.
    expect(types(editor.getJSON())).toContain("figure");
    expect(types(withoutPendingImages(editor.getJSON()))).not.toContain("figure");
    await settle();
    expect(upload).toHaveBeenCalledTimes(1);
    const [blob, name] = upload.mock.calls[0]!;
    expect(blob.type).toBe("image/png");
    expect(name).toMatch(/\.png$/);
    const figure = editor.getJSON().content!.find((n) => n.type === "figure")!;
    expect(figure.attrs).toMatchObject({ src: media(4).src, mediaId: 4, alt: "Toàn cảnh", srcsetWebp: media(4).srcsetWebp, srcset: media(4).srcsetFallback });
    expect(() => parseDocument(editor.getJSON())).not.toThrow();
  });

  it("removes the picture with a Vietnamese message when the upload fails", async () => {
    const upload = vi.fn<Uploader>().mockRejectedValue(new Error("“anh.png”: tệp này không phải ảnh."));
    const { editor, notify } = makeEditor(upload);
    editor.view.pasteHTML(`<p>Chữ</p><img src="${PNG}">`);
    await settle();
    await settle();
    expect(types(editor.getJSON())).not.toContain("figure");
    expect(editor.getText()).toContain("Chữ");
    expect(notify).toHaveBeenCalledWith(expect.stringMatching(/^Không tải được ảnh lên thư viện.*không phải ảnh/));
  });

  it("never lets a script address in as a picture", () => {
    const upload = vi.fn<Uploader>();
    const { editor } = makeEditor(upload);
    editor.view.pasteHTML(`<p>x</p><img src="javascript:alert(1)"><img src="data:image/svg+xml;base64,PHN2Zz4=">`);
    expect(types(editor.getJSON())).not.toContain("figure");
    expect(upload).not.toHaveBeenCalled();
  });

  it("keeps figures, galleries and their library links when copying inside the editor", () => {
    const { editor } = makeEditor(vi.fn());
    const figure = (id: number) => ({ type: "figure", attrs: { ...media(id), srcset: media(id).srcsetFallback, srcsetWebp: media(id).srcsetWebp, mediaId: id, name: undefined, caption: undefined, srcsetFallback: undefined, id: undefined }, content: [{ type: "text", text: `Ảnh ${id}` }] });
    const clean = (f: ReturnType<typeof figure>) => ({ ...f, attrs: Object.fromEntries(Object.entries(f.attrs).filter(([, v]) => v !== undefined)) });
    editor.commands.setContent({ type: "doc", content: [{ type: "gallery", content: [clean(figure(1)), clean(figure(2))] }] });
    const copied = editor.getHTML().replace("<div", `<div data-pm-slice="0 0 []"`);
    editor.commands.setContent({ type: "doc", content: [{ type: "paragraph" }] });
    editor.view.pasteHTML(copied);
    const gallery = editor.getJSON().content!.find((n) => n.type === "gallery")!;
    const figures = gallery.content as JSONContent[];
    expect(figures.map((f) => f.attrs!.mediaId)).toEqual([1, 2]);
    expect(figures[0]!.attrs!.srcsetWebp).toBe(media(1).srcsetWebp);
  });
});
