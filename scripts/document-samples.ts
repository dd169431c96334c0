/**
 * Small text PDFs for the sample documents of samples/documents/van-ban.csv: one page laid out like
 * a Vietnamese administrative document (issuer and number, national motto, place and date, title,
 * summary, signer), plainly marked as a sample and not the official text. Deterministic: the same
 * CSV gives byte-identical files (fixed dates and font names, no random IDs), so the committed
 * files can be checked against the generator.
 */
import fs from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { DocumentCsvFile, DocumentCsvRow } from "@/lib/documents/csv";

const FONT_DIR = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = { left: 70, right: 50 };
const PRODUCER = "tin-tuc-cms samples/documents";

type Fonts = { regular: PDFFont; bold: PDFFont };

/** `ngày 05 tháng 02 năm 2020`: days below 10 and the months 1 and 2 take a leading zero (Nghị định 30/2020/NĐ-CP). */
function vietnameseDate(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const dd = date < 10 ? `0${date}` : String(date);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

const displayDay = (day: string | null) => (day ? day.split("-").reverse().join("/") : "chưa ghi");

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws lines centred on x, top down from y; returns the y below them. */
function centred(page: PDFPage, lines: string[], x: number, y: number, font: PDFFont, size: number): number {
  for (const line of lines) {
    page.drawText(line, { x: x - font.widthOfTextAtSize(line, size) / 2, y, size, font });
    y -= size * 1.35;
  }
  return y;
}

function paragraph(page: PDFPage, text: string, y: number, font: PDFFont, size: number): number {
  for (const line of wrap(text, font, size, PAGE.width - MARGIN.left - MARGIN.right)) {
    page.drawText(line, { x: MARGIN.left, y, size, font });
    y -= size * 1.45;
  }
  return y - size * 0.4;
}

function drawDocument(page: PDFPage, fonts: Fonts, row: DocumentCsvRow, file: DocumentCsvFile, annex: boolean): void {
  const { regular, bold } = fonts;
  const left = 160;
  const right = 410;
  let y = PAGE.height - 60;
  const issuerLines = wrap(row.issuer.toUpperCase(), bold, 12, 200);
  const leftEnd = centred(page, [...issuerLines], left, y, bold, 12);
  page.drawLine({ start: { x: left - 30, y: leftEnd + 9 }, end: { x: left + 30, y: leftEnd + 9 }, thickness: 0.6 });
  centred(page, [`Số: ${row.number.display}`], left, leftEnd - 6, regular, 12);
  y = centred(page, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], right, y, bold, 11);
  y = centred(page, ["Độc lập - Tự do - Hạnh phúc"], right, y, bold, 12);
  page.drawLine({ start: { x: right - 75, y: y + 9 }, end: { x: right + 75, y: y + 9 }, thickness: 0.6 });
  centred(page, [`Hà Nội, ${vietnameseDate(row.issuedOn)}`], right, y - 8, regular, 11);

  y = PAGE.height - 190;
  y = centred(page, [annex ? "PHỤ LỤC" : row.type.toUpperCase()], PAGE.width / 2, y, bold, 15);
  y = centred(page, wrap(row.summary, bold, 12, 400), PAGE.width / 2, y - 4, bold, 12) - 24;

  page.drawRectangle({ x: MARGIN.left - 8, y: y - 62, width: PAGE.width - MARGIN.left - MARGIN.right + 16, height: 80, borderWidth: 1, borderColor: rgb(0.6, 0.1, 0.1) });
  y = paragraph(page, "BẢN MẪU - KHÔNG PHẢI VĂN BẢN GỐC", y, bold, 12);
  y = paragraph(
    page,
    `Tệp này do phần mềm tạo tự động làm dữ liệu mẫu cho mục Văn bản của cổng thông tin${annex ? ` (${file.label ?? "phụ lục"})` : ""}. Toàn văn chính thức xem tại Cơ sở dữ liệu quốc gia về văn bản pháp luật hoặc Công báo.`,
    y,
    regular,
    11,
  ) - 24;

  const facts: Array<[string, string]> = [
    ["Loại văn bản", row.type],
    ["Số/Ký hiệu", row.number.display],
    ["Cơ quan ban hành", row.issuer],
    ["Ngày ban hành", displayDay(row.issuedOn)],
    ["Ngày có hiệu lực", displayDay(row.effectiveFrom)],
    ...(row.effectiveUntil ? [["Ngày hết hiệu lực", displayDay(row.effectiveUntil)] as [string, string]] : []),
    ...(row.fields.length ? [["Lĩnh vực", row.fields.join("; ")] as [string, string]] : []),
    ...(row.replaces.length ? [["Thay thế", row.replaces.map((n) => n.display).join("; ")] as [string, string]] : []),
    ...(row.amends.length ? [["Sửa đổi, bổ sung", row.amends.map((n) => n.display).join("; ")] as [string, string]] : []),
  ];
  for (const [label, value] of facts) y = paragraph(page, `${label}: ${value}`, y, regular, 11);

  if (row.signer) {
    y = Math.min(y, 230) - 20;
    y = centred(page, [row.issuer.toUpperCase()], right, y, bold, 11);
    centred(page, [row.signer], right, y - 60, bold, 12);
  }
}

/** One sample PDF for a row's file; the first file is the document, any other an annex. */
export async function renderSamplePdf(row: DocumentCsvRow, file: DocumentCsvFile): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const embed = (name: string) => doc.embedFont(fs.readFileSync(path.join(FONT_DIR, `${name}.ttf`)), { subset: true, customName: name });
  const fonts = { regular: await embed("DejaVuSerif"), bold: await embed("DejaVuSerif-Bold") };
  const annex = row.files[0]?.name !== file.name;
  const issued = new Date(`${row.issuedOn}T08:00:00+07:00`);
  doc.setTitle(`${annex ? "Phụ lục " : ""}${row.type} ${row.number.display} (bản mẫu)`);
  doc.setSubject(row.summary);
  doc.setLanguage("vi-VN");
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  drawDocument(doc.addPage([PAGE.width, PAGE.height]), fonts, row, file, annex);
  return doc.save();
}

/** Every file the rows name, as [file name, bytes]. */
export async function renderSamplePdfs(rows: DocumentCsvRow[]): Promise<Array<[string, Uint8Array]>> {
  const out: Array<[string, Uint8Array]> = [];
  for (const row of rows) for (const file of row.files) out.push([file.name, await renderSamplePdf(row, file)]);
  return out;
}
