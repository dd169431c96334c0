import { describe, expect, it } from "vitest";
import { cleanFileName } from "@/lib/media/process";
import { parseDocument } from "@/lib/richtext/document";
import { renderDocument } from "@/lib/richtext/render";
import { hasLoneSurrogate, readStrictJson } from "@/lib/security/unicode";
import { createCategorySchema } from "@/lib/validations/category";
import { postFieldsSchema } from "@/lib/validations/post";
import { updateUserSchema } from "@/lib/validations/user";
import { cleanLine } from "@/lib/vi/text";

const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];

describe("bidi controls in one-line fields", () => {
  it("are removed by cleanLine, so titles and names cannot be disguised", () => {
    for (const c of BIDI) expect(cleanLine(`Hội nghị${c} tổng kết`), `U+${c.charCodeAt(0).toString(16)}`).toBe("Hội nghị tổng kết");
    expect(cleanLine("Báo cáo\u202Efdp.exe")).toBe("Báo cáofdp.exe");
  });

  it("are gone from post titles, staff names, category names and file names", () => {
    const post = postFieldsSchema.parse({ title: "Thông báo\u202E5 ố s", lead: "Sapo\u2067x\u2069", source: "Cục\u200F", categoryId: "1" });
    expect([post.title, post.lead, post.source]).toEqual(["Thông báo5 ố s", "Sapox", "Cục"]);
    expect(updateUserSchema.parse({ id: "1", name: "Nguyễn\u202E Văn A", role: "author", unit: "" }).name).toBe("Nguyễn Văn A");
    expect(createCategorySchema.parse({ name: "Tin\u202D tức" }).name).toBe("Tin tức");
    expect(cleanFileName("anh\u202Egpj.exe")).toBe("anhgpj.exe");
  });
});

describe("lone surrogates", () => {
  it("are found in any string of a JSON value; pairs are fine", () => {
    expect(hasLoneSurrogate({ a: ["x", { b: "\ud800" }] })).toBe(true);
    expect(hasLoneSurrogate("\udc00 đứng một mình")).toBe(true);
    expect(hasLoneSurrogate({ "\ud83d": 1 })).toBe(true);
    expect(hasLoneSurrogate({ text: "Biểu tượng 😀 hợp lệ", n: 1, ok: true, none: null })).toBe(false);
  });

  it("and bytes that are not UTF-8 are reported by readStrictJson rather than read as U+FFFD", async () => {
    const post = (body: BodyInit) => new Request("http://localhost/api/admin/posts", { method: "POST", body });
    expect(await readStrictJson(post(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])))).toEqual({ ok: false, problem: "not-utf8" });
    expect(await readStrictJson(post('{"a":"\\ud800"}'))).toEqual({ ok: false, problem: "lone-surrogate" });
    expect(await readStrictJson(post("{khong"))).toEqual({ ok: false, problem: "not-json" });
    expect(await readStrictJson(post('{"a":"đ😀"}'))).toEqual({ ok: true, value: { a: "đ😀" } });
  });

  it("in a post body are refused with a Vietnamese message, not stored as U+FFFD", () => {
    const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x\ud800y" }] }] });
    const parsed = postFieldsSchema.safeParse({ title: "Bài", categoryId: "1", body });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["body"], message: expect.stringMatching(/ký tự không hợp lệ/) });
  });
});

