import { detectImageType } from "@/lib/media/detect";
import { contentHash, formatFileSize } from "./headers";
import { AttachmentError, ATTACHMENT_TYPES, DEFAULT_MAX_ATTACHMENT_BYTES, type AttachmentKind } from "./kinds";
import { classifyCompoundFile, compoundFileEntryNames, isCompoundFile } from "./ole";
import { PDF_FINDING_MESSAGES, scanPdf, type PdfFinding } from "./pdf-scan";
import { inspectZip, type ZipInspection, type ZipLimits } from "./zip";

export type AttachmentWarning = {
  code: `pdf-${PdfFinding}` | "pdf-unchecked" | "zip-executable";
  /** Shown to the uploader as is. */
  message: string;
};

export type CheckedAttachment = {
  kind: AttachmentKind;
  mimeType: string;
  extension: string;
  size: number;
  /** SHA-256 of the bytes, hex: the stored name (attachmentStorageName). */
  sha256: string;
  /** Accepted, but the uploader should look again (a PDF with JavaScript or embedded files, programs in a ZIP). */
  warnings: AttachmentWarning[];
};

export type AttachmentCheckOptions = {
  /** The site's upload limit; DEFAULT_MAX_ATTACHMENT_BYTES (50 MB) when not given. */
  maxBytes?: number;
  zipLimits?: Partial<ZipLimits>;
};

const ACCEPTED = "Chỉ nhận tệp PDF, Word (DOC, DOCX), Excel (XLS, XLSX), OpenDocument (ODT, ODS) hoặc ZIP.";
const MACROS = "Tệp có macro (mã lệnh VBA hoặc Basic) nên không được nhận. Hãy lưu lại thành tệp không có macro (DOCX, XLSX) hoặc xuất ra PDF.";
const PASSWORD = "Tệp có đặt mật khẩu nên không kiểm tra được nội dung. Hãy gỡ mật khẩu rồi tải lên lại.";

const startsWith = (bytes: Buffer, text: string) => bytes.subarray(0, text.length).toString("latin1") === text;

/**
 * Checks an upload by its content, never its name: the type from magic bytes and structure
 * (PDF header and trailer, the streams of an OLE file, the entries of a ZIP container), the size
 * limit, ZIP bombs, macros and passwords refused; active content in a PDF reported. Throws
 * AttachmentError with a status (413 too large, 415 not an accepted type, 422 damaged or
 * dangerous) and a Vietnamese message.
 */
export async function checkAttachment(input: Uint8Array, options: AttachmentCheckOptions = {}): Promise<CheckedAttachment> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  if (bytes.length === 0) throw new AttachmentError("Tệp trống.", 422);
  if (bytes.length > maxBytes) {
    throw new AttachmentError(`Tệp lớn hơn ${formatFileSize(maxBytes)} (tệp này ${formatFileSize(bytes.length)}). Hãy giảm dung lượng hoặc chia nhỏ tệp.`, 413);
  }
  const { kind, warnings } = await identify(bytes, options);
  const { mimeType, extension } = ATTACHMENT_TYPES[kind];
  return { kind, mimeType, extension, size: bytes.length, sha256: contentHash(bytes), warnings };
}

type Identified = { kind: AttachmentKind; warnings: AttachmentWarning[] };

async function identify(bytes: Buffer, options: AttachmentCheckOptions): Promise<Identified> {
  if (startsWith(bytes, "%PDF-")) return checkPdf(bytes);
  if (isCompoundFile(bytes)) return checkCompoundFile(bytes);
  if (startsWith(bytes, "PK\x03\x04")) return checkZipContainer(bytes, options.zipLimits);
  if (startsWith(bytes, "PK\x05\x06")) throw new AttachmentError("Tệp ZIP trống.", 422);
  throw new AttachmentError(`${ACCEPTED} Tệp này thực ra là ${describeOther(bytes)}, dù tên tệp có thể ghi khác.`, 415);
}

function checkPdf(bytes: Buffer): Identified {
  if (!/^%PDF-[12]\.\d/.test(bytes.subarray(0, 8).toString("latin1"))) throw new AttachmentError("Tệp PDF bị hỏng (phần đầu không hợp lệ).", 422);
  // Every PDF ends with %%EOF (followed at most by a line break or some padding); without it the upload was cut short.
  if (!bytes.subarray(Math.max(0, bytes.length - 4096)).toString("latin1").includes("%%EOF")) {
    throw new AttachmentError("Tệp PDF không đầy đủ (thiếu phần kết thúc): có thể việc tải lên bị ngắt giữa chừng. Hãy xuất lại tệp PDF.", 422);
  }
  const scan = scanPdf(bytes);
  const warnings: AttachmentWarning[] = scan.findings.map((finding) => ({ code: `pdf-${finding}`, message: PDF_FINDING_MESSAGES[finding] }));
  if (!scan.complete && !scan.findings.includes("encrypted")) {
    warnings.push({ code: "pdf-unchecked", message: "Một phần nội dung bên trong tệp PDF không đọc được nên chưa kiểm tra hết." });
  }
  return { kind: "pdf", warnings };
}

