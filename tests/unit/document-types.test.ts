import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { documentTypes } from "@/db/schema";
import { RefusedError } from "@/lib/dal/actor";
import { attachmentLimitBytes, attachmentLimitMb, setAttachmentLimitFor } from "@/lib/dal/documents/attachment-limit";
import { addAttachmentFor } from "@/lib/dal/documents/attachments";
import { addDocumentTypeFor, DOCUMENT_TYPE_MESSAGES, listDocumentTypesFor, moveDocumentTypeFor, removeDocumentTypeFor, renameDocumentTypeFor } from "@/lib/dal/documents/types";
import { admin, authorA, db, editor, logs, tags } from "./helpers/posts-world";
import { createDocument, typeId } from "./helpers/documents-world";

const names = () => listDocumentTypesFor(db, editor).map((t) => t.name);

describe("the list of document types", () => {
  it("lets an editor add, rename and reorder types, each logged and refreshing the registry's pages", () => {
    const added = addDocumentTypeFor(db, editor, "  Báo   cáo nội bộ ");
    expect(added).toMatchObject({ ok: true, message: "Đã thêm loại văn bản “Báo cáo nội bộ”." });
    expect(names().at(-1)).toBe("Báo cáo nội bộ");
    expect(addDocumentTypeFor(db, editor, "bao cao NOI BO")).toEqual({ ok: false, field: "name", message: DOCUMENT_TYPE_MESSAGES.nameTaken });
    expect(addDocumentTypeFor(db, editor, "   ")).toEqual({ ok: false, field: "name", message: DOCUMENT_TYPE_MESSAGES.nameRequired });
    const id = added.ok ? added.id : 0;
    expect(renameDocumentTypeFor(db, editor, id, "Báo cáo nghiệp vụ")).toMatchObject({ ok: true });
    expect(db.select().from(documentTypes).where(eq(documentTypes.id, id)).get()).toMatchObject({ name: "Báo cáo nghiệp vụ", slug: "bao-cao-nghiep-vu" });
    const before = names();
    expect(moveDocumentTypeFor(db, editor, id, "up")).toMatchObject({ ok: true });
    const after = names();
    expect(after.at(-2)).toBe("Báo cáo nghiệp vụ");
    expect(after.at(-1)).toBe(before.at(-2));
    expect(moveDocumentTypeFor(db, editor, listDocumentTypesFor(db, editor)[0]!.id, "up")).toMatchObject({ ok: true, message: expect.stringContaining("đã ở đầu") });
    expect(logs("document-type.update").length).toBeGreaterThanOrEqual(3);
    expect(tags()).toContain("documents");
  });

  it("removes a type only while no document uses it", () => {
    const decree = typeId("nghi-dinh");
    createDocument(editor);
    expect(listDocumentTypesFor(db, editor).find((t) => t.id === decree)!.documentCount).toBeGreaterThan(0);
    expect(removeDocumentTypeFor(db, editor, decree)).toEqual({ ok: false, message: DOCUMENT_TYPE_MESSAGES.inUse });
    const spare = addDocumentTypeFor(db, admin, "Loại tạm");
    expect(removeDocumentTypeFor(db, admin, spare.ok ? spare.id : 0)).toMatchObject({ ok: true });
    expect(names()).not.toContain("Loại tạm");
  });

  it("refuses authors on the server, whatever the screen showed", () => {
    expect(() => listDocumentTypesFor(db, authorA)).toThrow(RefusedError);
    expect(() => addDocumentTypeFor(db, authorA, "Loại của tác giả")).toThrow(RefusedError);
    expect(() => renameDocumentTypeFor(db, authorA, typeId("nghi-dinh"), "Đổi")).toThrow(RefusedError);
    expect(() => moveDocumentTypeFor(db, authorA, typeId("nghi-dinh"), "down")).toThrow(RefusedError);
    expect(() => removeDocumentTypeFor(db, authorA, typeId("nghi-dinh"))).toThrow(RefusedError);
    expect(names()).not.toContain("Loại của tác giả");
  });
});

describe("the size limit of a document's files", () => {
  it("is 50 MB until an admin sets it; editors may not; out-of-range values are refused in Vietnamese", () => {
    expect(attachmentLimitMb(db)).toBe(50);
    expect(() => setAttachmentLimitFor(db, editor, 10)).toThrow(RefusedError);
    expect(setAttachmentLimitFor(db, admin, 0)).toMatchObject({ ok: false, message: "Giới hạn phải là số nguyên từ 1 đến 500 MB." });
    expect(setAttachmentLimitFor(db, admin, 2.5)).toMatchObject({ ok: false });
    expect(setAttachmentLimitFor(db, admin, 1)).toMatchObject({ ok: true, message: "Đã lưu: tệp văn bản tối đa 1 MB." });
    expect(attachmentLimitBytes(db)).toBe(1024 * 1024);
  });

  it("is what the upload check uses", async () => {
    setAttachmentLimitFor(db, admin, 1);
    const created = createDocument(editor);
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(1024 * 1024 + 10, 32), Buffer.from("\n%%EOF\n")]);
    const result = await addAttachmentFor(db, editor, created.id, { bytes: big, name: "lon.pdf", label: "Tệp lớn" });
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? "" : result.message).toMatch(/1 MB/);
  });
});
