import type { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/richtext/document";
import { nodeSize, walkWithPositions } from "@/lib/richtext/positions";
import { accessibilityFindings, accessibilityRefusal, type AccessibilityFinding, type AccessibilityRule } from "@/lib/workflow/accessibility";

const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const link = (t: string, href = "https://ipvietnam.gov.vn/van-ban") => text(t, [{ type: "link", attrs: { href } }]);
const p = (...content: unknown[]) => ({ type: "paragraph", content: content.map((c) => (typeof c === "string" ? text(c) : c)) });
const h = (level: 2 | 3 | 4, t: string) => ({ type: "heading", attrs: { level }, content: t ? [text(t)] : [] });
const figure = (alt: string, caption = "", src = "/media/anh-hoi-nghi.webp") => ({ type: "figure", attrs: { src, alt }, content: caption ? [text(caption)] : [] });
const cell = (type: "tableCell" | "tableHeader", t: string) => ({ type, content: [p(t)] });
const table = (...rows: ("tableCell" | "tableHeader")[][]) => ({
  type: "table",
  content: rows.map((row, r) => ({ type: "tableRow", content: row.map((type, c) => cell(type, `ô ${r}-${c}`)) })),
});
const doc = (...content: unknown[]) => ({ type: "doc", content });

const BODY_TEXT = "Hội nghị diễn ra với tinh thần đoàn kết, nhất trí, quyết tâm vượt qua mọi khó khăn, thách thức. ";

/** The findings of a body, each checked against a real ProseMirror document built from the same JSON. */
function check(body: ReturnType<typeof doc>): AccessibilityFinding[] {
  const findings = accessibilityFindings(body);
  const pm = parseDocument(body);
  for (const f of findings) {
    expect(f.from).toBeGreaterThanOrEqual(0);
    expect(f.to).toBeLessThanOrEqual(pm.content.size);
    if (f.key.startsWith("link-")) {
      // A link's range is its text.
      expect(pm.textBetween(f.from, f.to).length).toBe(f.to - f.from);
      expect(pm.rangeHasMark(f.from, f.to, pm.type.schema.marks.link!)).toBe(true);
    } else {
      // Any other range is exactly one node.
      const node = pm.nodeAt(f.from);
      expect(node).not.toBeNull();
      expect(f.from + node!.nodeSize).toBe(f.to);
    }
  }
  return findings;
}
const keys = (body: ReturnType<typeof doc>) => check(body).map((f) => f.key);
const nodeAt = (body: ReturnType<typeof doc>, pos: number) => parseDocument(body).nodeAt(pos)?.type.name;

describe("positions computed from the JSON", () => {
  const rich = doc(
    h(2, "Tiêu đề 😀 có emoji"),
    p("Chữ ", text("đậm", [{ type: "bold" }]), " và ", link("liên kết"), { type: "hardBreak" }, "dòng mới"),
    { type: "bulletList", content: [{ type: "listItem", content: [p("Ý một"), { type: "orderedList", content: [{ type: "listItem", content: [p("Ý lồng")] }] }] }] },
    { type: "blockquote", content: [p("Trích dẫn"), p()] },
    table(["tableHeader", "tableHeader"], ["tableCell", "tableCell"]),
    { type: "horizontalRule" },
    figure("Toàn cảnh", "Chú thích"),
    { type: "gallery", content: [figure("Ảnh A", "Một"), figure("Ảnh B")] },
    { type: "captionParagraph", content: [text("Chú thích rời")] },
    p(),
  );

  it("match ProseMirror's for every node, text included", () => {
    const pm = parseDocument(rich);
    const ours: string[] = [];
    walkWithPositions(rich, ({ node, pos }) => void ours.push(`${String(node.type)}@${pos}+${nodeSize(node)}`));
    const theirs: string[] = [];
    pm.descendants((node: PMNode, pos: number) => void theirs.push(`${node.type.name}@${pos}+${node.nodeSize}`));
    expect(ours).toEqual(theirs);
    expect(nodeSize(rich) - 2).toBe(pm.content.size);
  });

  it("lets a visitor skip a node's children", () => {
    const seen: string[] = [];
    walkWithPositions(rich, ({ node }) => {
      seen.push(String(node.type));
      return node.type !== "table";
    });
    expect(seen).toContain("table");
    expect(seen).not.toContain("tableRow");
  });
});

describe("accessibility checks", () => {
  it("find nothing in a well-made body", () => {
    const body = doc(
      h(2, "Kết quả"),
      p(BODY_TEXT, link("Toàn văn Nghị định 65/2023/NĐ-CP"), "."),
      h(3, "Chi tiết"),
      figure("Đồng chí Ngô Việt Thắng đứng trên bục phát biểu", "Đồng chí Ngô Việt Thắng trình bày Báo cáo tổng kết"),
      table(["tableHeader", "tableHeader"], ["tableCell", "tableCell"]),
      h(2, "Phần sau"),
      p(BODY_TEXT),
    );
    expect(check(body)).toEqual([]);
    expect(accessibilityRefusal(accessibilityFindings(body))).toBeNull();
  });

  describe("headings", () => {
    it("H2 → H4 skips a level, and the first heading may not be below H2", () => {
      const findings = check(doc(h(2, "A"), p("x"), h(4, "B"), h(3, "C"), h(4, "D")));
      expect(findings.map((f) => [f.key, f.severity, f.label])).toEqual([["heading-skip", "warning", "Tiêu đề thứ 2 nhảy cấp: H4 ngay sau H2."]]);
      expect(findings[0]!.detail).toContain("Đổi tiêu đề này thành H3");
      expect(keys(doc(h(3, "Bắt đầu ở H3")))).toEqual(["heading-skip"]);
    });

    it("going back up, or one level down at a time, is fine", () => {
      expect(keys(doc(h(2, "A"), h(3, "B"), h(4, "C"), h(2, "D"), h(3, "E")))).toEqual([]);
    });

    it("an empty heading is an error that names it", () => {
      const body = doc(h(2, "A"), h(3, "  "));
      const [finding] = check(body);
      expect(finding).toMatchObject({ key: "heading-empty", severity: "error", label: "Tiêu đề thứ 2 (H3) trống." });
      expect(nodeAt(body, finding!.from)).toBe("heading");
    });
  });

  describe("link text", () => {
    it.each(["tại đây", "Tại đây.", "(xem thêm)", "ở đây", "click here", "Read more »", "link", "Xem chi tiết"])("“%s” says nothing", (words) => {
      const findings = check(doc(p("Văn bản ", link(words))));
      expect(findings.map((f) => [f.key, f.severity])).toEqual([["link-text", "warning"]]);
      expect(findings[0]!.label).toContain("Liên kết thứ 1");
    });

    it("a bare address is flagged, by its own words or the link's", () => {
      expect(keys(doc(p(link("https://ipvietnam.gov.vn/van-ban"))))).toEqual(["link-address"]);
      expect(keys(doc(p(link("www.ipvietnam.gov.vn"))))).toEqual(["link-address"]);
      expect(keys(doc(p(link("ipvietnam.gov.vn/tin-tuc"))))).toEqual(["link-address"]);
    });

    it("descriptive links, e-mail addresses and words that merely contain “đây” pass", () => {
      expect(keys(doc(p(link("Nghị định 65/2023/NĐ-CP về sở hữu trí tuệ"))))).toEqual([]);
      expect(keys(doc(p(link("vanthu@ipvietnam.gov.vn", "mailto:vanthu@ipvietnam.gov.vn"))))).toEqual([]);
      expect(keys(doc(p(link("Thông báo đây là lịch tiếp công dân"))))).toEqual([]);
    });

    it("counts a link split by formatting once, and ranges it over all its text", () => {
      const href = "https://ipvietnam.gov.vn/a";
      const body = doc(p("Xem ", text("tại", [{ type: "link", attrs: { href } }]), text(" đây", [{ type: "link", attrs: { href } }, { type: "bold" }]), " và ", link("ở đây", "https://b.vn")));
      const findings = check(body);
      expect(findings.map((f) => f.label)).toEqual([
        "Liên kết thứ 1 có chữ “tại đây” không cho biết dẫn tới đâu.",
        "Liên kết thứ 2 có chữ “ở đây” không cho biết dẫn tới đâu.",
      ]);
      expect(parseDocument(body).textBetween(findings[0]!.from, findings[0]!.to)).toBe("tại đây");
    });
  });

  describe("image alt text", () => {
    it.each(["IMG_1234.jpg", "DSC01234", "anh-hoi-nghi.webp", "anh-hoi-nghi", "photo.PNG"])("the file name “%s” is an error", (alt) => {
      const findings = check(doc(p("x"), figure(alt, "Toàn cảnh")));
      expect(findings.map((f) => [f.key, f.severity])).toEqual([["alt-file-name", "error"]]);
      expect(findings[0]!.label).toBe(`Ảnh thứ 1 có mô tả là tên tệp “${alt}”.`);
    });

    it.each(["ảnh", "Hình", "hình ảnh", "image", "Photo", "Ảnh minh họa", "ảnh 3"])("“%s” says nothing: an error", (alt) => {
      expect(keys(doc(figure(alt, "Toàn cảnh")))).toEqual(["alt-says-nothing"]);
    });

    it("a broken address does not break the check", () => {
      expect(keys(doc(figure("Lễ ký kết", "Ký kết", "https://anh.vn/%E0%A4%A.jpg")))).toEqual([]);
    });

    it("repeating the caption word for word is a warning; a description that shares words is not", () => {
      expect(keys(doc(figure("Toàn cảnh Hội nghị", "Toàn cảnh  hội nghị.")))).toEqual(["alt-repeats-caption"]);
      expect(keys(doc(figure("Toàn cảnh Hội nghị nhìn từ cuối hội trường", "Toàn cảnh Hội nghị")))).toEqual([]);
    });

    it("numbers images like the checklist, galleries included, and leaves a missing alt to the checklist", () => {
      const body = doc(figure("", "Không có mô tả"), { type: "gallery", content: [figure("Hai người bắt tay", "Ký kết"), figure("image")] });
      const findings = check(body);
      expect(findings.map((f) => f.label)).toEqual(["Ảnh thứ 3 có mô tả “image” không nói gì về ảnh."]);
      expect(nodeAt(body, findings[0]!.from)).toBe("figure");
    });
  });

  describe("tables", () => {
    it("a table without a header row is flagged", () => {
      const body = doc(p("x"), table(["tableCell", "tableCell"], ["tableCell", "tableCell"]));
      const [finding] = check(body);
      expect(finding).toMatchObject({ key: "table-header", severity: "warning", label: "Bảng thứ 1 chưa có hàng tiêu đề." });
      expect(nodeAt(body, finding!.from)).toBe("table");
    });

    it("a header row, or a header column, is enough", () => {
      expect(keys(doc(table(["tableHeader", "tableHeader"], ["tableCell", "tableCell"])))).toEqual([]);
      expect(keys(doc(table(["tableHeader", "tableCell"], ["tableHeader", "tableCell"])))).toEqual([]);
      expect(keys(doc(table(["tableHeader", "tableCell"], ["tableCell", "tableCell"])))).toEqual(["table-header"]);
    });
  });

  describe("capitals", () => {
    it("a long paragraph in capitals is flagged", () => {
      const findings = check(doc(p("x"), p("HỘI NGHỊ ĐÃ THỐNG NHẤT THỰC HIỆN NHIỆM VỤ TRỌNG TÂM SÁU THÁNG CUỐI NĂM")));
      expect(findings.map((f) => [f.key, f.label])).toEqual([["all-capitals", "Đoạn văn thứ 2 viết toàn chữ in hoa."]]);
    });

    it("acronyms, a short line in capitals and ordinary text are not", () => {
      expect(keys(doc(p("UBND, HĐND, SHTT, CNTT và KH&CN phối hợp")))).toEqual([]);
      expect(keys(doc(p("UBND HĐND SHTT CNTT KHCN BKHCN")))).toEqual([]);
      expect(keys(doc(p("I. KẾT QUẢ ĐẠT ĐƯỢC")))).toEqual([]);
      expect(keys(doc(p(BODY_TEXT)))).toEqual([]);
    });
  });

  describe("a body pasted as one block", () => {
    it("one long paragraph and nothing else is flagged", () => {
      const [finding] = check(doc(p(BODY_TEXT.repeat(15))));
      expect(finding).toMatchObject({ key: "one-block", severity: "warning" });
      expect(finding!.label).toMatch(/^Nội dung là một khối liền 1\.\d{3} ký tự, không chia đoạn\.$/);
    });

    it("line breaks in place of paragraphs are flagged once, on that paragraph", () => {
      const lines = Array.from({ length: 6 }, () => [text(BODY_TEXT), { type: "hardBreak" }]).flat();
      const findings = check(doc({ type: "paragraph", content: lines }));
      expect(findings.map((f) => [f.key, f.label])).toEqual([["line-breaks", "Đoạn văn thứ 1 dùng dấu xuống dòng thay cho chia đoạn (6 lần xuống dòng)."]]);
    });

    it("short lines with breaks, like an address, are not paragraphs", () => {
      const address = ["Cục Sở hữu trí tuệ", "386 Nguyễn Trãi, Thanh Xuân, Hà Nội", "Điện thoại: 024 3858 3069", "Thư điện tử: vanthu@ipvietnam.gov.vn"];
      const content = address.flatMap((line, i) => (i ? [{ type: "hardBreak" }, text(line)] : [text(line)]));
      expect(keys(doc({ type: "paragraph", content }))).toEqual([]);
    });

    it("a short single paragraph, or a long one among others, is fine", () => {
      expect(keys(doc(p(BODY_TEXT)))).toEqual([]);
      expect(keys(doc(p(BODY_TEXT.repeat(15)), p(BODY_TEXT)))).toEqual([]);
      expect(keys(doc(p(BODY_TEXT.repeat(15)), figure("Đồng chí A phát biểu", "Phát biểu")))).toEqual(["one-block"]);
    });
  });

  it("lists findings in document order, and refuses a publish for the errors only", () => {
    const body = doc(h(4, "Nhảy cấp"), p(link("tại đây")), figure("ảnh", "Toàn cảnh"), h(2, ""));
    const findings = check(body);
    expect(findings.map((f) => f.key)).toEqual<AccessibilityRule[]>(["heading-skip", "link-text", "alt-says-nothing", "heading-empty"]);
    expect(findings.map((f) => f.from)).toEqual([...findings.map((f) => f.from)].sort((a, b) => a - b));
    expect(accessibilityRefusal(findings)).toBe(
      "Chưa xuất bản được. Nội dung còn lỗi về khả năng tiếp cận: Ảnh thứ 1 có mô tả “ảnh” không nói gì về ảnh; Tiêu đề thứ 2 (H2) trống.",
    );
  });

  it("takes any input without throwing", () => {
    expect(accessibilityFindings(null)).toEqual([]);
    expect(accessibilityFindings({ type: "doc" })).toEqual([]);
    expect(accessibilityFindings({ type: "doc", content: [null, 3, { type: "paragraph", content: "x" }] })).toEqual([]);
  });
});
