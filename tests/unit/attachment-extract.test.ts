import { describe, expect, it } from "vitest";
import { extractAttachmentText, SCANNED_MESSAGE } from "@/lib/attachments/extract";
import { buildCompoundFile, buildDocx, buildOdf, buildPdf, buildScannedPdf, buildXlsx } from "./helpers/attachment-fixtures";

// Each PDF and DOCX extraction starts a Node process; on a loaded two-core machine that can take a few seconds.
const SLOW = 30_000;

describe("extractAttachmentText", () => {
  it(
    "reads the Vietnamese text of a text PDF, in NFC",
    async () => {
      const pdf = await buildPdf(["NGHỊ ĐỊNH", "Số: 65/2023/NĐ-CP", "Quy định chi tiết một số điều của Luật Sở hữu trí tuệ về sở hữu công nghiệp"]);
      const result = await extractAttachmentText(pdf, "pdf");
      expect(result.status).toBe("text");
      if (result.status !== "text") return;
      expect(result.text).toContain("Số: 65/2023/NĐ-CP");
      expect(result.text).toContain("Luật Sở hữu trí tuệ về sở hữu công nghiệp");
      expect(result.text).toBe(result.text.normalize("NFC"));
      expect(result.truncated).toBe(false);
    },
    SLOW,
  );

  it(
    "reports a PDF of pages without text as a scan",
    async () => {
      const result = await extractAttachmentText(await buildScannedPdf(3), "pdf");
      expect(result).toEqual({ status: "scanned", message: SCANNED_MESSAGE, pages: 3 });
      expect(SCANNED_MESSAGE).toMatch(/^Bản scan: không tìm được chữ/);
    },
    SLOW,
  );

  it(
    "reads a DOCX with mammoth",
    async () => {
      const result = await extractAttachmentText(buildDocx(["Quyết định số 1234/QĐ-SHTT", "Về việc ban hành Quy chế"]), "docx");
      expect(result).toEqual({ status: "text", text: "Quyết định số 1234/QĐ-SHTT\n\nVề việc ban hành Quy chế", truncated: false });
    },
    SLOW,
  );

  it("reads ODT paragraphs and XLSX strings and sheet names without a separate process", async () => {
    expect(await extractAttachmentText(buildOdf("application/vnd.oasis.opendocument.text", ["Thông báo số 145/TB-SHTT", "A & B <c>"]), "odt")).toEqual({
      status: "text",
      text: "Thông báo số 145/TB-SHTT\nA & B <c>",
      truncated: false,
    });
    const xlsx = await extractAttachmentText(buildXlsx("Danh mục văn bản", ["Số/Ký hiệu", "Trích yếu"], "65/2023/NĐ-CP"), "xlsx");
    expect(xlsx).toEqual({ status: "text", text: "Số/Ký hiệu\nTrích yếu\nDanh mục văn bản\n65/2023/NĐ-CP", truncated: false });
  });

  it("cuts the text at maxChars and says so", async () => {
    const result = await extractAttachmentText(buildOdf("application/vnd.oasis.opendocument.text", ["một hai ba bốn năm"]), "odt", { maxChars: 7 });
    expect(result).toEqual({ status: "text", text: "một hai", truncated: true });
  });

  it("extracts nothing from DOC, XLS and ZIP", async () => {
    expect(await extractAttachmentText(buildCompoundFile(["WordDocument"]), "doc")).toEqual({ status: "unsupported" });
    expect(await extractAttachmentText(Buffer.from("PK"), "zip")).toEqual({ status: "unsupported" });
  });

  it(
    "stops the parser at the timeout and at the memory limit, and reports a damaged file",
    async () => {
      const pdf = await buildPdf(["Văn bản quy phạm pháp luật"]);
      const late = await extractAttachmentText(pdf, "pdf", { timeoutMs: 1 });
      expect(late).toEqual({ status: "failed", message: "Hết thời gian trích xuất chữ (quá 1 giây)." });
      // A Node process alone is larger than 1 MB: the watcher kills it at its first look.
      const big = await extractAttachmentText(pdf, "pdf", { maxMemoryBytes: 1024 * 1024 });
      expect(big).toEqual({ status: "failed", message: "Tệp quá phức tạp: trích xuất chữ cần quá nhiều bộ nhớ." });
      const broken = await extractAttachmentText(Buffer.from("%PDF-1.7\nkhông phải PDF\n%%EOF"), "pdf");
      expect(broken.status).toBe("failed");
      expect(await extractAttachmentText(pdf, "pdf")).toMatchObject({ status: "text" });
    },
    SLOW * 2,
  );

  it(
    "runs one parser at a time: parallel calls all finish, in order",
    async () => {
      const files = await Promise.all([1, 2, 3].map((n) => buildPdf([`Văn bản số ${n}/QĐ-SHTT`])));
      const results = await Promise.all(files.map((file) => extractAttachmentText(file, "pdf")));
      expect(results.map((r) => (r.status === "text" ? r.text : r.status))).toEqual(["Văn bản số 1/QĐ-SHTT", "Văn bản số 2/QĐ-SHTT", "Văn bản số 3/QĐ-SHTT"]);
    },
    SLOW * 2,
  );
});
