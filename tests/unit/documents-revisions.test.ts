import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { documentAttachments, documents, postRevisions } from "@/db/schema";
import { saveDocumentFor } from "@/lib/dal/documents/save";
import { getDocumentForEditFor } from "@/lib/dal/documents/staff-queries";
import { compareRevisionsFor, getRevisionFor, restoreRevisionFor, REVISION_MESSAGES } from "@/lib/dal/posts/revisions";
import { registryLines } from "@/lib/documents/revision-lines";
import { diffLines } from "@/lib/revisions/diff";
import { authorA, create, db, editor, row } from "./helpers/posts-world";
import { content, createDocument, registry, SUMMARY_65 } from "./helpers/documents-world";

const revisionsOf = (id: number) => db.select().from(postRevisions).where(eq(postRevisions.postId, id)).orderBy(postRevisions.id).all();
const latest = (id: number) => db.select().from(postRevisions).where(eq(postRevisions.postId, id)).orderBy(desc(postRevisions.id)).limit(1).get()!;

function attach(documentId: number, label: string, name: string) {
  db.insert(documentAttachments).values({ documentId, label, file: `${name}-${documentId}.pdf`, originalName: name, kind: "pdf", bytes: 2048, extraction: "text", position: 1 }).run();
}

/** The document with a changed registry: another signer, an end date, another field, the older decree it replaces. */
function changed(id: number, version: number, replaces: number[]) {
  const saved = saveDocumentFor(db, editor, { intent: "save", id, version, fields: content(SUMMARY_65), registry: registry({ signer: "Lê Minh Khái", effectiveUntil: "01/01/2030", fields: ["Đo lường"], replaces }) });
  if (!saved.ok) throw new Error(saved.message);
  return saved;
}

describe("a document's revisions keep its registry fields", () => {
  it("records the type, number, body, signer, dates, fields, relations and files with each revision", () => {
    const old = createDocument(editor, "Nghị định cũ", { number: "103/2006/NĐ-CP" });
    const created = createDocument(editor);
    attach(created.id, "Văn bản ký số", "65-2023-ND-CP.pdf");
    changed(created.id, 1, [old.id]);
    const [first, second] = revisionsOf(created.id);
    expect(first!.kindFields).toMatchObject({ typeName: "Nghị định", number: "65/2023/NĐ-CP", issuer: "Chính phủ", signer: "Trần Hồng Hà", issuedOn: "2023-08-23", effectiveUntil: null, fields: ["Sở hữu công nghiệp", "Sở hữu trí tuệ"], replaces: [], attachments: [] });
    expect(second!.kindFields).toMatchObject({ signer: "Lê Minh Khái", effectiveUntil: "2030-01-01", fields: ["Đo lường"], replaces: [{ id: old.id, number: "103/2006/NĐ-CP" }], attachments: [{ label: "Văn bản ký số", name: "65-2023-ND-CP.pdf", bytes: 2048 }] });
  });

  it("keeps none for a news post", () => {
    const { id } = create(editor);
    expect(latest(id).kindFields).toBeNull();
    expect(getRevisionFor(db, editor, id, latest(id).id)!.registry).toEqual([]);
  });

  it("shows the changes of the registry in the comparison, field by field, beside the text", () => {
    const old = createDocument(editor, "Nghị định cũ", { number: "103/2006/NĐ-CP" });
    const created = createDocument(editor);
    changed(created.id, 1, [old.id]);
    const comparison = compareRevisionsFor(db, editor, created.id, {})!;
    const byField = Object.fromEntries(comparison.fields.map((f) => [f.field, f]));
    expect(byField.signer!.label).toBe("Người ký");
    expect(byField.signer!.diff.parts).toEqual([
      { kind: "removed", text: "Trần Hồng Hà" },
      { kind: "added", text: "Lê Minh Khái" },
    ]);
    expect(byField.effectiveUntil!.diff.parts).toEqual([{ kind: "added", text: "01/01/2030" }]);
    expect(byField.replaces!.diff.parts).toEqual([{ kind: "added", text: "103/2006/NĐ-CP" }]);
    expect(byField.number!.diff.wordsAdded + byField.number!.diff.wordsRemoved).toBe(0);
    expect(byField.title!.label).toBe("Tiêu đề");
  });

  it("shows a revision's registry fields on its own page, and no missing category for a document", () => {
    const created = createDocument(editor);
    const view = getRevisionFor(db, editor, created.id, latest(created.id).id)!;
    expect(view.revision.categoryMissing).toBe(false);
    expect(view.registry).toEqual(expect.arrayContaining([{ field: "number", label: "Số/Ký hiệu", text: "65/2023/NĐ-CP" }, { field: "issuedOn", label: "Ngày ban hành", text: "23/08/2023" }]));
  });

  it("brings the registry back with the text on a restore, as a new revision", () => {
    const old = createDocument(editor, "Nghị định cũ", { number: "103/2006/NĐ-CP" });
    const created = createDocument(editor);
    const first = latest(created.id);
    const saved = changed(created.id, 1, [old.id]);
    const restored = restoreRevisionFor(db, editor, created.id, first.id, saved.version);
    expect(restored).toMatchObject({ ok: true, version: 3 });
    const registryNow = getDocumentForEditFor(db, editor, created.id)!.registry;
    expect(registryNow).toMatchObject({ signer: "Trần Hồng Hà", effectiveUntil: null, replaces: [], fields: expect.arrayContaining(["Sở hữu trí tuệ", "Sở hữu công nghiệp"]) });
    expect(latest(created.id)).toMatchObject({ kind: "restore", kindFields: expect.objectContaining({ signer: "Trần Hồng Hà" }) });
  });

  it("refuses a restore whose number another document of the body now has, changing nothing", () => {
    const created = createDocument(editor);
    const first = latest(created.id);
    const renumbered = saveDocumentFor(db, editor, { intent: "save", id: created.id, version: 1, fields: content(SUMMARY_65), registry: registry({ number: "66/2023/NĐ-CP" }) });
    if (!renumbered.ok) throw new Error(renumbered.message);
    createDocument(editor, "Văn bản mới cùng số cũ", { number: "65/2023/NĐ-CP" });
    const refused = restoreRevisionFor(db, editor, created.id, first.id, renumbered.version);
    expect(refused).toMatchObject({ ok: false, message: REVISION_MESSAGES.numberTaken });
    expect(db.select().from(documents).where(eq(documents.postId, created.id)).get()!.number).toBe("66/2023/NĐ-CP");
    expect(row(created.id).version).toBe(renumbered.version);
  });

  it("keeps an author to the editing rules: another's document is not theirs to restore", () => {
    const created = createDocument(editor);
    expect(restoreRevisionFor(db, authorA, created.id, latest(created.id).id, 1)).toMatchObject({ ok: false, denied: true });
  });
});

