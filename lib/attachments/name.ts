import { cleanLine } from "@/lib/vi/text";
import { AttachmentError, ATTACHMENT_TYPES, type AttachmentKind } from "./kinds";

export const MAX_ATTACHMENT_NAME_LENGTH = 200;

// Bidi controls reorder what a name shows (`hoadon\u202Efdp.exe` reads as `hoadonexe.pdf`).
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** NFC, without control, invisible or bidi characters, nor leading/trailing dots and spaces. */
function sanitizeName(name: string): string {
  return cleanLine(name.replace(BIDI_CONTROLS, "")).replace(/^[.\s]+|[.\s]+$/g, "");
}

/**
 * The original file name as the uploader's computer gave it, kept for display and downloads:
 * folders dropped (`C:\Users\…\Quyết định.pdf`), NFC, no control, bidi or invisible characters.
 * Spaces, quotes and Vietnamese letters stay: the Content-Disposition header encodes them.
 */
export function cleanAttachmentName(name: string): string {
  const clean = sanitizeName(name.split(/[\\/]/).pop() ?? "");
  if (Array.from(clean).length > MAX_ATTACHMENT_NAME_LENGTH) {
    throw new AttachmentError(`Tên tệp dài quá ${MAX_ATTACHMENT_NAME_LENGTH} ký tự. Hãy đổi tên ngắn hơn rồi tải lên lại.`, 400);
  }
  return clean || "tep-dinh-kem";
}

// Extensions a name may end in that say what a file is; one that disagrees with the content is replaced.
const FILE_EXTENSIONS = new Set(
  "pdf doc docx docm dot dotx xls xlsx xlsm xlsb ods odt odp ppt pptx rtf txt csv htm html xhtml xml svg zip rar 7z gz exe msi bat cmd com scr js vbs jar ps1 lnk jpg jpeg png gif webp".split(" "),
);

/**
 * The name a download gets: the stored name (or one made from a document's number: separators
 * become `_`), cleaned again and cut to length, with the extension of what the file really is, so
 * a DOCX uploaded as `.pdf` downloads as `.docx` and opens in Word.
 */
export function downloadFileName(name: string, kind: AttachmentKind): string {
  const extension = ATTACHMENT_TYPES[kind].extension;
  const clean = sanitizeName(name.replace(/[\\/]/g, "_"));
  const match = /^(.*)\.([^.]+)$/.exec(clean);
  const stem = match && FILE_EXTENSIONS.has(match[2]!.toLowerCase()) ? match[1]!.replace(/[.\s]+$/, "") : clean;
  return `${Array.from(stem).slice(0, MAX_ATTACHMENT_NAME_LENGTH).join("") || "tep-dinh-kem"}.${extension}`;
}
