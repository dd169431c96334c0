// @vitest-environment happy-dom
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanPastedHtml } from "@/lib/richtext/paste-clean";

const fixture = (name: string) => fs.readFileSync(path.join("tests", "fixtures", "paste", name), "utf8");

describe("cleanPastedHtml on a Word clipboard", () => {
  const html = cleanPastedHtml(fixture("word.html"));

  it("keeps headings, paragraphs and inline emphasis, and drops Office markup", () => {
    expect(html).toContain("<h2>Kết quả Hội nghị tổng kết</h2>");
    expect(html).toContain("<strong>Đảng bộ Cục Sở hữu trí tuệ</strong>");
    expect(html).toContain("<em>Hội nghị tổng kết</em>");
    expect(html).toContain("<u>triển khai nhiệm vụ</u>");
    expect(html).toMatch(/<p style="text-align: justify">Ngày 29\/12\/2020/);
    expect(html).not.toMatch(/o:p|Mso|mso-|class=|font-family|color:|<span|<font|<style|@font-face/i);
  });

  it("turns mso-list paragraphs into real nested lists, without the typed bullets", () => {
    expect(html).toContain("<ul><li><p>Tập trung kiện toàn cơ cấu tổ chức;</p></li><li><p>Đẩy mạnh công nghệ thông tin;</p><ul><li><p>Trang bị thêm máy tính.</p></li></ul></li></ul>");
    expect(html).toContain("<ol><li><p>Bước một</p></li><li><p>Bước hai</p></li></ol>");
    expect(html).not.toMatch(/·|>o<|1\.\s/);
  });

  it("keeps tables and links, drops comments, tracked deletions and empty paragraphs", () => {
    expect(html).toContain("<table><tbody><tr><td><p><strong>Đơn vị</strong></p></td>");
    expect(html).toContain('<a href="https://noip.gov.vn/tin-tuc">trang tin của Cục</a>');
    expect(html).toContain("đã sửa");
    expect(html).not.toContain("bản cũ");
    expect(html).not.toContain("[BT1]");
    expect(html).not.toContain("Kiểm tra lại đường dẫn");
    expect(html).not.toMatch(/<p>(\s|&nbsp;)*<\/p>/);
    expect(html).not.toContain("file:///");
  });
});

describe("cleanPastedHtml on a Google Docs clipboard", () => {
  const html = cleanPastedHtml(fixture("google-docs.html"));

  it("unwraps the docs-internal wrapper and turns styled spans into marks", () => {
    expect(html).not.toContain("docs-internal-guid");
    expect(html).toContain("<h2>Thông báo tuyển dụng</h2>");
    expect(html).toContain('<p style="text-align: center"><strong>Cục Sở hữu trí tuệ</strong> thông báo <em>tuyển dụng</em><u>công chức</u><s>năm trước</s>.</p>');
  });

  it("keeps lists, links, tables and data: images", () => {
    expect(html).toContain("<ul><li><p>Hồ sơ dự tuyển</p></li><li><p>Thời hạn nộp: <a href=\"https://noip.gov.vn/tuyen-dung\"><u>xem chi tiết</u></a></p></li></ul>");
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" width="120" height="80">/);
    expect(html).toContain("<table><tbody><tr><td><p><strong>Vị trí</strong></p></td><td><p>Chuyên viên</p></td></tr></tbody></table>");
    expect(html).not.toMatch(/style="(?!text-align)|dir=|role=|aria-level|<colgroup|<br>/);
  });
});

describe("cleanPastedHtml on hostile or odd input", () => {
  it("drops scripts, handlers and script URLs", () => {
    const html = cleanPastedHtml(`<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a><img src="x" onerror="alert(1)"><iframe src="//evil"></iframe></p>`);
    expect(html).toBe("<p>ab</p>");
  });

  it("makes text NFC", () => {
    const nfd = "Hội nghị".normalize("NFD");
    expect(cleanPastedHtml(`<p>${nfd}</p>`)).toBe("<p>Hội nghị</p>");
  });
});
