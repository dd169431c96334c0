/**
 * The import of a CSV of documents (npm run import:documents, the demo content): the parsed rows
 * (./csv.ts), each row's files read from the files folder and checked like uploads, then stored
 * one row at a time. A bad row (its own errors, a file missing or refused) is reported with its
 * line and reason and left out; the others are imported; a document already registered is skipped.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { checkAttachment } from "@/lib/attachments/check";
import { extractAttachmentText } from "@/lib/attachments/extract";
import { AttachmentError } from "@/lib/attachments/kinds";
import { cleanAttachmentName } from "@/lib/attachments/name";
import { attachmentLimitBytes } from "@/lib/dal/documents/attachment-limit";
import type { Db } from "@/lib/dal/connection";
import { storeAttachmentFile } from "@/lib/dal/documents/files";
import { isRegistered, linkImportedRelations, storeImportedDocument, type ImportedFile } from "@/lib/dal/documents/import";
import { parseDocumentCsv, type CsvIssue, type DocumentCsvRow } from "./csv";

export type RowOutcome =
  | { line: number; number: string; status: "imported" | "skipped"; href: string; warnings: string[] }
  /** A dry run: what the row would do. */
  | { line: number; number: string; status: "would-import" | "would-skip"; warnings: string[] }
  | { line: number; number: string | null; status: "failed"; reason: string };

export type ImportReport =
  | { ok: true; rows: RowOutcome[]; warnings: CsvIssue[]; counts: Record<"imported" | "skipped" | "failed", number> }
  | { ok: false; error: string };

export type ImportOptions = { filesDir: string | null; dryRun: boolean; attachmentsDir?: string };

type ReadFile = { ok: true; file: Omit<ImportedFile, "file">; sha256: string; bytes: Uint8Array } | { ok: false; reason: string };

/** A file the row names: a plain name inside the files folder (no path), checked by content like an upload. */
async function readRowFile(db: Db, filesDir: string | null, name: string, label: string | null, withText: boolean): Promise<ReadFile> {
  if (!filesDir) return { ok: false, reason: `dòng có tệp “${name}” nhưng không có --files THƯ_MỤC` };
  if (name !== path.basename(name) || name === "." || name === ".." || name.includes("\0")) return { ok: false, reason: `tên tệp “${name}” không được chứa thư mục` };
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.join(filesDir, name));
  } catch (error) {
    return { ok: false, reason: `không đọc được tệp “${name}” trong ${filesDir} (${(error as NodeJS.ErrnoException).code ?? "lỗi"})` };
  }
  try {
    const checked = await checkAttachment(bytes, { maxBytes: attachmentLimitBytes(db) });
    const extraction = withText ? await extractAttachmentText(bytes, checked.kind) : { status: "unsupported" as const };
    const originalName = cleanAttachmentName(name);
    return {
      ok: true,
      bytes,
      sha256: checked.sha256,
      file: {
        label: label ?? originalName,
        originalName,
        kind: checked.kind,
        bytes: checked.size,
        extraction: extraction.status,
        text: extraction.status === "text" ? extraction.text : "",
        flags: checked.warnings.map((w) => w.message),
      },
    };
  } catch (error) {
    if (error instanceof AttachmentError) return { ok: false, reason: `tệp “${name}”: ${error.message}` };
    throw error;
  }
}

async function importRow(db: Db, row: DocumentCsvRow, options: ImportOptions): Promise<RowOutcome & { pending?: DocumentCsvRow & { id: number } }> {
  const number = row.number.display;
  const warnings: string[] = [];
  const files: ImportedFile[] = [];
  const registered = isRegistered(db, row.issuer, row.number.key);
  // A registered document is skipped as a whole: its files are not read again.
  if (!registered) {
    for (const named of row.files) {
      const read = await readRowFile(db, options.filesDir, named.name, named.label, !options.dryRun);
      if (!read.ok) return { line: row.line, number, status: "failed", reason: read.reason };
      warnings.push(...read.file.flags.map((flag) => `tệp “${named.name}”: ${flag}`));
      if (!options.dryRun) files.push({ ...read.file, file: await storeAttachmentFile(read.bytes, read.sha256, read.file.kind, options.attachmentsDir) });
    }
  }
  if (options.dryRun) return { line: row.line, number, status: registered ? "would-skip" : "would-import", warnings };
  const stored = storeImportedDocument(db, {
    typeName: row.type,
    summary: row.summary,
    registry: {
      number,
      issuer: row.issuer,
      signer: row.signer ?? "",
      issuedOn: row.issuedOn,
      effectiveFrom: row.effectiveFrom,
      effectiveUntil: row.effectiveUntil,
      manualStatus: row.manualStatus,
      fields: row.fields,
      nationalDatabaseUrl: row.nationalDatabaseUrl ?? "",
    },
    files,
  });
  const outcome: RowOutcome = { line: row.line, number, status: stored.status, href: `/van-ban/${stored.slug}`, warnings };
  return stored.status === "imported" ? { ...outcome, pending: { ...row, id: stored.id } } : outcome;
}

/** Imports (or, with dryRun, checks) a CSV of documents. */
export async function importDocumentCsv(db: Db, input: Uint8Array | string, options: ImportOptions): Promise<ImportReport> {
  const parsed = parseDocumentCsv(input);
  if (!parsed.ok) return parsed;
  const outcomes: RowOutcome[] = parsed.errors.map((issue) => ({ line: issue.line, number: null, status: "failed", reason: issue.message }));
  const pending: Array<DocumentCsvRow & { id: number }> = [];
  for (const row of parsed.rows) {
    const { pending: imported, ...outcome } = await importRow(db, row, options);
    outcomes.push(outcome as RowOutcome);
    if (imported) pending.push(imported);
  }
  // Relations once every row is in: a document may replace one listed further down.
  for (const row of pending) {
    const unlinked = linkImportedRelations(db, row.id, { replaces: row.replaces, amends: row.amends });
    const outcome = outcomes.find((o) => o.line === row.line);
    if (outcome && outcome.status === "imported") outcome.warnings.push(...unlinked.map((n) => `không tìm thấy đúng một văn bản số ${n} để liên kết`));
  }
  outcomes.sort((a, b) => a.line - b.line);
  const counts = { imported: 0, skipped: 0, failed: 0 };
  for (const o of outcomes) counts[o.status === "failed" ? "failed" : o.status === "imported" || o.status === "would-import" ? "imported" : "skipped"]++;
  return { ok: true, rows: outcomes, warnings: parsed.warnings, counts };
}
