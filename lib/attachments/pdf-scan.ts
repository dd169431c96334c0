import { constants, inflateSync } from "node:zlib";

/*
 * Active content in a PDF: JavaScript, actions that run by themselves, programs launched, files
 * carried inside. None of it can run on the site (the file is served sandboxed, and browsers' PDF
 * viewers keep PDF scripts away from the page's origin), but it can run in the reader's desktop
 * PDF software after download, so the uploader is told. The keys are looked for as PDF names
 * wherever they are: in the file's own dictionaries, with `#xx` escapes undone (`/J#61vaScript`),
 * and inside Flate-compressed object streams (PDF 1.5+ writers put most dictionaries there, out of
 * sight of a plain byte search). Other streams hold page content and images, not dictionaries.
 */

export type PdfFinding = "javascript" | "auto-action" | "launch" | "embedded-file" | "encrypted";

export type PdfScan = {
  findings: PdfFinding[];
  /** False when some object stream could not be read (encrypted, another filter, over the budget). */
  complete: boolean;
};

/** What the uploader is told for each finding. */
export const PDF_FINDING_MESSAGES: Readonly<Record<PdfFinding, string>> = {
  javascript:
    "Tệp PDF có chứa mã JavaScript. Mã này không chạy trên trang web, nhưng có thể chạy trong phần mềm đọc PDF của người tải về. Nếu văn bản không cần, hãy xuất lại PDF (ví dụ dùng \"In ra PDF\") rồi tải lên.",
  "auto-action": "Tệp PDF có hành động tự chạy khi mở tệp hoặc khi xem trang (OpenAction, AA). Hãy kiểm tra tệp có đúng là bản cần công bố.",
  launch: "Tệp PDF có lệnh mở chương trình hoặc tệp khác trên máy người đọc (Launch).",
  "embedded-file": "Tệp PDF có tệp khác đính kèm bên trong. Hãy chắc chắn các tệp đính kèm này được phép công bố.",
  encrypted: "Tệp PDF được mã hoá nên không kiểm tra được toàn bộ nội dung bên trong.",
};

// A PDF name runs until whitespace or a delimiter (ISO 32000-1, 7.2.2 and 7.3.5).
const NAME = /\/([^\s()<>[\]{}/%]+)/g;
// A Map, not an object: names come from the file, and `/constructor` must not find Object's.
const KEYS = new Map([
  ["JS", "js"],
  ["JavaScript", "js"],
  ["AA", "aa"],
  ["OpenAction", "open"],
  ["Launch", "launch"],
  ["EmbeddedFile", "embedded"],
  ["EmbeddedFiles", "embedded"],
  ["FileAttachment", "embedded"],
  ["Encrypt", "encrypt"],
  ["ObjStm", "objstm"],
]);
const FILTERS = new Set(["ASCIIHexDecode", "ASCII85Decode", "LZWDecode", "RunLengthDecode", "CCITTFaxDecode", "JBIG2Decode", "DCTDecode", "JPXDecode", "Crypt", "AHx", "A85", "LZW", "RL", "CCF", "DCT"]);

/** The most decompressed object-stream bytes read per file; a bigger total is reported as not fully checked. */
const OBJECT_STREAM_BUDGET = 64 * 1024 * 1024;

function namesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(NAME)) {
    const raw = match[1]!;
    found.add(raw.includes("#") ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw);
  }
  return found;
}

/** Scans a PDF's bytes for active content. Reads, never runs or renders anything. */
export function scanPdf(bytes: Buffer): PdfScan {
  const text = bytes.toString("latin1");
  const seen = new Set<string>();
  const note = (names: Set<string>) => {
    for (const name of names) {
      const key = KEYS.get(name);
      if (key) seen.add(key);
    }
  };
  note(namesIn(text));
  let complete = true;
  let budget = OBJECT_STREAM_BUDGET;
  if (seen.has("objstm")) {
    for (const match of text.matchAll(/(?<!end)stream(?:\r\n|\n)/g)) {
      const dataStart = match.index + match[0].length;
      const dictStart = Math.max(text.lastIndexOf("obj", match.index), match.index - 4096, 0);
      const dict = namesIn(text.slice(dictStart, match.index));
      if (!dict.has("ObjStm")) continue;
      const dataEnd = text.indexOf("endstream", dataStart);
      const otherFilter = [...dict].some((name) => FILTERS.has(name));
      if (dataEnd < 0 || otherFilter || !(dict.has("FlateDecode") || dict.has("Fl")) || budget <= 0) {
        complete = false;
        continue;
      }
      try {
        const inflated = inflateSync(bytes.subarray(dataStart, dataEnd), { maxOutputLength: budget, finishFlush: constants.Z_SYNC_FLUSH });
        budget -= inflated.length;
        note(namesIn(inflated.toString("latin1")));
      } catch {
        complete = false;
      }
    }
  }
  const findings: PdfFinding[] = [];
  if (seen.has("js")) findings.push("javascript");
  // An OpenAction is usually "open at page 1"; it matters when there is script or a launch to run.
  if (seen.has("aa") || (seen.has("open") && (seen.has("js") || seen.has("launch")))) findings.push("auto-action");
  if (seen.has("launch")) findings.push("launch");
  if (seen.has("embedded")) findings.push("embedded-file");
  if (seen.has("encrypt")) {
    findings.push("encrypted");
    complete = false;
  }
  return { findings, complete };
}