describe("registry lines and their diff (pure)", () => {
  const snapshot = {
    typeId: 1,
    typeName: "Thông tư",
    number: "23/2023/TT-BKHCN",
    issuer: "Bộ Khoa học và Công nghệ",
    signer: "",
    issuedOn: "2023-11-30",
    effectiveFrom: null,
    effectiveUntil: null,
    manualStatus: "partly_expired" as const,
    nationalDatabaseUrl: "",
    fields: ["Đo lường", "Chất lượng"],
    replaces: [],
    amends: [{ id: 3, number: "01/2010/TT-BKHCN" }],
    attachments: [
      { id: 1, label: "Văn bản", name: "tt-23.pdf", bytes: 1_536_000 },
      { id: 2, label: "", name: "phu-luc.docx", bytes: 10_240 },
    ],
  };

  it("writes each field as the form and the public page say it", () => {
    const lines = Object.fromEntries(registryLines(snapshot).map((l) => [l.field, l.text]));
    expect(lines).toMatchObject({ typeName: "Thông tư", issuedOn: "30/11/2023", effectiveFrom: "", manualStatus: "Hết hiệu lực một phần", fields: "Đo lường; Chất lượng", amends: "01/2010/TT-BKHCN" });
    expect(lines.attachments!.split("\n")).toHaveLength(2);
    expect(lines.attachments).toMatch(/^Văn bản: tt-23\.pdf \(.+\)\nphu-luc\.docx \(.+\)$/);
    expect(registryLines(null)).toEqual([]);
  });

  it("diffs the fields of either side, a field only on one side against empty", () => {
    const diffs = diffLines([{ field: "a", label: "A", text: "một hai" }], [{ field: "b", label: "B", text: "ba" }]);
    expect(diffs.map((d) => [d.field, d.diff.wordsAdded, d.diff.wordsRemoved])).toEqual([
      ["b", 1, 0],
      ["a", 0, 2],
    ]);
    expect(diffLines([], [])).toEqual([]);
  });
});
