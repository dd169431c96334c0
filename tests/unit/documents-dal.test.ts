import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { documentFieldLinks, documentRelations, documents, postRevisions } from "@/db/schema";
import { RefusedError } from "@/lib/dal/actor";
import { saveDocumentFor } from "@/lib/dal/documents/save";
import { purgeTrashed } from "@/lib/dal/posts/purge";
import { trashPostsFor } from "@/lib/dal/posts/trash";
import { findPublicDocument } from "@/lib/dal/documents/public";
import { DOCUMENT_MESSAGES } from "@/lib/validations/document";
import { authorA, authorB, db, editor, logs, row, tags } from "./helpers/posts-world";
import { content, createDocument, publish, registry, SUMMARY_65, typeId } from "./helpers/documents-world";

const ftsRows = (id: number) => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM documents_fts WHERE rowid = ${id}`)!.n;

describe("a legal document is a post of kind document with a registry row", () => {
  it("stores the trích yếu as the title, the note as the body, and the registry fields beside it", () => {
    const created = createDocument(authorA);
    expect(created).toMatchObject({ ok: true, slug: "65-2023-nd-cp" });
    expect(row(created.id)).toMatchObject({ kind: "document", title: SUMMARY_65, status: "draft", authorId: authorA.id, categoryId: null, lead: "", source: "" });
    expect(db.select().from(documents).where(eq(documents.postId, created.id)).get()).toMatchObject({
      number: "65/2023/NĐ-CP",
      numberKey: "65/2023/ND-CP",
      issuer: "Chính phủ",
      issuerKey: "chinh phu",
      issuedOn: "2023-08-23",
      effectiveFrom: "2023-08-23",
      effectiveUntil: null,
      manualStatus: null,
    });
    expect(db.select({ n: count() }).from(documentFieldLinks).where(eq(documentFieldLinks.documentId, created.id)).get()!.n).toBe(2);
    expect(ftsRows(created.id)).toBe(1);
  });

  it("refuses a second document with the same number from the same body, however it is spelt, and nothing is written", () => {
    createDocument(editor);
    const before = db.select({ n: count() }).from(documents).get()!.n;
    const again = saveDocumentFor(db, editor, { intent: "create", fields: content("Bản trùng"), registry: registry({ number: "Số 65/2023/ND-CP", issuer: "chính  phủ" }) });
    expect(again).toMatchObject({ ok: false, field: "number", message: DOCUMENT_MESSAGES.numberTaken });
    expect(db.select({ n: count() }).from(documents).get()!.n).toBe(before);
    // Every province has its 01/2023/QĐ-UBND: the same number from another body is another document.
    const other = createDocument(editor, "Quyết định của tỉnh", { number: "65/2023/NĐ-CP", issuer: "Ủy ban nhân dân tỉnh Bắc Ninh" });
    expect(other.slug).toBe("65-2023-nd-cp-2");
  });

  it("goes through the posts' workflow: an author drafts and submits, only an editor publishes", () => {
    const created = createDocument(authorA);
    const version = row(created.id).version;
    expect(() => saveDocumentFor(db, authorA, { intent: "transition", id: created.id, version, fields: content(SUMMARY_65), registry: registry(), transition: { name: "publish" } })).toThrow(RefusedError);
    const submitted = saveDocumentFor(db, authorA, { intent: "transition", id: created.id, version, fields: content(SUMMARY_65), registry: registry(), transition: { name: "submit" } });
    expect(submitted).toMatchObject({ ok: true });
    expect(row(created.id).status).toBe("pending");
    // Another author can neither see nor change it.
    expect(saveDocumentFor(db, authorB, { intent: "save", id: created.id, version: row(created.id).version, fields: content("Sửa trộm"), registry: registry() })).toMatchObject({ ok: false, denied: true });
    const published = saveDocumentFor(db, editor, { intent: "transition", id: created.id, version: row(created.id).version, fields: content(SUMMARY_65), registry: registry(), transition: { name: "publish" } });
    expect(published).toMatchObject({ ok: true });
    expect(row(created.id).status).toBe("published");
    expect(tags()).toEqual(expect.arrayContaining(["documents", "document:65-2023-nd-cp"]));
    expect(tags()).not.toContain("home");
    const kinds = db.select({ kind: postRevisions.kind }).from(postRevisions).where(eq(postRevisions.postId, created.id)).all().map((r) => r.kind);
    expect(kinds).toEqual(["create", "submit", "publish"]);
  });

  it("saves a change of registry fields alone as a new version, logged by field", () => {
    const created = createDocument(editor);
    const saved = saveDocumentFor(db, editor, { intent: "save", id: created.id, version: 1, fields: content(SUMMARY_65), registry: registry({ signer: "Lê Minh Khái", fields: ["Sở hữu trí tuệ"] }) });
    expect(saved).toMatchObject({ ok: true, version: 2 });
    expect(db.select().from(documents).where(eq(documents.postId, created.id)).get()!.signer).toBe("Lê Minh Khái");
    expect(logs("post.update").at(-1)!.summary).toMatch(/người ký, lĩnh vực/);
    // The same again changes nothing.
    expect(saveDocumentFor(db, editor, { intent: "save", id: created.id, version: 2, fields: content(SUMMARY_65), registry: registry({ signer: "Lê Minh Khái", fields: ["Sở hữu trí tuệ"] }) })).toMatchObject({ ok: true, version: 2 });
  });

  it("changes the address with the number, and the old address redirects", () => {
    const created = createDocument(editor);
    publish(created.id);
    saveDocumentFor(db, editor, { intent: "save", id: created.id, version: row(created.id).version, fields: content(SUMMARY_65), registry: registry({ number: "66/2023/NĐ-CP" }) });
    expect(row(created.id).slug).toBe("66-2023-nd-cp");
    expect(findPublicDocument(db, "65-2023-nd-cp")).toEqual({ kind: "redirect", slug: "66-2023-nd-cp" });
  });

  it("relates documents both ways, showing only documents on the site", () => {
    const law = createDocument(editor, "Luật Sở hữu trí tuệ", { typeId: typeId("luat"), number: "50/2005/QH11", issuer: "Quốc hội", issuedOn: "29/11/2005", effectiveFrom: "01/07/2006" });
    const old = createDocument(editor, "Nghị định cũ", { number: "103/2006/NĐ-CP", issuedOn: "22/09/2006", effectiveFrom: "22/10/2006" });
    const draft = createDocument(editor, "Bản nháp sửa đổi", { number: "99/2024/NĐ-CP", issuedOn: "01/01/2024", effectiveFrom: "", amends: [] });
    const decree = createDocument(editor, SUMMARY_65, { replaces: [old.id], amends: [] });
    saveDocumentFor(db, editor, { intent: "save", id: draft.id, version: 1, fields: content("Bản nháp sửa đổi"), registry: registry({ number: "99/2024/NĐ-CP", issuedOn: "01/01/2024", effectiveFrom: "", amends: [decree.id] }) });
    [law, old, decree].forEach((d) => publish(d.id));
    const shown = findPublicDocument(db, "65-2023-nd-cp");
    if (shown.kind !== "document") throw new Error("not found");
    expect(shown.document.relations.replaces.map((r) => r.number)).toEqual(["103/2006/NĐ-CP"]);
    expect(shown.document.relations.amendedBy).toEqual([]);
    const replaced = findPublicDocument(db, "103-2006-nd-cp");
    if (replaced.kind !== "document") throw new Error("not found");
    expect(replaced.document.relations.replacedBy.map((r) => r.href)).toEqual(["/van-ban/65-2023-nd-cp"]);
    expect(saveDocumentFor(db, editor, { intent: "save", id: decree.id, version: row(decree.id).version, fields: content(SUMMARY_65), registry: registry({ replaces: [decree.id] }) })).toMatchObject({ ok: false, field: "replaces", message: DOCUMENT_MESSAGES.relationSelf });
    expect(saveDocumentFor(db, editor, { intent: "save", id: decree.id, version: row(decree.id).version, fields: content(SUMMARY_65), registry: registry({ replaces: [999_999] }) })).toMatchObject({ ok: false, field: "replaces", message: DOCUMENT_MESSAGES.relationMissing });
  });

  it("leaves the public site and the index when trashed and purged, relations going with it", () => {
    const old = createDocument(editor, "Nghị định cũ", { number: "103/2006/NĐ-CP", issuedOn: "22/09/2006", effectiveFrom: "22/10/2006" });
    const created = createDocument(editor, SUMMARY_65, { replaces: [old.id] });
    publish(created.id);
    expect(findPublicDocument(db, "65-2023-nd-cp").kind).toBe("document");
    expect(trashPostsFor(db, editor, [created.id])).toMatchObject({ ok: true });
    expect(findPublicDocument(db, "65-2023-nd-cp").kind).toBe("missing");
    db.transaction((tx) => purgeTrashed(tx, [created.id], editor));
    expect(db.select({ n: count() }).from(documents).where(eq(documents.postId, created.id)).get()!.n).toBe(0);
    expect(db.select({ n: count() }).from(documentRelations).get()!.n).toBe(0);
    expect(ftsRows(created.id)).toBe(0);
  });
});
