import "server-only";
import fs from "node:fs";
import { attachmentHeaders } from "@/lib/attachments/headers";
import { getDb } from "@/lib/dal/connection";
import { attachmentFilePath } from "@/lib/dal/documents/files";
import { findPublicAttachment } from "@/lib/dal/documents/public";

/**
 * A document's file for readers, `/tep/<id>/<name>` (`?xem=1`: a PDF in the browser's viewer), as
 * lib/attachments/headers.ts sends it: exact type, nosniff, the sandbox CSP, the Vietnamese name in
 * Content-Disposition. Only while its document is on the site; the name in the address is for
 * people and is not trusted. Asked again each time (no-cache) since a document can leave the site;
 * the stored name is the content hash, so the ETag is exact.
 */
export type AttachmentAnswer = { status: number; headers: Record<string, string>; file?: string; text?: string };

// What every other answer carries (next.config.ts adds them to Next's): sent here since these answers bypass Next.
function siteHeaders(): Record<string, string> {
  const hsts: Record<string, string> = (process.env.SITE_URL ?? "").startsWith("https://") ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
  return { ...hsts, "Referrer-Policy": "strict-origin-when-cross-origin" };
}

const notFound = (): AttachmentAnswer => ({
  status: 404,
  headers: { ...siteHeaders(), "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'" },
  text: "Không tìm thấy tệp.",
});

export function answerAttachment(idSegment: string, query: URLSearchParams, ifNoneMatch: string | null): AttachmentAnswer {
  if (!/^\d{1,12}$/.test(idSegment)) return notFound();
  const found = findPublicAttachment(getDb(), Number(idSegment));
  const file = found ? attachmentFilePath(found.file) : null;
  if (!found || !file || !fs.existsSync(file)) return notFound();
  const etag = `"${found.file.slice(0, 64)}"`;
  const headers: Record<string, string> = { ...siteHeaders(), ...attachmentHeaders({ kind: found.kind, fileName: found.originalName, size: found.bytes, inline: query.get("xem") === "1" }), ETag: etag, "Cache-Control": "no-cache" };
  if (ifNoneMatch === etag) {
    const unchanged = { ...headers };
    delete unchanged["Content-Length"];
    return { status: 304, headers: unchanged };
  }
  return { status: 200, headers, file };
}
