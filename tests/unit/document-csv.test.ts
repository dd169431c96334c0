import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvIssueText, DOCUMENT_CSV_COLUMNS, parseDocumentCsv, type DocumentCsvResult } from "@/lib/documents/csv";

const HEADER = DOCUMENT_CSV_COLUMNS.map((c) => c.header).join(",");
const GOOD =
  'Nghị định,65/2023/NĐ-CP,Chính phủ,Trần Hồng Hà,23/08/2023,23/08/2023,,,Sở hữu công nghiệp; Giống cây trồng,"Quy định chi tiết một số điều, biện pháp thi hành Luật Sở hữu trí tuệ",103/2006/NĐ-CP,,https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=1,nd65.pdf|Văn bản; phu-luc.docx';

function ok(result: DocumentCsvResult) {
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("parseDocumentCsv: good rows", () => {
  it("reads a row into a typed record", () => {
    const { rows, errors, warnings } = ok(parseDocumentCsv(`${HEADER}\n${GOOD}\n`));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      line: 2,
      type: "Nghị định",
      issuer: "Chính phủ",
      signer: "Trần Hồng Hà",
      issuedOn: "2023-08-23",
      effectiveFrom: "2023-08-23",
      effectiveUntil: null,
      manualStatus: null,
      fields: ["Sở hữu công nghiệp", "Giống cây trồng"],
      summary: "Quy định chi tiết một số điều, biện pháp thi hành Luật Sở hữu trí tuệ",
      amends: [],
      nationalDatabaseUrl: "https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=1",
      files: [
        { name: "nd65.pdf", label: "Văn bản" },
        { name: "phu-luc.docx", label: null },
      ],
    });
    expect(row.number.display).toBe("65/2023/NĐ-CP");
    expect(row.replaces.map((n) => n.key)).toEqual(["103/2006/ND-CP"]);
  });

  it("reads Excel's CSV UTF-8 (BOM, CRLF) with a line break inside a quoted cell, and counts lines from the file", () => {
    const multiLine = GOOD.replace('"Quy định chi tiết một số điều, ', '"Quy định chi tiết\r\nmột số điều, ');
    const second = GOOD.replace("65/2023/NĐ-CP", "66/2023/NĐ-CP").replace(",23/08/2023,23/08/2023,", ",31/02/2023,,");
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\r\n${multiLine}\r\n\r\n${second}\r\n`)]);
    const result = ok(parseDocumentCsv(bytes));
    expect(result.rows.map((r) => [r.line, r.summary])).toEqual([[2, "Quy định chi tiết một số điều, biện pháp thi hành Luật Sở hữu trí tuệ"]]);
    expect(result.errors).toEqual([{ line: 5, message: "Ngày ban hành «31/02/2023» không phải ngày hợp lệ (dạng dd/mm/yyyy)." }]);
  });

  it("reads semicolon-separated files and UTF-16 tab-separated text (Excel's Unicode text), with headers typed without diacritics", () => {
    const header = "loai van ban;so/ky hieu;co quan ban hanh;ngay ban hanh;trich yeu;tinh trang";
    const semicolon = ok(parseDocumentCsv(`${header}\nChỉ thị;05/CT-TTg;Thủ tướng Chính phủ;01/3/2024;Về tăng cường công tác;còn hiệu lực\n`));
    expect(semicolon.rows[0]).toMatchObject({ type: "Chỉ thị", issuedOn: "2024-03-01", manualStatus: "in_force" });
    expect(semicolon.rows[0]!.number.display).toBe("05/CT-TTg");
    const tabbed = `${header.replaceAll(";", "\t")}\nThông báo\t145/TB-VPCP\tVăn phòng Chính phủ\t2024-05-06\tKết luận của Phó Thủ tướng\t\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, "utf16le")]);
    expect(ok(parseDocumentCsv(utf16)).rows[0]).toMatchObject({ type: "Thông báo", issuedOn: "2024-05-06", summary: "Kết luận của Phó Thủ tướng" });
  });

  it("accepts stray quotes inside an unquoted cell, drops blank rows and folds repeated fields", () => {
    const row = 'Quyết định,1234/QĐ-SHTT,Cục Sở hữu trí tuệ,,01/12/2026,,,,Sáng chế; sáng chế ; Nhãn hiệu;,Về việc ban hành "Quy chế",,,,';
    const result = ok(parseDocumentCsv(`${HEADER}\n,,,,\n${row}\n`));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ line: 3, summary: 'Về việc ban hành "Quy chế"', fields: ["Sáng chế", "Nhãn hiệu"] });
  });

  it("reads the sample file with no error or warning", () => {
    const result = ok(parseDocumentCsv(fs.readFileSync(path.join(process.cwd(), "samples/documents/van-ban.csv"))));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows.map((r) => r.number.display)).toEqual([
      "50/2005/QH11",
      "36/2009/QH12",
      "42/2019/QH14",
      "07/2022/QH15",
      "103/2006/NĐ-CP",
      "65/2023/NĐ-CP",
      "01/2007/TT-BKHCN",
      "23/2023/TT-BKHCN",
      "42/2022/NĐ-CP",
      "1234/QĐ-SHTT",
    ]);
    const amending = result.rows.filter((r) => r.amends.some((n) => n.key === "50/2005/QH11")).map((r) => r.number.display);
    expect(amending).toEqual(["36/2009/QH12", "42/2019/QH14", "07/2022/QH15"]);
    expect(result.rows.find((r) => r.number.key === "65/2023/ND-CP")!.replaces.map((n) => n.display)).toEqual(["103/2006/NĐ-CP"]);
    expect(result.rows[0]!.manualStatus).toBe("partly_expired");
  });
});

