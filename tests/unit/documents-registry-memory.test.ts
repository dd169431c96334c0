import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { documents, documentTypes, posts, registryVersion } from "@/db/schema";
import { openDb, type Db } from "@/lib/dal/connection";
import { storeImportedDocument } from "@/lib/dal/documents/import";
import { publicRegistry } from "@/lib/dal/documents/public-registry";
import { saveDocumentFor } from "@/lib/dal/documents/save";
import { searchRegistry } from "@/lib/dal/documents/search";
import { renameDocumentTypeFor } from "@/lib/dal/documents/types";
import { trashPostsFor } from "@/lib/dal/posts/trash";
import { admin, create, db, editor, row, setStatus } from "./helpers/posts-world";
import { content, createDocument, publish, registry, SUMMARY_65, typeId } from "./helpers/documents-world";

const version = (on: Db = db) => on.select({ version: registryVersion.version }).from(registryVersion).get()!.version;
const numbers = (filters: Parameters<typeof searchRegistry>[1] = {}, now?: Date) => searchRegistry(db, filters, now).items.map((i) => i.number);
const facet = (name: "type" | "field" | "status", now?: Date) => searchRegistry(db, {}, now).facets[name].map((v) => `${v.value}:${v.label}:${v.count}`);

/** The one save, as staff would change a published document's registry fields. */
function saveRegistry(id: number, overrides: Record<string, unknown>) {
  const saved = saveDocumentFor(db, editor, { intent: "save", id, version: row(id).version, fields: content(SUMMARY_65), registry: registry(overrides) });
  if (!saved.ok) throw new Error(saved.message);
}

let second: Db | null = null;
afterEach(() => {
  second?.$client.close();
  second = null;
});

