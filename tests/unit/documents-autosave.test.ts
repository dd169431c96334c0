import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { documents, postAutosaves } from "@/db/schema";
import { registryFromFormFor } from "@/lib/dal/documents/form";
import { saveDocumentFor } from "@/lib/dal/documents/save";
import { getDocumentForEditFor } from "@/lib/dal/documents/staff-queries";
import { POST_ADMIN_MESSAGES } from "@/lib/dal/posts/access";
import { getPendingDraftFor } from "@/lib/dal/posts/autosave";
import { savePostFor } from "@/lib/dal/posts/save";
import { pickDraftValues, sameDraft } from "@/lib/editor/draft-values";
import { localDraftKey } from "@/lib/editor/local-draft";
import { createDocumentSchema, registryFormValues } from "@/lib/validations/document-form";
import { authorA, db, editor, row } from "./helpers/posts-world";
import { content, createDocument, publish, registry, SUMMARY_65 } from "./helpers/documents-world";

const registryRow = (id: number) => db.select().from(documents).where(eq(documents.postId, id)).get()!;

describe("a document's form as draft values (the local copy, the autosave, a kept draft)", () => {
  const form = { title: "Trích yếu", number: "65/2023/NĐ-CP", issuer: "Chính phủ", signer: "Trần Hồng Hà", issuedOn: "23/08/2023", fieldsText: "Sở hữu trí tuệ", replacesText: "103/2006/NĐ-CP", id: "4", version: "2" };

  it("keeps the registry fields beside the text, and not the request's id and version", () => {
    expect(pickDraftValues(Object.entries(form))).toEqual({ title: "Trích yếu", number: "65/2023/NĐ-CP", issuer: "Chính phủ", signer: "Trần Hồng Hà", issuedOn: "23/08/2023", fieldsText: "Sở hữu trí tuệ", replacesText: "103/2006/NĐ-CP" });
  });

  it("counts a change of a registry field alone as a change", () => {
    const values = pickDraftValues(Object.entries(form));
    expect(sameDraft(values, { ...values })).toBe(true);
    expect(sameDraft(values, { ...values, signer: "Lê Minh Khái" })).toBe(false);
    expect(sameDraft(values, { ...values, issuedOn: "24/08/2023" })).toBe(false);
  });

  it("keeps a new document's copy apart from a new post's", () => {
    expect(localDraftKey(null, "new-document")).toBe("cms.post-draft.new-document");
    expect(localDraftKey(null)).toBe("cms.post-draft.new");
    expect(localDraftKey(9, "new-document")).toBe("cms.post-draft.9");
  });

  it("shows a stored registry as the form's fields: dates dd/mm/yyyy, lists joined by semicolons", () => {
    const created = createDocument(editor);
    const detail = getDocumentForEditFor(db, editor, created.id)!;
    expect(registryFormValues(detail.registry)).toMatchObject({ number: "65/2023/NĐ-CP", issuer: "Chính phủ", issuedOn: "23/08/2023", effectiveFrom: "23/08/2023", effectiveUntil: "", fieldsText: "Sở hữu trí tuệ; Sở hữu công nghiệp", replacesText: "" });
    expect(registryFormValues(null)).toMatchObject({ number: "", typeId: "", fieldsText: "" });
  });
});

describe("autosave of a legal document", () => {
  it("saves the registry fields with the text through the version check", () => {
    const created = createDocument(authorA);
    const draft = { title: "Trích yếu đã sửa", signer: "Lê Minh Khái" };
    const saved = saveDocumentFor(db, authorA, { intent: "autosave", id: created.id, version: 1, fields: content("Trích yếu đã sửa"), registry: registry({ signer: "Lê Minh Khái" }), draft });
    expect(saved).toMatchObject({ ok: true, mode: "saved", version: 2 });
    expect(row(created.id).title).toBe("Trích yếu đã sửa");
    expect(registryRow(created.id).signer).toBe("Lê Minh Khái");
  });

  it("keeps a public document's edit aside with its registry fields; the public record is unchanged", () => {
    const created = createDocument(editor);
    publish(created.id);
    const draft = { ...registryFormValues(getDocumentForEditFor(db, editor, created.id)!.registry), title: SUMMARY_65, signer: "Người ký mới", effectiveUntil: "01/01/2030" };
    const kept = saveDocumentFor(db, editor, { intent: "autosave", id: created.id, version: 1, fields: content(SUMMARY_65), registry: registry({ signer: "Người ký mới", effectiveUntil: "01/01/2030" }), draft });
    expect(kept).toMatchObject({ ok: true, mode: "kept", version: 1 });
    expect(registryRow(created.id)).toMatchObject({ signer: "Trần Hồng Hà", effectiveUntil: null });
    expect(getPendingDraftFor(db, editor, created.id)?.values).toMatchObject({ signer: "Người ký mới", effectiveUntil: "01/01/2030", number: "65/2023/NĐ-CP" });
    // A save by hand settles it.
    saveDocumentFor(db, editor, { intent: "save", id: created.id, version: 1, fields: content(SUMMARY_65), registry: registry({ signer: "Người ký mới" }) });
    expect(db.select().from(postAutosaves).where(eq(postAutosaves.postId, created.id)).all()).toEqual([]);
  });

  it("refuses a save of a document without its registry fields (the writing screen's routes), writing nothing", () => {
    const created = createDocument(editor);
    const refused = savePostFor(db, editor, { intent: "autosave", id: created.id, version: 1, fields: content("Mất các trường"), draft: {} });
    expect(refused).toEqual({ ok: false, message: POST_ADMIN_MESSAGES.documentElsewhere });
    expect(row(created.id)).toMatchObject({ version: 1, title: SUMMARY_65 });
  });

  it("reads the form's related numbers from the registry, and names the one it cannot find", () => {
    const old = createDocument(editor, "Nghị định cũ", { number: "103/2006/NĐ-CP" });
    const input = createDocumentSchema.parse({ ...registryFormValues(null), title: SUMMARY_65, typeId: String(registry().typeId), number: "65/2023/NĐ-CP", issuer: "Chính phủ", issuedOn: "23/08/2023", replacesText: "103/2006/ND-CP" });
    const found = registryFromFormFor(db, editor, input);
    expect(found).toMatchObject({ ok: true, registry: { replaces: [old.id] } });
    expect(registryFromFormFor(db, editor, { ...input, amendsText: ["99/2099/NĐ-CP"] })).toEqual({ ok: false, errors: { amendsText: "Không tìm thấy đúng một văn bản số 99/2099/NĐ-CP trong sổ văn bản." } });
  });
});
