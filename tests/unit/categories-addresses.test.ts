/** A category's addresses: the slug follows a rename and old ones keep redirecting, in Vietnamese and in English. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { RefusedError } from "@/lib/dal/actor";
import { activityLog, categories } from "@/db/schema";
import { resolveAddress } from "@/lib/dal/public/addresses";
import { CATEGORY_ADMIN_MESSAGES, deleteCategoryFor, listCategoriesFor, updateCategoryFor } from "@/lib/dal/categories/queries";
import { CATEGORY_MESSAGES } from "@/lib/validations/category";
import { db, actor, create, row, history, lastLog, outbox, snapshot } from "./helpers/categories-world";

describe("updateCategoryFor: rename with slug history", () => {
  it("moves the slug with the name and keeps the old one as a redirect", () => {
    const editor = actor("editor");
    const created = create(editor, "Tin tức");
    const result = updateCategoryFor(db, editor, created.id, { name: "Tin hoạt động", description: "Mới" });
    expect(result).toMatchObject({ ok: true, slug: "tin-hoat-dong" });
    expect(result.message).toContain("/chuyen-muc/tin-tuc");
    expect(row(created.id)).toMatchObject({ name: "Tin hoạt động", slug: "tin-hoat-dong", description: "Mới" });
    expect(history()).toEqual([{ slug: "tin-tuc", categoryId: created.id }]);
    expect(lastLog()).toMatchObject({ action: "category.update", objectId: String(created.id) });
    expect(lastLog()!.summary).toContain("tin-tuc → /chuyen-muc/tin-hoat-dong");
    expect(outbox().at(-1)).toBe("public");
  });

  it("keeps every earlier slug, and renaming back takes the old slug out of the history", () => {
    const editor = actor("editor");
    const { id } = create(editor, "Tin A");
    updateCategoryFor(db, editor, id, { name: "Tin B" });
    updateCategoryFor(db, editor, id, { name: "Tin C" });
    expect(history()).toEqual([
      { slug: "tin-a", categoryId: id },
      { slug: "tin-b", categoryId: id },
    ]);
    expect(updateCategoryFor(db, editor, id, { name: "Tin A" })).toMatchObject({ ok: true, slug: "tin-a" });
    expect(row(id)!.slug).toBe("tin-a");
    expect(history()).toEqual([
      { slug: "tin-b", categoryId: id },
      { slug: "tin-c", categoryId: id },
    ]);
  });

  it("keeps the slug when only case or punctuation changes, and allows its own name in another case", () => {
    const editor = actor("editor");
    const { id } = create(editor, "Tin tức");
    expect(updateCategoryFor(db, editor, id, { name: "TIN TỨC" })).toMatchObject({ ok: true, slug: "tin-tuc" });
    expect(history()).toEqual([]);
    const before = snapshot();
    expect(updateCategoryFor(db, editor, id, { name: "TIN TỨC" })).toMatchObject({ ok: true, message: CATEGORY_ADMIN_MESSAGES.unchanged });
    expect(snapshot()).toEqual(before);
  });

  it("refuses another category's name in any case, and an empty name, changing nothing", () => {
    const editor = actor("editor");
    create(editor, "Thi đua – Khen thưởng");
    const { id } = create(editor, "Tin tức");
    const before = snapshot();
    expect(updateCategoryFor(db, editor, id, { name: "thi đua – khen thưởng" })).toMatchObject({ ok: false, field: "name" });
    expect(updateCategoryFor(db, editor, id, { name: "" })).toMatchObject({ ok: false, field: "name", message: CATEGORY_MESSAGES.nameRequired });
    expect(updateCategoryFor(db, editor, 9999, { name: "Không có" })).toEqual({ ok: false, message: CATEGORY_ADMIN_MESSAGES.notFound });
    expect(snapshot()).toEqual(before);
  });

  it("never hands another category's old slug to a new or renamed category, so its old links keep redirecting", () => {
    const editor = actor("editor");
    const moved = create(editor, "Tin tức");
    updateCategoryFor(db, editor, moved.id, { name: "Tin mới" });
    expect(create(editor, "Tin tức").slug).toBe("tin-tuc-2");
    const other = create(editor, "Khác");
    expect(updateCategoryFor(db, editor, other.id, { name: "Tin tức!" })).toMatchObject({ ok: true, slug: "tin-tuc-3" });
    expect(history()).toEqual([
      { slug: "khac", categoryId: other.id },
      { slug: "tin-tuc", categoryId: moved.id },
    ]);
  });

  it("drops a category's old slugs with it", () => {
    const editor = actor("editor");
    const { id } = create(editor, "Tin A");
    updateCategoryFor(db, editor, id, { name: "Tin B" });
    expect(deleteCategoryFor(db, editor, id).ok).toBe(true);
    expect(history()).toEqual([]);
  });
});

describe("English name and slug (migration 0015)", () => {
  it("are optional, and unique only among the categories that have them", () => {
    const editor = actor("editor");
    const a = create(editor, "Tin hoạt động");
    const b = create(editor, "Thông báo chung");
    expect(row(a.id)).toMatchObject({ nameEn: null, slugEn: null });
    db.update(categories).set({ nameEn: "Activities", slugEn: "activities" }).where(eq(categories.id, a.id)).run();
    expect(() =>
      db.update(categories).set({ nameEn: "Other", slugEn: "activities" }).where(eq(categories.id, b.id)).run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.update(categories).set({ nameEn: "Activities", slugEn: "other" }).where(eq(categories.id, b.id)).run(),
    ).toThrow(/UNIQUE/);
    expect(row(b.id)).toMatchObject({ nameEn: null, slugEn: null });
  });
});

describe("the English name on /admin/categories", () => {
  it("is set, renamed and removed with its address, refused when another category has it, and logged", () => {
    const editor = actor("editor");
    const a = create(editor, "Tin hoạt động");
    const b = create(editor, "Thông báo chung");
    expect(updateCategoryFor(db, editor, a.id, { name: "Tin hoạt động", nameEn: "  Activities " })).toMatchObject({ ok: true });
    expect(row(a.id)).toMatchObject({ name: "Tin hoạt động", slug: a.slug, nameEn: "Activities", slugEn: "activities" });
    // Absent leaves it as it is (the create form and older callers do not send it).
    updateCategoryFor(db, editor, a.id, { name: "Tin hoạt động", description: "Mô tả" });
    expect(row(a.id)).toMatchObject({ nameEn: "Activities", slugEn: "activities" });
    expect(updateCategoryFor(db, editor, b.id, { name: "Thông báo chung", nameEn: "activities" })).toMatchObject({ ok: false, field: "nameEn", message: CATEGORY_ADMIN_MESSAGES.duplicateEn("Activities") });
    // A change of case keeps the address; a new name takes a new one.
    updateCategoryFor(db, editor, a.id, { name: "Tin hoạt động", nameEn: "ACTIVITIES" });
    expect(row(a.id)).toMatchObject({ nameEn: "ACTIVITIES", slugEn: "activities" });
    updateCategoryFor(db, editor, b.id, { name: "Thông báo chung", nameEn: "Notices" });
    updateCategoryFor(db, editor, a.id, { name: "Tin hoạt động", nameEn: "News and events" });
    expect(row(a.id)).toMatchObject({ slugEn: "news-and-events" });
    const logged = db.select().from(activityLog).where(eq(activityLog.objectId, String(a.id))).all().map((r) => r.summary).join("\n");
    expect(logged).toContain("đường dẫn tiếng Anh /en/category/activities → /en/category/news-and-events");
    expect(updateCategoryFor(db, editor, a.id, { name: "Tin hoạt động", nameEn: "" })).toMatchObject({ ok: true });
    expect(row(a.id)).toMatchObject({ nameEn: null, slugEn: null });
    expect(listCategoriesFor(db, editor).find((c) => c.id === b.id)).toMatchObject({ nameEn: "Notices", slugEn: "notices" });
    expect(() => updateCategoryFor(db, actor("author"), b.id, { name: "Thông báo chung", nameEn: "X" })).toThrow(RefusedError);
  });
});

describe("an English category address after a rename", () => {
  it("redirects the old English address to the new one, keeps the Vietnamese history apart, and is never given to another category", () => {
    const editor = actor("editor");
    const a = create(editor, "Tin hoạt động");
    expect(updateCategoryFor(db, editor, a.id, { name: "Tin hoạt động", nameEn: "Activities" })).toMatchObject({ ok: true });
    expect(resolveAddress(db, "/en/category/activities")).toEqual({ kind: "page" });
    updateCategoryFor(db, editor, a.id, { name: "Tin hoạt động", nameEn: "News and events" });
    expect(resolveAddress(db, "/en/category/activities")).toEqual({ kind: "redirect", location: "/en/category/news-and-events" });
    expect(resolveAddress(db, "/en/category/activities/page/2")).toMatchObject({ kind: "redirect" });
    // The same word on the Vietnamese site is not an old address there.
    expect(resolveAddress(db, "/chuyen-muc/activities")).toEqual({ kind: "missing" });
    // Another category named "Activities" gets a new address: the old one keeps redirecting.
    const b = create(editor, "Thông báo");
    updateCategoryFor(db, editor, b.id, { name: "Thông báo", nameEn: "Activities" });
    expect(row(b.id)?.slugEn).not.toBe("activities");
    expect(resolveAddress(db, "/en/category/activities")).toEqual({ kind: "redirect", location: "/en/category/news-and-events" });
    // Renaming back makes the first address current again.
    updateCategoryFor(db, editor, a.id, { name: "Tin hoạt động", nameEn: "Activities and events" });
    updateCategoryFor(db, editor, b.id, { name: "Thông báo", nameEn: "Notices" });
    updateCategoryFor(db, editor, a.id, { name: "Tin hoạt động", nameEn: "Activities" });
    expect(row(a.id)?.slugEn).toBe("activities");
    expect(resolveAddress(db, "/en/category/activities")).toEqual({ kind: "page" });
    expect(resolveAddress(db, "/en/category/news-and-events")).toEqual({ kind: "redirect", location: "/en/category/activities" });
    // Without an English name the category is off the English site, old addresses included.
    updateCategoryFor(db, editor, a.id, { name: "Tin hoạt động", nameEn: "" });
    expect(resolveAddress(db, "/en/category/news-and-events")).toEqual({ kind: "missing" });
  });
});