describe("the registry kept in memory", () => {
  it("is read once and kept while nothing it holds changes: news posts and drafts leave it alone", () => {
    publish(createDocument(editor).id);
    const kept = publicRegistry(db);
    expect(searchRegistry(db, {}).total).toBe(1);
    const before = version();
    setStatus(create(editor).id, "published");
    const draft = createDocument(editor, "Dự thảo", { number: "70/2023/NĐ-CP" });
    saveDocumentFor(db, editor, { intent: "save", id: draft.id, version: row(draft.id).version, fields: content("Dự thảo sửa"), registry: registry({ number: "70/2023/NĐ-CP", signer: "Lê Minh Khái" }) });
    expect(version()).toBe(before);
    expect(publicRegistry(db)).toBe(kept);
  });

  it("is read again after each kind of change, at the next search", () => {
    const created = createDocument(editor);
    expect(numbers()).toEqual([]);
    publish(created.id);
    expect(numbers()).toEqual(["65/2023/NĐ-CP"]);
    setStatus(created.id, "unpublished");
    expect(numbers()).toEqual([]);
    publish(created.id);
    expect(numbers()).toEqual(["65/2023/NĐ-CP"]);

    saveRegistry(created.id, { fields: ["Sở hữu trí tuệ", "Đo lường"] });
    // Equal counts by name, as SQL compares text: "S" before "Đ".
    expect(facet("field")).toEqual(["so-huu-tri-tue:Sở hữu trí tuệ:1", "do-luong:Đo lường:1"]);
    saveRegistry(created.id, { fields: ["Đo lường"] });
    expect(facet("field")).toEqual(["do-luong:Đo lường:1"]);

    expect(facet("status")).toEqual(["in_force:Còn hiệu lực:1"]);
    saveRegistry(created.id, { fields: ["Đo lường"], effectiveUntil: "01/01/2024" });
    expect(facet("status")).toEqual(["expired:Hết hiệu lực toàn bộ:1"]);
    saveRegistry(created.id, { fields: ["Đo lường"], issuedOn: "23/08/2021", effectiveFrom: "" });
    expect(searchRegistry(db, {}).facets.year.map((y) => y.value)).toEqual(["2021"]);
    expect(facet("status")).toEqual(["unknown:Chưa xác định:1"]);

    renameDocumentTypeFor(db, admin, typeId("nghi-dinh"), "Nghị định của Chính phủ");
    expect(facet("type")).toEqual(["nghi-dinh-cua-chinh-phu:Nghị định của Chính phủ:1"]);
    expect(searchRegistry(db, {}).items[0]!.type).toBe("Nghị định của Chính phủ");

    expect(trashPostsFor(db, editor, [created.id])).toMatchObject({ ok: true });
    expect(numbers()).toEqual([]);
  });

  it("sees what another connection writes to the same file (another process, a CLI)", () => {
    publish(createDocument(editor).id);
    expect(numbers()).toEqual(["65/2023/NĐ-CP"]);
    second = openDb(db.$client.name);
    const imported = storeImportedDocument(second, {
      typeName: "Thông tư",
      summary: "Quy định thủ tục xác lập quyền sở hữu công nghiệp",
      registry: { number: "23/2023/TT-BKHCN", issuer: "Bộ Khoa học và Công nghệ", signer: "", issuedOn: "2023-11-30", effectiveFrom: "2024-01-15", effectiveUntil: null, manualStatus: null, nationalDatabaseUrl: "", fields: ["Sở hữu công nghiệp"] },
      files: [],
    });
    expect(imported.status).toBe("imported");
    expect(numbers()).toEqual(["23/2023/TT-BKHCN", "65/2023/NĐ-CP"]);
    second.update(documents).set({ issuedOn: "2001-02-03" }).where(eq(documents.postId, imported.id)).run();
    expect(numbers()).toEqual(["65/2023/NĐ-CP", "23/2023/TT-BKHCN"]);
    expect(searchRegistry(db, {}).facets.year.map((y) => y.value)).toEqual(["2023", "2001"]);
    second.update(documentTypes).set({ name: "Thông tư của Bộ" }).where(eq(documentTypes.slug, "thong-tu")).run();
    expect(searchRegistry(db, { type: "thong-tu" }).items.map((i) => i.type)).toEqual(["Thông tư của Bộ"]);
  });

  it("keeps nothing read inside a transaction that is then rolled back", () => {
    const created = createDocument(editor);
    publish(created.id);
    expect(numbers()).toEqual(["65/2023/NĐ-CP"]);
    const rolledBack = new Error("rolled back");
    expect(() =>
      db.transaction(() => {
        db.update(posts).set({ status: "draft" }).where(eq(posts.id, created.id)).run();
        expect(numbers()).toEqual([]);
        throw rolledBack;
      }),
    ).toThrow(rolledBack);
    // Another change takes the version to the number the rolled-back one had, with other rows.
    second = openDb(db.$client.name);
    second.update(documentTypes).set({ position: 99 }).where(eq(documentTypes.slug, "luat")).run();
    expect(numbers()).toEqual(["65/2023/NĐ-CP"]);
  });

  it("shows a scheduled document once its time has come, with nothing written meanwhile", () => {
    const created = createDocument(editor);
    const at = new Date(Date.now() + 60 * 60_000);
    setStatus(created.id, "published", at);
    const kept = publicRegistry(db);
    expect(numbers({}, new Date(at.getTime() - 1))).toEqual([]);
    expect(numbers({ q: "65/2023" }, new Date(at.getTime() - 1))).toEqual([]);
    expect(numbers({}, at)).toEqual(["65/2023/NĐ-CP"]);
    expect(numbers({ q: "65/2023" }, at)).toEqual(["65/2023/NĐ-CP"]);
    expect(publicRegistry(db)).toBe(kept);
  });

  it("moves the status facet at Vietnam midnight, with nothing written meanwhile", () => {
    publish(createDocument(editor, SUMMARY_65, { issuedOn: "01/03/2024", effectiveFrom: "11/03/2024" }).id, new Date("2024-03-01T00:00:00Z"));
    const kept = publicRegistry(db);
    // 16:59 UTC on the 10th is 23:59 in Vietnam; 17:00 UTC is already the 11th there.
    const before = searchRegistry(db, {}, new Date("2024-03-10T16:59:59Z"));
    expect(before.facets.status.map((s) => [s.value, s.count])).toEqual([["not_yet_effective", 1]]);
    expect(before.items[0]!.status).toBe("not_yet_effective");
    const after = searchRegistry(db, {}, new Date("2024-03-10T17:00:00Z"));
    expect(after.facets.status.map((s) => [s.value, s.count])).toEqual([["in_force", 1]]);
    expect(after.items[0]!.status).toBe("in_force");
    expect(searchRegistry(db, { status: "in_force" }, new Date("2024-03-10T16:59:59Z")).total).toBe(0);
    expect(publicRegistry(db)).toBe(kept);
  });
});
