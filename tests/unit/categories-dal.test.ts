/** Categories in the data layer: who may manage them, creating and deleting, one transaction per change, the importer. */
import { describe, expect, it } from "vitest";
import { RefusedError } from "@/lib/dal/actor";
import { ensureCategory } from "@/lib/dal/categories/names";
import { CATEGORY_ADMIN_MESSAGES, createCategoryFor, deleteCategoryFor, listCategoriesFor, moveCategoryFor, setCategoryOrderFor, updateCategoryFor } from "@/lib/dal/categories/queries";
import { CATEGORY_MESSAGES, CATEGORY_NAME_MAX, createCategorySchema } from "@/lib/validations/category";
import { db, actor, create, addPost, row, categoryCount, lastLog, outbox, snapshot, breakActivityLog } from "./helpers/categories-world";

describe("permission, checked next to every query", () => {
  it("refuses authors and no session for every read and change, writing nothing", () => {
    const editor = actor("editor");
    const target = create(editor, "Tin tức");
    const before = snapshot();
    for (const who of [actor("author"), null]) {
      const afterActor = snapshot();
      expect(() => listCategoriesFor(db, who)).toThrow(RefusedError);
      expect(() => createCategoryFor(db, who, { name: "Chuyên mục lạ" })).toThrow(RefusedError);
      expect(() => updateCategoryFor(db, who, target.id, { name: "Đổi tên" })).toThrow(RefusedError);
      expect(() => moveCategoryFor(db, who, target.id, "up")).toThrow(RefusedError);
      expect(() => setCategoryOrderFor(db, who, [target.id])).toThrow(RefusedError);
      expect(() => deleteCategoryFor(db, who, target.id)).toThrow(RefusedError);
      expect(snapshot()).toEqual(afterActor);
    }
    expect(snapshot().categories).toEqual(before.categories);
    expect(snapshot().outbox).toBe(before.outbox);
  });

  it("lets editors and admins manage categories", () => {
    for (const role of ["editor", "admin"] as const) {
      const who = actor(role);
      const created = create(who, `Chuyên mục của ${role}`);
      expect(updateCategoryFor(db, who, created.id, { name: `Đã đổi ${role}` }).ok).toBe(true);
      expect(moveCategoryFor(db, who, created.id, "up").ok).toBe(true);
      expect(listCategoriesFor(db, who).map((c) => c.name)).toContain(`Đã đổi ${role}`);
      expect(deleteCategoryFor(db, who, created.id).ok).toBe(true);
    }
    expect(categoryCount()).toBe(0);
  });
});

describe("createCategoryFor", () => {
  it("stores the cleaned NFC name with a slug, at the end of the navigation, logged and queued for the public cache", () => {
    const editor = actor("editor");
    const first = create(editor, "Hoạt động Đảng, đoàn thể");
    const decomposed = "  Thi đua – Khen thưởng ".normalize("NFD");
    const second = create(editor, decomposed, "Tin  khen thưởng");
    expect(row(second.id)).toMatchObject({ name: "Thi đua – Khen thưởng", slug: "thi-dua-khen-thuong", description: "Tin khen thưởng" });
    expect(row(first.id)!.slug).toBe("hoat-dong-dang-doan-the");
    expect(row(second.id)!.position).toBeGreaterThan(row(first.id)!.position);
    expect(second.message).toBe("Đã tạo chuyên mục “Thi đua – Khen thưởng”.");
    expect(lastLog()).toMatchObject({ action: "category.create", actorId: editor.id, objectType: "category", objectId: String(second.id), ip: "198.51.100.7" });
    expect(outbox().filter((tag) => tag === "public")).toHaveLength(2);
  });

  it("refuses a name that exists in another case or composition, naming the existing one", () => {
    const editor = actor("editor");
    create(editor, "Thi đua – Khen thưởng");
    const before = snapshot();
    for (const name of ["thi đua – khen thưởng", "THI ĐUA – KHEN THƯỞNG", "Thi đua – Khen thưởng".normalize("NFD"), " Thi  đua – Khen thưởng "]) {
      expect(createCategoryFor(db, editor, { name })).toEqual({ ok: false, field: "name", message: CATEGORY_ADMIN_MESSAGES.duplicate("Thi đua – Khen thưởng") });
    }
    expect(snapshot()).toEqual(before);
  });

  it("refuses an empty or over-long name and counts letters, not code units", () => {
    const editor = actor("editor");
    expect(createCategoryFor(db, editor, { name: " \u200B " })).toEqual({ ok: false, field: "name", message: CATEGORY_MESSAGES.nameRequired });
    expect(createCategoryFor(db, editor, { name: "a".repeat(CATEGORY_NAME_MAX + 1) })).toEqual({ ok: false, field: "name", message: CATEGORY_MESSAGES.nameTooLong });
    expect(createCategoryFor(db, editor, { name: "x", description: "d".repeat(501) })).toMatchObject({ ok: false, field: "description" });
    expect(categoryCount()).toBe(0);
    // 120 letters typed in decomposed form are 240+ code points, but 120 letters after NFC.
    expect(createCategoryFor(db, editor, { name: "ộ".normalize("NFD").repeat(CATEGORY_NAME_MAX) }).ok).toBe(true);
  });

  it("gives names that make the same slug distinct slugs", () => {
    const editor = actor("editor");
    expect(create(editor, "Tin tức").slug).toBe("tin-tuc");
    expect(create(editor, "Tin tuc").slug).toBe("tin-tuc-2");
    expect(create(editor, "TIN-TỨC!").slug).toBe("tin-tuc-3");
  });

  it("has the same rules in the form schema, with Vietnamese messages", () => {
    const parse = (data: unknown) => createCategorySchema.safeParse(data);
    expect(parse({ name: "" }).error?.issues[0]?.message).toBe(CATEGORY_MESSAGES.nameRequired);
    expect(parse({}).error?.issues[0]?.message).toBe(CATEGORY_MESSAGES.nameRequired);
    expect(parse({ name: "a".repeat(200) }).error?.issues[0]?.message).toBe(CATEGORY_MESSAGES.nameTooLong);
    expect(parse({ name: " Tin  tức ".normalize("NFD") }).data).toEqual({ name: "Tin tức", description: "" });
  });
});

