import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkAttachment, type CheckedAttachment } from "@/lib/attachments/check";
import { AttachmentError } from "@/lib/attachments/kinds";
import { classifyCompoundFile, compoundFileEntryNames } from "@/lib/attachments/ole";
import { scanPdf } from "@/lib/attachments/pdf-scan";
import { buildCompoundFile, buildDocx, buildOdf, buildPdf, buildXlsx, buildZip } from "./helpers/attachment-fixtures";

async function refusal(input: Promise<CheckedAttachment>): Promise<AttachmentError> {
  const error = await input.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AttachmentError);
  return error as AttachmentError;
}

const MINIMAL_PDF = (extra = "", catalog = "") =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${catalog}>>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n${extra}trailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    "latin1",
  );

describe("checkAttachment: types by content, never by name", () => {
  it("accepts a PDF and gives its exact type, size and content hash", async () => {
    const pdf = await buildPdf(["Nghị định số 65/2023/NĐ-CP"]);
    const checked = await checkAttachment(pdf);
    expect(checked).toMatchObject({ kind: "pdf", mimeType: "application/pdf", extension: "pdf", size: pdf.length, warnings: [] });
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a text file named .pdf (415), saying what it really is", async () => {
    const error = await refusal(checkAttachment(Buffer.from("Nghị định 65/2023/NĐ-CP\nnội dung văn bản\n")));
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/văn bản thuần/);
  });

  it.each([
    ["<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"],
    ["\uFEFF  <html><head><title>x</title></head></html>"],
    ["<script>fetch('/admin')</script>"],
    ["<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"],
  ])("refuses an HTML file named .pdf: %j", async (html) => {
    const error = await refusal(checkAttachment(Buffer.from(html)));
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/HTML/);
  });

  it("refuses HTML that puts a PDF header further down (a polyglot): the header must open the file", async () => {
    const polyglot = Buffer.concat([Buffer.from("<html><script>alert(1)</script>\n"), MINIMAL_PDF()]);
    expect((await refusal(checkAttachment(polyglot))).status).toBe(415);
  });

  it("names other refused types: RTF, an image, an executable, RAR", async () => {
    expect((await refusal(checkAttachment(Buffer.from("{\\rtf1\\ansi Quyết định}")))).message).toMatch(/RTF/);
    expect((await refusal(checkAttachment(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])))).message).toMatch(/ảnh/);
    expect((await refusal(checkAttachment(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)])))).message).toMatch(/EXE/);
    expect((await refusal(checkAttachment(Buffer.from("Rar!\x1a\x07\x00", "latin1")))).message).toMatch(/RAR/);
  });

  it("refuses an empty file, a file over the limit (413, default 50 MB) and a PDF cut short", async () => {
    expect((await refusal(checkAttachment(Buffer.alloc(0)))).status).toBe(422);
    const pdf = await buildPdf(["Thông tư 23/2023/TT-BKHCN"]);
    const tooBig = await refusal(checkAttachment(pdf, { maxBytes: 1024 }));
    expect(tooBig.status).toBe(413);
    expect(tooBig.message).toMatch(/^Tệp lớn hơn 1 KB/);
    const overDefault = Buffer.concat([MINIMAL_PDF(), Buffer.alloc(50 * 1024 * 1024)]);
    expect((await refusal(checkAttachment(overDefault))).message).toMatch(/lớn hơn 50 MB/);
    const cut = await refusal(checkAttachment(pdf.subarray(0, Math.floor(pdf.length / 2))));
    expect(cut.status).toBe(422);
    expect(cut.message).toMatch(/không đầy đủ/);
  });
});