describe("parseDocumentCsv: bad rows name their line and reason", () => {
  const rows = [
    ["Nghị định,65/2023/NĐ-CP,Chính phủ,,23/08/2023,,,,,Trích yếu,,,,", null],
    [",,Chính phủ,,23/08/2023,,,,,,,,,", ["Thiếu Loại văn bản.", "Thiếu Số/Ký hiệu.", "Thiếu Trích yếu."]],
    ["Nghị định,65/2023,Chính phủ,,23/08/2023,,,,,Trích yếu,,,,", ["Số/Ký hiệu «65/2023» không đúng dạng (ví dụ 65/2023/NĐ-CP, 1234/QĐ-SHTT, 05/CT-TTg)."]],
    ["Nghị định,66/2023/NĐ-CP,Chính phủ,,2023-13-01,,,,,Trích yếu,,,,", ["Ngày ban hành «2023-13-01» không phải ngày hợp lệ (dạng dd/mm/yyyy)."]],
    ["Nghị định,67/2023/NĐ-CP,Chính phủ,,01/08/2023,01/09/2023,01/09/2023,,,Trích yếu,,,,", ["Ngày hết hiệu lực phải sau ngày có hiệu lực."]],
    ["Nghị định,68/2023/NĐ-CP,Chính phủ,,01/08/2023,,,đang xem xét,,Trích yếu,,,,", [expect.stringMatching(/^Tình trạng hiệu lực «đang xem xét» không hợp lệ; dùng một trong: Chưa có hiệu lực, Còn hiệu lực/)]],
    ["Nghị định,69/2023/NĐ-CP,Chính phủ,,01/08/2023,,,,,Trích yếu,69/2023/nđ-cp,xyz,,", ["Thay thế: văn bản không thể thay thế chính nó.", "Sửa đổi: «xyz» không phải Số/Ký hiệu hợp lệ."]],
    ["Nghị định,70/2023/NĐ-CP,Chính phủ,,01/08/2023,,,,,Trích yếu,,,javascript:alert(1),", ["Liên kết CSDL quốc gia «javascript:alert(1)» phải là một địa chỉ http:// hoặc https://."]],
    ["Nghị định,71/2023/NĐ-CP,Chính phủ,,01/08/2023,,,,,Trích yếu,,,,../../etc/passwd|x; a.pdf; a.pdf", ["Tệp «../../etc/passwd» không hợp lệ: chỉ ghi tên tệp trong thư mục --files, không ghi đường dẫn.", "Tệp «a.pdf» được ghi hai lần."]],
    ["Nghị định,65/2023/ND-CP,chính phủ,,23/08/2023,,,,,Trích yếu khác,,,,", ["Trùng Số/Ký hiệu 65/2023/NĐ-CP của cùng cơ quan ban hành với dòng 2."]],
    ["Nghị định,72/2023/NĐ-CP,Chính phủ,,01/08/2023,,,,,Luật sửa đổi, bổ sung,,,,", [
      expect.stringMatching(/^Dòng có 15 ô, nhiều hơn số cột của dòng tiêu đề \(14\): có thể thiếu dấu ngoặc kép/),
      "Thay thế: «bổ sung» không phải Số/Ký hiệu hợp lệ.", // the cells after the stray comma moved one column on
    ]],
  ] as const;

  it("keeps the good rows and lists every problem of the others with its line", () => {
    const result = ok(parseDocumentCsv([HEADER, ...rows.map(([row]) => row)].join("\n")));
    expect(result.rows.map((r) => r.line)).toEqual([2]);
    rows.forEach(([, messages], i) => {
      if (!messages) return;
      expect(result.errors.filter((e) => e.line === i + 2).map((e) => e.message), `line ${i + 2}`).toEqual(messages);
    });
    expect(csvIssueText(result.errors[0]!)).toBe("Dòng 3: Thiếu Loại văn bản.");
  });

  it("accepts the same number from another issuing body (every province has its 01/2023/QĐ-UBND)", () => {
    const a = "Quyết định,01/2023/QĐ-UBND,UBND tỉnh Bắc Ninh,,05/01/2023,,,,,Trích yếu,,,,";
    const b = "Quyết định,01/2023/QĐ-UBND,UBND tỉnh Nghệ An,,06/01/2023,,,,,Trích yếu,,,,";
    expect(ok(parseDocumentCsv([HEADER, a, b].join("\n"))).rows).toHaveLength(2);
  });

  it("warns, without refusing, of a year that differs from the issue date, retroactive effect and unknown columns", () => {
    const result = ok(parseDocumentCsv(`${HEADER},Ghi chú\nNghị định,65/2022/NĐ-CP,Chính phủ,,23/08/2023,01/08/2023,,,,Trích yếu,,,,,x\n`));
    expect(result.rows).toHaveLength(1);
    expect(result.warnings.map(csvIssueText)).toEqual([
      "Dòng 1: Cột «Ghi chú» không dùng đến, bỏ qua.",
      "Dòng 2: Ngày có hiệu lực trước ngày ban hành: hãy kiểm tra lại (chỉ đúng khi văn bản có hiệu lực trở về trước).",
      "Dòng 2: Năm trong Số/Ký hiệu (2022) khác năm ban hành (2023).",
    ]);
  });
});

describe("parseDocumentCsv: files it cannot read", () => {
  it.each([
    ["a file saved in a Windows code page", Buffer.from([0x4c, 0x6f, 0x61, 0x69, 0x2c, 0xd0, 0xf2, 0x0a]), /không phải văn bản UTF-8/],
    ["an empty file", Buffer.alloc(0), /^Tệp CSV trống\.$/],
    ["a header without required columns", "Loại văn bản,Số/Ký hiệu\nLuật,50/2005/QH11\n", /^Dòng tiêu đề thiếu cột bắt buộc: Cơ quan ban hành, Ngày ban hành, Trích yếu\./],
    ["a quote never closed", `${HEADER}\nLuật,"50/2005/QH11,Quốc hội\n`, /dấu ngoặc kép chưa đóng/],
  ])("%s", (_, input, message) => {
    const result = parseDocumentCsv(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