describe("deleteCategoryFor", () => {
  it("refuses a category that still has posts, trashed ones included, naming the count", () => {
    const editor = actor("editor");
    const used = create(editor, "Tin tức");
    addPost(used.id);
    addPost(used.id, { trashed: true });
    const trashedOnly = create(editor, "Lưu trữ");
    addPost(trashedOnly.id, { trashed: true });
    const before = snapshot();
    expect(deleteCategoryFor(db, editor, used.id)).toEqual({ ok: false, message: CATEGORY_ADMIN_MESSAGES.inUse("Tin tức", 2, 1) });
    expect(CATEGORY_ADMIN_MESSAGES.inUse("Tin tức", 2, 1)).toContain("còn 2 bài viết");
    expect(deleteCategoryFor(db, editor, trashedOnly.id)).toMatchObject({ ok: false, message: expect.stringContaining("1 bài trong thùng rác") });
    expect(snapshot()).toEqual(before);
    expect(listCategoriesFor(db, editor).find((c) => c.id === used.id)).toMatchObject({ postCount: 2, trashedCount: 1 });
  });

  it("deletes an empty category, logged and queued for the public cache", () => {
    const editor = actor("editor");
    const { id } = create(editor, "Tạm thời");
    expect(deleteCategoryFor(db, editor, id)).toEqual({ ok: true, message: "Đã xoá chuyên mục “Tạm thời”." });
    expect(row(id)).toBeUndefined();
    expect(lastLog()).toMatchObject({ action: "category.delete", objectId: String(id) });
    expect(outbox().at(-1)).toBe("public");
    expect(deleteCategoryFor(db, editor, id)).toEqual({ ok: false, message: CATEGORY_ADMIN_MESSAGES.notFound });
  });
});

describe("one transaction per change", () => {
  it("leaves nothing behind when the activity log cannot be written", () => {
    const editor = actor("editor");
    const a = create(editor, "Tin A");
    const b = create(editor, "Tin B");
    updateCategoryFor(db, editor, a.id, { name: "Tin A mới" });
    breakActivityLog();
    const before = snapshot();
    expect(() => createCategoryFor(db, editor, { name: "Tin C" })).toThrow(/log write failed/);
    expect(() => updateCategoryFor(db, editor, a.id, { name: "Tin A" })).toThrow(/log write failed/);
    expect(() => updateCategoryFor(db, editor, b.id, { name: "Tin D" })).toThrow(/log write failed/);
    expect(() => moveCategoryFor(db, editor, b.id, "up")).toThrow(/log write failed/);
    expect(() => setCategoryOrderFor(db, editor, [b.id, a.id])).toThrow(/log write failed/);
    expect(() => deleteCategoryFor(db, editor, b.id)).toThrow(/log write failed/);
    expect(snapshot()).toEqual(before);
  });
});

describe("ensureCategory (the importer)", () => {
  it("finds an existing category whatever the case, and takes no other category's old slug", () => {
    const editor = actor("editor");
    const existing = create(editor, "Thi đua – Khen thưởng");
    expect(db.transaction((tx) => ensureCategory(tx, "thi đua – khen thưởng"))).toEqual({ id: existing.id, slug: existing.slug });
    updateCategoryFor(db, editor, existing.id, { name: "Khen thưởng" });
    const imported = db.transaction((tx) => ensureCategory(tx, "Thi đua, khen thưởng"));
    expect(imported.slug).toBe("thi-dua-khen-thuong-2");
  });
});
