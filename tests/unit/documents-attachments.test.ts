import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { documentAttachments } from "@/db/schema";
import { addAttachmentFor, removeAttachmentFor } from "@/lib/dal/documents/attachments";
import { setAttachmentLimitFor } from "@/lib/dal/documents/attachment-limit";
import { findPublicAttachment, findPublicDocument } from "@/lib/dal/documents/public";
import { searchRegistry } from "@/lib/dal/documents/search";
import { RefusedError } from "@/lib/dal/actor";
import { admin, authorA, authorB, db, editor, tags } from "./helpers/posts-world";
import { buildPdf, buildScannedPdf } from "./helpers/attachment-fixtures";
import { createDocument, publish } from "./helpers/documents-world";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-attachments-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const attachmentCount = () => db.select({ n: count() }).from(documentAttachments).get()!.n;

describe("a document's files", () => {
  it("stores a PDF under its content hash, indexes its text and serves it only while the document is public", async () => {
    const created = createDocument(authorA);
    const pdf = await buildPdf(["Điều 1. Phạm vi điều chỉnh: chỉ dẫn địa lý của sản phẩm nông nghiệp"]);
    const added = await addAttachmentFor(db, authorA, created.id, { bytes: pdf, name: "Nghị định 65 \"bản ký\".pdf", label: "Văn bản ký số" }, { dir });
    expect(added).toMatchObject({ ok: true, warnings: [], scanned: false });
    if (!added.ok) return;
    const stored = db.select().from(documentAttachments).where(eq(documentAttachments.id, added.attachmentId)).get()!;
    expect(stored).toMatchObject({ kind: "pdf", bytes: pdf.length, extraction: "text", label: "Văn bản ký số" });
    expect(stored.file).toMatch(/^[0-9a-f]{64}\.pdf$/);
    expect(fs.readFileSync(path.join(dir, stored.file)).equals(pdf)).toBe(true);
    expect(findPublicAttachment(db, added.attachmentId)).toBeNull();
    publish(created.id);
    expect(findPublicAttachment(db, added.attachmentId)).toMatchObject({ file: stored.file, kind: "pdf" });
    expect(searchRegistry(db, { q: "chi dan dia ly" }).items.map((i) => i.id)).toEqual([created.id]);
    const shown = findPublicDocument(db, "65-2023-nd-cp");
    if (shown.kind !== "document") throw new Error("not public");
    expect(shown.document.files[0]).toMatchObject({ typeLabel: "PDF", bytes: pdf.length, previewHref: expect.stringMatching(/\?xem=1$/) });
  });

  it("refuses a text file named .pdf and an oversize file, writing nothing", async () => {
    const created = createDocument(editor);
    const fake = await addAttachmentFor(db, editor, created.id, { bytes: new TextEncoder().encode("Không phải PDF"), name: "nghi-dinh.pdf", label: "" }, { dir });
    expect(fake).toMatchObject({ ok: false, field: "file", status: 415 });
    expect(setAttachmentLimitFor(db, admin, 1)).toMatchObject({ ok: true });
    const big = await buildPdf(Array.from({ length: 10 }, () => "x".repeat(100)));
    const padded = Buffer.concat([big.subarray(0, big.length - 6), Buffer.alloc(1024 * 1024, 32), Buffer.from("%%EOF\n")]);
    expect(await addAttachmentFor(db, editor, created.id, { bytes: padded, name: "lon.pdf", label: "" }, { dir })).toMatchObject({ ok: false, status: 413 });
    expect(attachmentCount()).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("says a scanned PDF has no searchable text", async () => {
    const created = createDocument(editor);
    const added = await addAttachmentFor(db, editor, created.id, { bytes: await buildScannedPdf(2), name: "scan.pdf", label: "Bản scan" }, { dir });
    expect(added).toMatchObject({ ok: true, scanned: true });
  });

  it("lets only those who may edit the document change its files, and queues its pages when it is public", async () => {
    const created = createDocument(authorA);
    const pdf = await buildPdf(["Phụ lục"]);
    expect(await addAttachmentFor(db, authorB, created.id, { bytes: pdf, name: "a.pdf", label: "" }, { dir })).toMatchObject({ ok: false });
    await expect(addAttachmentFor(db, null, created.id, { bytes: pdf, name: "a.pdf", label: "" }, { dir })).rejects.toThrow(RefusedError);
    publish(created.id);
    // Published: its author no longer edits it; an editor does.
    expect(await addAttachmentFor(db, authorA, created.id, { bytes: pdf, name: "a.pdf", label: "" }, { dir })).toMatchObject({ ok: false, denied: true });
    const added = await addAttachmentFor(db, editor, created.id, { bytes: pdf, name: "a.pdf", label: "" }, { dir });
    expect(tags()).toContain("document:65-2023-nd-cp");
    if (!added.ok) throw new Error(added.message);
    expect(removeAttachmentFor(db, authorB, created.id, added.attachmentId)).toMatchObject({ ok: false });
    expect(removeAttachmentFor(db, editor, created.id, added.attachmentId)).toMatchObject({ ok: true });
    expect(attachmentCount()).toBe(0);
  });
});
