import { createHash } from "node:crypto";
import { ATTACHMENT_KINDS, ATTACHMENT_TYPES, type AttachmentKind } from "./kinds";
import { downloadFileName } from "./name";

/*
 * How a stored attachment is sent. The bytes were checked at upload (lib/attachments/check.ts), and
 * the response makes sure no browser treats them as anything else: the exact type, `nosniff`, and
 * a sandbox policy, so even an HTML page that got past every check would run no script on the
 * site's origin (its origin is opaque under `sandbox`, it cannot read the reader's cookies, storage
 * or pages).
 *
 * Tested on this project's machines (a Node server sending a PDF with each policy; Chromium 156
 * driven headful under Xvfb, Firefox ESR 153 headless, screenshots read back):
 * - Chromium's viewer (the out-of-process PDF viewer) and Firefox's pdf.js show an inline PDF sent with
 *   ATTACHMENT_CSP below, opened directly and inside a same-origin <iframe>; an HTML body sent with
 *   the same policy is shown but its script is blocked ("the document's frame is sandboxed and the
 *   'allow-scripts' permission is not set"). Older Chrome releases rendered sandboxed PDFs blank
 *   (crbug 41131921, the in-process plugin era), so the page also always offers the download link.
 * - What does break the viewer is an <iframe sandbox> attribute on the embedding page: Chromium
 *   then shows "This page has been blocked by Chrome" whatever the tokens. Embed the preview in a
 *   plain same-origin <iframe> (or link to it); the sandbox belongs on the response, not the frame.
 * - `frame-ancestors 'self'` lets the document's own page embed the preview and no other site;
 *   X-Frame-Options SAMEORIGIN says the same to older browsers. next.config.ts adds the public CSP
 *   to every path outside /admin and /login: sent as a second CSP header beside this one, the PDF
 *   still shows (tested; browsers enforce both). Under /admin it sets X-Frame-Options DENY, which
 *   blocks any framed preview there, so serve previews from a public path.
 */
export const ATTACHMENT_CSP = "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

export type AttachmentHeaderInput = {
  kind: AttachmentKind;
  /** The original (Vietnamese) file name, as cleanAttachmentName kept it. */
  fileName: string;
  size: number;
  /** Ask for the browser's own viewer; honoured for PDF only, everything else is a download. */
  inline?: boolean;
};

/** The response headers of an attachment download or inline PDF preview (caching is the route's choice). */
export function attachmentHeaders({ kind, fileName, size, inline = false }: AttachmentHeaderInput): Record<string, string> {
  const disposition = inline && kind === "pdf" ? "inline" : "attachment";
  return {
    "Content-Type": ATTACHMENT_TYPES[kind].mimeType,
    "Content-Length": String(size),
    "Content-Disposition": contentDisposition(disposition, downloadFileName(fileName, kind)),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": ATTACHMENT_CSP,
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}

/**
 * `attachment; filename="Quyet dinh so 65.pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20…` (RFC 6266 with
 * RFC 8187/5987's extended parameter). Browsers that read `filename*` get the Vietnamese name; the
 * quoted `filename` is a plain-ASCII fallback without quotes, backslashes or percent signs (some
 * browsers percent-decode it). Path separators and control characters never reach either.
 */
export function contentDisposition(disposition: "inline" | "attachment", fileName: string): string {
  const name = fileName
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[\\/]/g, "_")
    .normalize("NFC")
    .toWellFormed()
    .trim() || "tep-dinh-kem";
  return `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeExtendedValue(name)}`;
}

/** `Quyết định "mẫu".pdf` → `Quyet dinh _mau_.pdf`: letters without diacritics, anything else outside printable ASCII as `_`. */
function asciiFileName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
}

/** RFC 8187 value-chars: attr-char stays, everything else is %HH of its UTF-8 bytes. */
function encodeExtendedValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** SHA-256 of the bytes, hex: the stored name, so the same file uploaded twice is stored once. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// The only names that exist in the attachments folder: <sha-256>.<extension of the checked type>.
const STORAGE_NAME = new RegExp(`^([0-9a-f]{64})\\.(${ATTACHMENT_KINDS.map((k) => ATTACHMENT_TYPES[k].extension).join("|")})$`);

/** `3f…9a.pdf`: generated from the content, never from the uploaded name. */
export function attachmentStorageName(hash: string, kind: AttachmentKind): string {
  const name = `${hash}.${ATTACHMENT_TYPES[kind].extension}`;
  if (!STORAGE_NAME.test(name)) throw new Error(`not a content hash: ${hash}`);
  return name;
}

/**
 * The hash and type of a stored name, or null for anything else, so `../`, `%2e%2e%2f`, NUL bytes
 * or a guessed name can never reach outside the attachments folder.
 */
export function parseAttachmentStorageName(name: string): { hash: string; kind: AttachmentKind } | null {
  const match = STORAGE_NAME.exec(name);
  if (!match) return null;
  const kind = ATTACHMENT_KINDS.find((k) => ATTACHMENT_TYPES[k].extension === match[2]);
  return kind ? { hash: match[1]!, kind } : null;
}

const SIZE_UNITS = ["KB", "MB", "GB", "TB"];

/**
 * A size as Vietnamese readers write it: decimal comma, one decimal below 10 (`1,2 MB`, `850 KB`,
 * `12 MB`, `512 byte`), in units of 1024 bytes as Windows shows them.
 */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${Math.max(0, Math.round(bytes))} byte`;
  let value = bytes / 1024;
  let unit = 0;
  const rounded = () => (value < 10 ? Math.round(value * 10) / 10 : Math.round(value));
  while (rounded() >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${String(rounded()).replace(".", ",")} ${SIZE_UNITS[unit]}`;
}
