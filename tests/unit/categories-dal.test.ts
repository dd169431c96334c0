import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RefusedError, type Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { activityLog, cacheInvalidations, categories, categorySlugHistory, posts, users, type Role } from "@/db/schema";
import { ensureCategory } from "@/lib/dal/categories/names";
import { resolveAddress } from "@/lib/dal/public/addresses";
import {
  CATEGORY_ADMIN_MESSAGES,
  createCategoryFor,
  deleteCategoryFor,
  listCategoriesFor,
  moveCategoryFor,
  setCategoryOrderFor,
  updateCategoryFor,
} from "@/lib/dal/categories/queries";
import { CATEGORY_MESSAGES, CATEGORY_NAME_MAX, createCategorySchema } from "@/lib/validations/category";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

let seq = 0;
function actor(role: Role): Actor {
  seq += 1;
  const user = db
    .insert(users)
    .values({ email: `nguoi${seq}@cuc.vn`, name: `Người dùng ${seq}`, role, passwordHash: null })
    .returning({ id: users.id, name: users.name })
    .get();
  return { ...user, role, unit: "", ip: "198.51.100.7" };
}

function create(editor: Actor, name: string, description = "") {
  const result = createCategoryFor(db, editor, { name, description });
  if (!result.ok) throw new Error(`create failed: ${result.message}`);
  return result;
}

function addPost(categoryId: number, options: { trashed?: boolean } = {}) {
  seq += 1;
  return db
    .insert(posts)
    .values({
      title: `Bài ${seq}`,
      slug: `bai-${seq}`,
      body: { type: "doc", content: [] },
      categoryId,
      deletedAt: options.trashed ? new Date() : null,
    })
    .returning({ id: posts.id })
    .get();
}

const row = (id: number) => db.select().from(categories).where(eq(categories.id, id)).get();
const allCategories = () => db.select().from(categories).orderBy(categories.id).all();
const categoryCount = () => db.select({ n: count() }).from(categories).get()!.n;
const history = () =>
  db
    .select({ slug: categorySlugHistory.slug, categoryId: categorySlugHistory.categoryId })
    .from(categorySlugHistory)
    .orderBy(categorySlugHistory.slug)
    .all();
const logCount = () => db.select({ n: count() }).from(activityLog).get()!.n;
const lastLog = () => db.select().from(activityLog).orderBy(activityLog.id).all().at(-1);
const outbox = () => db.select({ tag: cacheInvalidations.tag }).from(cacheInvalidations).all().map((r) => r.tag);
const navOrder = (viewer: Actor) => listCategoriesFor(db, viewer).map((c) => c.name);

/** Everything a category change may write, to prove a refusal or a rollback wrote nothing. */
function snapshot() {
  return { categories: allCategories(), history: history(), log: logCount(), outbox: outbox().length };
}

/** Makes every activity-log write fail, as a full disk or a bug would, after the change itself was written. */
function breakActivityLog() {
  db.$client.exec("CREATE TRIGGER test_break_log BEFORE INSERT ON activity_log BEGIN SELECT RAISE(ABORT, 'log write failed'); END");
}

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

describe("ordering", () => {
  it("moves a category up and down the navigation, and does nothing at either end", () => {
    const editor = actor("editor");
    const [a, b, c] = ["Một", "Hai", "Ba"].map((name) => create(editor, name));
    expect(navOrder(editor)).toEqual(["Một", "Hai", "Ba"]);
    expect(moveCategoryFor(db, editor, c!.id, "up")).toMatchObject({ ok: true, position: 2 });
    expect(navOrder(editor)).toEqual(["Một", "Ba", "Hai"]);
    expect(lastLog()).toMatchObject({ action: "category.reorder", objectId: String(c!.id) });
    expect(moveCategoryFor(db, editor, a!.id, "down").ok).toBe(true);
    expect(navOrder(editor)).toEqual(["Ba", "Một", "Hai"]);
    expect(allCategories().map((r) => r.position).sort()).toEqual([1, 2, 3]);

    const before = snapshot();
    expect(moveCategoryFor(db, editor, c!.id, "up")).toMatchObject({ ok: true, message: "“Ba” đã ở đầu danh sách." });
    expect(moveCategoryFor(db, editor, b!.id, "down")).toMatchObject({ ok: true, message: "“Hai” đã ở cuối danh sách." });
    expect(snapshot()).toEqual(before);
    expect(moveCategoryFor(db, editor, 9999, "up")).toEqual({ ok: false, message: CATEGORY_ADMIN_MESSAGES.notFound });
  });

  it("sets the whole order at once, refusing a list that does not name every category exactly once", () => {
    const editor = actor("editor");
    const [a, b, c] = ["Một", "Hai", "Ba"].map((name) => create(editor, name));
    expect(setCategoryOrderFor(db, editor, [c!.id, a!.id, b!.id]).ok).toBe(true);
    expect(navOrder(editor)).toEqual(["Ba", "Một", "Hai"]);
    const before = snapshot();
    for (const ids of [[c!.id, a!.id], [c!.id, a!.id, a!.id], [c!.id, a!.id, b!.id, 9999], [c!.id, a!.id, 9999]]) {
      expect(setCategoryOrderFor(db, editor, ids)).toEqual({ ok: false, message: CATEGORY_ADMIN_MESSAGES.staleOrder });
    }
    expect(setCategoryOrderFor(db, editor, [c!.id, a!.id, b!.id])).toMatchObject({ ok: true, message: CATEGORY_ADMIN_MESSAGES.unchanged });
    expect(snapshot()).toEqual(before);
  });

  it("orders imported categories (ensureCategory) after the existing ones", () => {
    const editor = actor("editor");
    create(editor, "Một");
    create(editor, "Hai");
    db.transaction((tx) => ensureCategory(tx, "Nhập từ trang cũ"));
    expect(navOrder(editor)).toEqual(["Một", "Hai", "Nhập từ trang cũ"]);
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
