import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/richtext/document";
import { documentNumbersIn, linkDocumentNumbers } from "@/lib/richtext/document-number-links";

const text = (t: string, marks?: object[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const paragraph = (...content: object[]) => ({ type: "paragraph", content });
const doc = (...content: object[]) => parseDocument({ type: "doc", content });

describe("Liên kết số văn bản", () => {
  const source = doc(
    paragraph(text("Theo Nghị định số 65/2023/NĐ-CP và Thông tư 23/2023/TT-BKHCN, ngày 31/12/2023.")),
    paragraph(text("Đã có liên kết: "), text("65/2023/NĐ-CP", [{ type: "link", attrs: { href: "/van-ban/65-2023-nd-cp" } }]), text(" và "), text("99/2099/NĐ-CP", [{ type: "bold" }])),
  );

  it("finds the numbers in the text, not dates, and not text already linked", () => {
    const found = documentNumbersIn(source);
    expect(found.map((f) => [f.text, f.key])).toEqual([
      ["65/2023/NĐ-CP", "65/2023/ND-CP"],
      ["23/2023/TT-BKHCN", "23/2023/TT-BKHCN"],
      ["99/2099/NĐ-CP", "99/2099/ND-CP"],
    ]);
    expect(source.textBetween(found[0]!.from, found[0]!.to)).toBe("65/2023/NĐ-CP");
  });

  it("links each number the registry knows to its record, leaves the others, and a second run changes nothing", () => {
    const state = EditorState.create({ doc: source });
    const tr = state.tr;
    const hrefs = { "65/2023/ND-CP": "/van-ban/65-2023-nd-cp", "23/2023/TT-BKHCN": "/van-ban/23-2023-tt-bkhcn" };
    expect(linkDocumentNumbers(tr, documentNumbersIn(state.doc), hrefs)).toBe(2);
    const after = state.apply(tr).doc;
    const links: Array<[string, string]> = [];
    after.descendants((node) => {
      const link = node.marks.find((m) => m.type.name === "link");
      if (node.isText && link) links.push([node.text!, link.attrs.href as string]);
    });
    expect(links).toEqual([
      ["65/2023/NĐ-CP", "/van-ban/65-2023-nd-cp"],
      ["23/2023/TT-BKHCN", "/van-ban/23-2023-tt-bkhcn"],
      ["65/2023/NĐ-CP", "/van-ban/65-2023-nd-cp"],
    ]);
    expect(after.textContent).toBe(source.textContent);
    expect(documentNumbersIn(after).map((f) => f.text)).toEqual(["99/2099/NĐ-CP"]);
    // Bold stays on the number that was not linked.
    expect(after.child(1).lastChild!.marks.map((m) => m.type.name)).toEqual(["bold"]);
  });
});