const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });
const link = (attrs: Record<string, unknown>) => paragraph(text("liên kết", [{ type: "link", attrs }]));
const list = (attrs: Record<string, unknown>) => ({ type: "orderedList", attrs, content: [{ type: "listItem", content: [paragraph(text("một"))] }] });
const table = (cell: Record<string, unknown>) => ({ type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", attrs: cell, content: [paragraph(text("ô"))] }] }] });

describe("stored documents hold only what the editor can make", () => {
  it("refuses attribute values outside the schema's rules", () => {
    const refused = {
      "javascript: link": link({ href: "javascript:alert(1)" }),
      "mixed-case scheme with spaces": link({ href: "  JaVaScRiPt:alert(1)" }),
      "data: link": link({ href: "data:text/html,<script>alert(1)</script>" }),
      "link target": link({ href: "https://a.vn", target: "_top" }),
      "link class": link({ href: "https://a.vn", class: "x\" onmouseover=\"alert(1)" }),
      "heading level 9": doc({ type: "heading", attrs: { level: 9 }, content: [text("H9")] }),
      "heading level 1": doc({ type: "heading", attrs: { level: 1 }, content: [text("H1")] }),
      "heading without level": doc({ type: "heading", content: [text("H")] }),
      "list start as a string": list({ start: '1" onclick="alert(1)' }),
      "list start fraction": list({ start: 1.5 }),
      "list type": list({ start: 1, type: "disc\" onclick" }),
      "colspan as a string": table({ colspan: "2" }),
      "rowspan zero": table({ rowspan: 0 }),
      "colwidth as a string": table({ colwidth: "100" }),
      "cell align": table({ align: "justify;background:url(x)" }),
      "text align": doc({ type: "paragraph", attrs: { textAlign: "expression(alert(1))" }, content: [text("a")] }),
    };
    for (const [name, json] of Object.entries(refused)) {
      const wrapped = (json as { type: string }).type === "doc" ? json : doc(json);
      expect(() => parseDocument(wrapped), name).toThrow(/không hợp lệ/);
    }
  });

  it("keeps what the editor makes, and stores a pasted list's missing start and a cell's missing span as their defaults", () => {
    const editorDoc = doc(
      { type: "heading", attrs: { level: 2, textAlign: "center" }, content: [text("Tiêu đề")] },
      paragraph(text("xem", [{ type: "link", attrs: { href: "https://noip.gov.vn/a?b=1", target: null, rel: null, class: null, title: null } }])),
      paragraph(text("cũ", [{ type: "link", attrs: { href: "/tin-tuc/a", target: "_blank", rel: "noopener noreferrer nofollow", class: null } }])),
      paragraph(text("thư", [{ type: "link", attrs: { href: "mailto:a@b.vn" } }])),
      list({ start: 3, type: null }),
      table({ colspan: 2, rowspan: 1, colwidth: null, align: "center" }),
    );
    expect(() => parseDocument(editorDoc)).not.toThrow();
    const pasted = renderDocument(doc(list({ start: null }), table({ colspan: null, rowspan: null }))).json as { content: Array<{ attrs?: Record<string, unknown>; content?: Array<{ content: Array<{ attrs: Record<string, unknown> }> }> }> };
    expect(pasted.content[0]!.attrs).toMatchObject({ start: 1 });
    expect(pasted.content[1]!.content![0]!.content[0]!.attrs).toMatchObject({ colspan: 1, rowspan: 1 });
  });
});

describe("attribute rules cover the schema", () => {
  it("every attribute of every node and mark has a rule here or a validate function of its own", async () => {
    const { richTextSchema } = await import("@/lib/richtext/document");
    const { MARK_ATTRIBUTE_RULES, NODE_ATTRIBUTE_RULES } = await import("@/lib/richtext/attribute-rules");
    const schema = richTextSchema();
    const uncovered: string[] = [];
    const types = [
      ...Object.values(schema.nodes).map((t) => ({ name: t.name, spec: t.spec.attrs, rules: NODE_ATTRIBUTE_RULES[t.name] })),
      ...Object.values(schema.marks).map((t) => ({ name: t.name, spec: t.spec.attrs, rules: MARK_ATTRIBUTE_RULES[t.name] })),
    ];
    for (const { name, spec, rules } of types) {
      for (const [attr, definition] of Object.entries(spec ?? {})) {
        if (!rules?.[attr] && typeof (definition as { validate?: unknown }).validate !== "function") uncovered.push(`${name}.${attr}`);
      }
    }
    expect(uncovered).toEqual([]);
  });
});
