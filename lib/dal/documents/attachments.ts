/**
 * A document's files: added after the checks of lib/attachments/check.ts (type by content, size
 * limit, ZIP bombs, macros), their text extracted for the search index (in a killable child), and
 * removed. Who may do this is who may edit the document (the posts' rule).
 */
import "server-only";
import { and, eq, max } from "drizzle-orm";
import { documentAttachments } from "@/db/schema";
import { checkAttachment } from "@/lib/attachments/check";
import { extractAttachmentText, type TextExtraction } from "@/lib/attachments/extract";
import { AttachmentError } from "@/lib/attachments/kinds";
import { cleanAttachmentName } from "@/lib/attachments/name";
import { tagsForContentChange } from "@/lib/cache/tags";
import { logActivity, quoted } from "@/lib/dal/activity/log";
import type { Actor } from "@/lib/dal/actor";
import { WRITE, type Db, type Tx } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import { assertStaff, canEditPost, POST_ADMIN_MESSAGES } from "@/lib/dal/posts/access";
import { readVisible } from "@/lib/dal/posts/read";
import type { ChangeFailure, ChangeResult } from "@/lib/dal/result";
import { cleanLine } from "@/lib/vi/text";
import { attachmentLimitBytes } from "./attachment-limit";
import { storeAttachmentFile } from "./files";
import { reindexDocument } from "./search-index";

export const LABEL_MAX = 200;

export type AttachmentUpload = { bytes: Uint8Array; name: string; label: string };
export type AttachmentAdded = { attachmentId: number; warnings: string[]; scanned: boolean };
/** `status`: the HTTP status for a route handler (413, 415, 422), when the file itself was refused. */
export type AttachmentResult = ChangeResult<AttachmentAdded> & { status?: number };

type Options = { dir?: string; now?: Date };

/** The document, if this actor may change its files; else the refusal. */
function editableDocument(tx: Pick<Db, "select">, actor: Actor, documentId: number): { ok: true; row: NonNullable<ReturnType<typeof readVisible>> } | ChangeFailure {
  const row = readVisible(tx, actor, documentId);
  if (!row || row.kind !== "document") return { ok: false, message: POST_ADMIN_MESSAGES.notFound };
  if (!canEditPost(actor, row)) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenEdit };
  return { ok: true, row };
}

function touched(tx: Tx, row: { kind: "post" | "page" | "document"; slug: string; status: string }): void {
  if (row.status === "published") queueInvalidation(tx, tagsForContentChange([{ kind: row.kind, slug: row.slug, categoryId: null }]));
}

function extractionColumns(extraction: TextExtraction): { extraction: TextExtraction["status"]; text: string } {
  return { extraction: extraction.status, text: extraction.status === "text" ? extraction.text : "" };
}

/**
 * Checks, stores and attaches a file. The permission is checked before the expensive work and
 * again in the writing transaction (the document may have been published or trashed meanwhile).
 */
export async function addAttachmentFor(db: Db, actor: Actor | null, documentId: number, upload: AttachmentUpload, options: Options = {}): Promise<AttachmentResult> {
  assertStaff(actor);
  const before = editableDocument(db, actor, documentId);
  if (!before.ok) return before;
  const label = cleanLine(upload.label);
  if ([...label].length > LABEL_MAX) return { ok: false, field: "label", message: `Nhãn tệp không được dài quá ${LABEL_MAX} ký tự.`, status: 400 };
  let originalName: string;
  let checked: Awaited<ReturnType<typeof checkAttachment>>;
  try {
    originalName = cleanAttachmentName(upload.name);
    checked = await checkAttachment(upload.bytes, { maxBytes: attachmentLimitBytes(db) });
  } catch (error) {
    if (error instanceof AttachmentError) return { ok: false, field: "file", message: error.message, status: error.status };
    throw error;
  }
  const extraction = await extractAttachmentText(upload.bytes, checked.kind);
  const file = await storeAttachmentFile(upload.bytes, checked.sha256, checked.kind, options.dir);
  const warnings = checked.warnings.map((w) => w.message);
  return db.transaction((tx): AttachmentResult => {
    const current = editableDocument(tx, actor, documentId);
    if (!current.ok) return current;
    const position = (tx.select({ last: max(documentAttachments.position) }).from(documentAttachments).where(eq(documentAttachments.documentId, documentId)).get()?.last ?? 0) + 1;
    const created = tx
      .insert(documentAttachments)
      .values({ documentId, label: label || originalName, file, originalName, kind: checked.kind, bytes: checked.size, ...extractionColumns(extraction), flags: warnings, position, uploadedBy: actor.id })
      .returning({ id: documentAttachments.id })
      .get();
    reindexDocument(tx, documentId);
    touched(tx, current.row);
    logActivity(tx, { actor, action: "document.attach", objectType: "post", objectId: documentId, summary: `${quoted(current.row.title)}: ${originalName}`, ip: actor.ip });
    const message = warnings.length > 0 ? `Đã đính kèm tệp, nhưng cần xem lại: ${warnings.join(" ")}` : "Đã đính kèm tệp.";
    return { ok: true, message, attachmentId: created.id, warnings, scanned: extraction.status === "scanned" };
  }, WRITE);
}

/** Takes a file off a document (the stored file stays: another document may have the same bytes, and backups name it). */
export function removeAttachmentFor(db: Db, actor: Actor | null, documentId: number, attachmentId: number): ChangeResult {
  assertStaff(actor);
  return db.transaction((tx): ChangeResult => {
    const current = editableDocument(tx, actor, documentId);
    if (!current.ok) return current;
    const removed = tx
      .delete(documentAttachments)
      .where(and(eq(documentAttachments.id, attachmentId), eq(documentAttachments.documentId, documentId)))
      .returning({ name: documentAttachments.originalName })
      .get();
    if (!removed) return { ok: false, message: "Không tìm thấy tệp này trong văn bản." };
    reindexDocument(tx, documentId);
    touched(tx, current.row);
    logActivity(tx, { actor, action: "document.detach", objectType: "post", objectId: documentId, summary: `${quoted(current.row.title)}: ${removed.name}`, ip: actor.ip });
    return { ok: true, message: "Đã gỡ tệp khỏi văn bản." };
  }, WRITE);
}

/** A document's files in their order, for the edit screen. */
export const attachmentsOf = (db: Pick<Db, "select">, documentId: number) =>
  db
    .select({ id: documentAttachments.id, label: documentAttachments.label, originalName: documentAttachments.originalName, kind: documentAttachments.kind, bytes: documentAttachments.bytes, extraction: documentAttachments.extraction, flags: documentAttachments.flags, file: documentAttachments.file })
    .from(documentAttachments)
    .where(eq(documentAttachments.documentId, documentId))
    .orderBy(documentAttachments.position)
    .all();