function checkCompoundFile(bytes: Buffer): Identified {
  const names = compoundFileEntryNames(bytes);
  if (!names) throw new AttachmentError("Tệp Word/Excel 97-2003 bị hỏng hoặc không đọc được.", 422);
  const found = classifyCompoundFile(names);
  if (found.kind === "encrypted") throw new AttachmentError(PASSWORD, 422);
  if (found.kind === "other") {
    const what = found.application ? `tệp ${found.application}` : "một tệp Office không phải Word hoặc Excel";
    throw new AttachmentError(`${ACCEPTED} Tệp này là ${what}; hãy xuất ra PDF.`, 415);
  }
  if (found.macros) throw new AttachmentError(MACROS, 415);
  return { kind: found.kind, warnings: [] };
}

const ODF_TYPES: Readonly<Record<string, AttachmentKind>> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
};
const EXECUTABLE = /\.(exe|msi|bat|cmd|com|scr|pif|js|jse|vbs|vbe|wsf|ps1|jar|lnk|hta|html?|svg|apk|sh|dll)$/i;

async function checkZipContainer(bytes: Buffer, limits: Partial<ZipLimits> | undefined): Promise<Identified> {
  const zip = await inspectZip(bytes, {
    limits,
    keep: (name) => (name === "mimetype" ? 256 : name === "[Content_Types].xml" ? 1024 * 1024 : 0),
  });
  const names = zip.entries.map((entry) => entry.name);
  const office = officeKind(zip, names);
  if (office) return { kind: office, warnings: [] };

  // A plain ZIP: nothing inside is opened here, so an archive inside it would escape every check.
  const nested = zip.entries.filter((entry) => entry.nestedArchive).map((entry) => entry.name);
  if (nested.length > 0) {
    throw new AttachmentError(`Tệp ZIP chứa tệp nén khác bên trong (${listNames(nested)}). Hãy giải nén rồi nén tất cả lại thành một tệp ZIP.`, 422);
  }
  const programs = names.filter((name) => EXECUTABLE.test(name));
  const warnings: AttachmentWarning[] =
    programs.length > 0
      ? [{ code: "zip-executable", message: `Tệp ZIP có tệp chương trình, mã lệnh hoặc trang web bên trong (${listNames(programs)}). Hãy kiểm tra lại trước khi đăng.` }]
      : [];
  return { kind: "zip", warnings };
}

/** DOCX, XLSX, ODT or ODS from the container's entries; null for a plain ZIP; refuses other office formats and macros. */
function officeKind(zip: ZipInspection, names: string[]): AttachmentKind | null {
  const mimetype = zip.contents.get("mimetype")?.toString("latin1").trim();
  // ODF requires `mimetype` to be the first entry; a ZIP that merely contains such a file is a ZIP.
  if (mimetype && names[0] === "mimetype" && mimetype.startsWith("application/vnd.oasis.opendocument.")) {
    const kind = ODF_TYPES[mimetype];
    if (!kind) throw new AttachmentError(`${ACCEPTED} Tệp OpenDocument này không phải văn bản (ODT) hay bảng tính (ODS); hãy xuất ra PDF.`, 415);
    if (names.some((name) => name.startsWith("Basic/") || name.startsWith("Scripts/"))) throw new AttachmentError(MACROS, 415);
    return kind;
  }
  const contentTypes = zip.contents.get("[Content_Types].xml")?.toString("utf8");
  if (!contentTypes) return null;
  if (/macroEnabled/i.test(contentTypes) || names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) throw new AttachmentError(MACROS, 415);
  const has = (folder: string) => names.some((name) => name.startsWith(folder));
  if (contentTypes.includes("wordprocessingml.document.main+xml") && has("word/")) return "docx";
  if (contentTypes.includes("spreadsheetml.sheet.main+xml") && has("xl/")) return "xlsx";
  if (contentTypes.includes("presentationml")) throw new AttachmentError(`${ACCEPTED} Tệp này là tệp PowerPoint; hãy xuất ra PDF.`, 415);
  throw new AttachmentError(`${ACCEPTED} Tệp này là một tệp Office khác loại; hãy lưu thành DOCX, XLSX hoặc PDF.`, 415);
}

function listNames(names: string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join(", ")} và ${names.length - 3} tệp khác` : names.join(", ");
}

/** What a refused file really is, in words the uploader recognises. */
function describeOther(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096);
  const text = head.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (/^<(!doctype\s+html|html|head|body|script|iframe|meta|title|div|p|a|svg)\b/i.test(text) || /<(html|script|body)\b/i.test(text)) return "một trang HTML";
  if (text.startsWith("{\\rtf")) return "tệp RTF (hãy lưu thành DOCX hoặc PDF)";
  if (startsWith(bytes, "MZ")) return "một tệp chương trình (EXE)";
  if (detectImageType(head)) return "một tệp ảnh (hãy tải lên ở Thư viện ảnh)";
  if (startsWith(bytes, "Rar!") || startsWith(bytes, "7z\xBC\xAF")) return "một tệp nén RAR hoặc 7z (hãy nén lại thành ZIP)";
  const printable = !head.includes(0) && !text.includes("\uFFFD");
  return printable ? "một tệp văn bản thuần (text)" : "một loại tệp không được hỗ trợ";
}