describe("PDF active content is flagged, not refused", () => {
  it("flags JavaScript started by OpenAction in a plain PDF", async () => {
    const pdf = MINIMAL_PDF("4 0 obj\n<< /S /JavaScript /JS (app.alert\\(1\\)) >>\nendobj\n", "/OpenAction 4 0 R ");
    const checked = await checkAttachment(pdf);
    expect(checked.kind).toBe("pdf");
    expect(checked.warnings.map((w) => w.code)).toEqual(["pdf-javascript", "pdf-auto-action"]);
    expect(checked.warnings[0]!.message).toMatch(/JavaScript/);
  });

  it("flags JavaScript hidden in a compressed object stream (pdf-lib's default output)", async () => {
    const pdf = await buildPdf(["Văn bản"], { js: "app.alert('xin chào')" });
    expect(pdf.toString("latin1")).not.toMatch(/\/JavaScript|\/JS\b/); // invisible to a byte search
    expect(scanPdf(pdf)).toEqual({ findings: ["javascript"], complete: true });
    expect((await checkAttachment(pdf)).warnings.map((w) => w.code)).toEqual(["pdf-javascript"]);
  });

  it("flags names written with #xx escapes", () => {
    expect(scanPdf(MINIMAL_PDF("4 0 obj\n<< /S /J#61vaScript /J#53 (x) >>\nendobj\n")).findings).toEqual(["javascript"]);
  });

  it("flags embedded files, in object streams or not", async () => {
    for (const objectStreams of [true, false]) {
      const pdf = await buildPdf(["Phụ lục"], { attachment: "tệp đính kèm", objectStreams });
      expect((await checkAttachment(pdf)).warnings.map((w) => w.code), String(objectStreams)).toEqual(["pdf-embedded-file"]);
    }
    expect(scanPdf(MINIMAL_PDF("4 0 obj\n<< /Type /Annot /Subtype /FileAttachment >>\nendobj\n")).findings).toEqual(["embedded-file"]);
  });

  it("flags automatic actions and launch actions; an OpenAction that only opens a page is not flagged", () => {
    expect(scanPdf(MINIMAL_PDF("", "/AA << /O 4 0 R >> ")).findings).toEqual(["auto-action"]);
    expect(scanPdf(MINIMAL_PDF("4 0 obj\n<< /S /Launch /F (cmd.exe) >>\nendobj\n", "/OpenAction 4 0 R ")).findings).toEqual(["auto-action", "launch"]);
    expect(scanPdf(MINIMAL_PDF("", "/OpenAction [3 0 R /Fit] ")).findings).toEqual([]);
    expect(scanPdf(MINIMAL_PDF("4 0 obj\n<< /JSON (x) /AAA 1 /constructor 2 >>\nendobj\n")).findings).toEqual([]);
  });

  it("says when it could not look inside (encrypted)", async () => {
    const encrypted = Buffer.from(MINIMAL_PDF().toString("latin1").replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 9 0 R"), "latin1");
    const checked = await checkAttachment(encrypted);
    expect(checked.warnings.map((w) => w.code)).toEqual(["pdf-encrypted"]);
  });
});

describe("ZIP containers", () => {
  it("recognises a real DOCX, XLSX, ODT and ODS by their entries", async () => {
    expect((await checkAttachment(buildDocx(["Quyết định"]))).kind).toBe("docx");
    expect((await checkAttachment(buildXlsx("Danh mục", ["Số/Ký hiệu"], "65/2023/NĐ-CP"))).kind).toBe("xlsx");
    expect((await checkAttachment(buildOdf("application/vnd.oasis.opendocument.text", ["Thông báo"]))).kind).toBe("odt");
    const ods = await checkAttachment(buildOdf("application/vnd.oasis.opendocument.spreadsheet", ["Bảng"]));
    expect(ods).toMatchObject({ kind: "ods", mimeType: "application/vnd.oasis.opendocument.spreadsheet" });
  });

  it("takes a ZIP whose mimetype entry is not first as a plain ZIP, and one without office entries as a ZIP", async () => {
    const notOdf = buildZip([
      { name: "a.txt", data: "x" },
      { name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true },
    ]);
    expect((await checkAttachment(notOdf)).kind).toBe("zip");
    const plain = await checkAttachment(buildZip([{ name: "Phụ lục 1.pdf", data: "%PDF-1.4" }, { name: "ghi chú.txt", data: "x" }]));
    expect(plain).toMatchObject({ kind: "zip", mimeType: "application/zip", warnings: [] });
  });

  it("refuses macro-enabled Word files and PowerPoint, and warns of programs inside a ZIP", async () => {
    expect((await refusal(checkAttachment(buildDocx(["x"], { macros: true })))).message).toMatch(/macro/);
    const pptx = buildZip([
      { name: "[Content_Types].xml", data: '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>' },
      { name: "ppt/presentation.xml", data: "<p/>" },
    ]);
    expect((await refusal(checkAttachment(pptx))).message).toMatch(/PowerPoint/);
    const odp = buildOdf("application/vnd.oasis.opendocument.presentation", ["x"]);
    expect((await refusal(checkAttachment(odp))).status).toBe(415);
    const odtWithMacro = buildOdf("application/vnd.oasis.opendocument.text", ["x"], [{ name: "Basic/Standard/Module1.xml", data: "<x/>" }]);
    expect((await refusal(checkAttachment(odtWithMacro))).message).toMatch(/macro/);
    const programs = await checkAttachment(buildZip([{ name: "cai-dat.exe", data: "MZ" }, { name: "doc.pdf", data: "x" }]));
    expect(programs.warnings.map((w) => w.code)).toEqual(["zip-executable"]);
  });

  it("refuses a ZIP bomb by its declared size before inflating anything", async () => {
    // Two entries claim 300 MB each; their real data is a few bytes, so nothing large is ever inflated.
    const bomb = buildZip([
      { name: "a.txt", data: "x", declaredSize: 300 * 1024 * 1024 },
      { name: "b.txt", data: "x", declaredSize: 300 * 1024 * 1024 },
    ]);
    const started = performance.now();
    const error = await refusal(checkAttachment(bomb));
    expect(error.message).toMatch(/bom ZIP/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a ZIP bomb by its compression ratio", async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024); // 20 MB of zeros deflate to ~20 kB: a ratio near 1000
    const error = await refusal(checkAttachment(buildZip([{ name: "so-lieu.csv", data: zeros }])));
    expect(error.message).toMatch(/Tỉ lệ nén bất thường/);
    expect((await checkAttachment(buildZip([{ name: "so-lieu.csv", data: zeros }]), { zipLimits: { maxRatio: 5000 } })).kind).toBe("zip");
  });

  it("refuses a ZIP whose headers understate what an entry inflates to, while streaming it", async () => {
    const liar = buildZip([{ name: "nho.txt", data: Buffer.alloc(2 * 1024 * 1024, 0x61), declaredSize: 1024 }]);
    expect(deflateRawSync(Buffer.alloc(2 * 1024 * 1024, 0x61)).length).toBeLessThan(liar.length);
    const error = await refusal(checkAttachment(liar));
    expect(error.message).toMatch(/không khớp/);
  });

  it("refuses too many entries, nested archives (by name or by content), traversal names and empty archives", async () => {
    const many = buildZip(Array.from({ length: 11 }, (_, i) => ({ name: `${i}.txt`, data: "x" })));
    expect((await refusal(checkAttachment(many, { zipLimits: { maxEntries: 10 } }))).message).toMatch(/quá nhiều tệp/);
    const inner = buildZip([{ name: "a.txt", data: "x" }]);
    expect((await refusal(checkAttachment(buildZip([{ name: "phu-luc.zip", data: inner }])))).message).toMatch(/nén khác bên trong \(phu-luc\.zip\)/);
    expect((await refusal(checkAttachment(buildZip([{ name: "du-lieu.bin", data: inner }])))).message).toMatch(/nén khác/);
    expect((await refusal(checkAttachment(buildZip([{ name: "../../etc/cron.d/x", data: "x" }])))).message).toMatch(/không hợp lệ/);
    expect((await refusal(checkAttachment(buildZip([{ name: "/abs.txt", data: "x" }])))).message).toMatch(/không hợp lệ/);
    expect((await refusal(checkAttachment(buildZip([])))).message).toBe("Tệp ZIP trống.");
    expect((await refusal(checkAttachment(buildZip([{ name: "a.txt", data: "x" }]).subarray(0, 40)))).message).toMatch(/hỏng/);
  });
});

describe("OLE compound files: DOC and XLS told apart by their streams", () => {
  it("reads the stream names across a directory of several sectors", () => {
    const names = ["WordDocument", "1Table", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation", "CompObj", "Data"];
    expect(compoundFileEntryNames(buildCompoundFile(names))).toEqual(["Root Entry", ...names]);
  });

  it("accepts DOC and XLS with their exact types", async () => {
    expect(await checkAttachment(buildCompoundFile(["WordDocument", "1Table"]))).toMatchObject({ kind: "doc", mimeType: "application/msword" });
    expect(await checkAttachment(buildCompoundFile(["Workbook"]))).toMatchObject({ kind: "xls", mimeType: "application/vnd.ms-excel" });
    expect((await checkAttachment(buildCompoundFile(["Book"]))).kind).toBe("xls");
  });

  it("refuses macros, password-protected Office files, PowerPoint and unreadable containers", async () => {
    expect((await refusal(checkAttachment(buildCompoundFile(["WordDocument", "Macros"])))).message).toMatch(/macro/);
    expect((await refusal(checkAttachment(buildCompoundFile(["Workbook", "_VBA_PROJECT_CUR"])))).message).toMatch(/macro/);
    expect((await refusal(checkAttachment(buildCompoundFile(["EncryptionInfo", "EncryptedPackage"])))).message).toMatch(/mật khẩu/);
    expect((await refusal(checkAttachment(buildCompoundFile(["PowerPoint Document"])))).message).toMatch(/PowerPoint/);
    expect((await refusal(checkAttachment(buildCompoundFile(["Contents"])))).status).toBe(415);
    expect(classifyCompoundFile(["WordDocument", "Workbook"])).toEqual({ kind: "other", application: null });
  });

  it("returns nothing for a damaged directory instead of looping or reading past the end", async () => {
    const file = buildCompoundFile(["WordDocument"]);
    const loop = Buffer.from(file);
    loop.writeUInt32LE(1, 512 + 4); // the directory sector points back to itself
    expect(compoundFileEntryNames(loop)).toBeNull();
    const outside = Buffer.from(file);
    outside.writeUInt32LE(999, 0x30); // first directory sector past the end
    expect(compoundFileEntryNames(outside)).toBeNull();
    expect(compoundFileEntryNames(file.subarray(0, 600))).toBeNull();
    expect((await refusal(checkAttachment(loop))).status).toBe(422);
  });
});
